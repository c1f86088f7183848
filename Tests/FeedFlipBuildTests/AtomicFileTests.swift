import XCTest
import Foundation
import FeedFlipBuild

/// `AtomicFile`, `JSONText` and `ProgressMeter.clock`.
final class AtomicFileTests: XCTestCase {
    func testWritesCreatesFoldersAndReplaces() throws {
        let root = makeTemporaryFolder(self)
        let url = root.appendingPathComponent("a/b/c/out.txt")
        try AtomicFile.write("first\n", to: url)
        XCTAssertEqual(try String(contentsOf: url, encoding: .utf8), "first\n")
        try AtomicFile.write("second, longer text ✓\n", to: url)
        XCTAssertEqual(try String(contentsOf: url, encoding: .utf8), "second, longer text ✓\n")
        try AtomicFile.write([UInt8](), to: url)
        XCTAssertEqual(try Data(contentsOf: url).count, 0)
        try AtomicFile.write([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59] as [UInt8], to: root.appendingPathComponent("x.npy"))
        XCTAssertEqual(try Data(contentsOf: root.appendingPathComponent("x.npy")), Data([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]))
        XCTAssertEqual(filesBelow(root), ["a/b/c/out.txt", "x.npy"], "no temporary file is left")
    }

    func testUnwritableLocationUnderARegularFile() throws {
        let root = makeTemporaryFolder(self)
        let file = root.appendingPathComponent("plain")
        try Data("x".utf8).write(to: file)
        let target = file.appendingPathComponent("sub/out.txt")
        XCTAssertThrowsError(try AtomicFile.write("y", to: target)) { error in
            guard case let .unwritable(path, reason)? = error as? BuildError else {
                return XCTFail("expected unwritable, got \(error)")
            }
            XCTAssertEqual(path, file.appendingPathComponent("sub").path)
            XCTAssertFalse(reason.isEmpty)
            let d = "\(error)"
            XCTAssertTrue(d.hasPrefix("cannot write \(path): "), d)
            XCTAssertTrue(d.hasSuffix("choose another folder or fix its permissions"), d)
        }
        XCTAssertThrowsError(try AtomicFile.prepareFolder(file)) { error in
            guard case .unwritable(file.path, _)? = error as? BuildError else { return XCTFail("expected unwritable, got \(error)") }
        }
        // Replacing a folder by a file fails too, and leaves no temporary file behind.
        let folder = root.appendingPathComponent("folder")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("inside"), withIntermediateDirectories: true)
        XCTAssertThrowsError(try AtomicFile.write("z", to: folder)) { error in
            guard case .unwritable? = error as? BuildError else { return XCTFail("expected unwritable, got \(error)") }
        }
        XCTAssertEqual(filesBelow(root), ["plain"])
    }

    func testJSONTextIsSortedIndentedAndSpellsNonFiniteNumbers() throws {
        struct Doc: Encodable { var zeta = 1; var alpha = [Double.nan, .infinity, -.infinity, 0.5]; var path = "a/b" }
        XCTAssertEqual(try JSONText.encode(Doc()), """
            {
              "alpha" : [
                "nan",
                "inf",
                "-inf",
                0.5
              ],
              "path" : "a/b",
              "zeta" : 1
            }

            """)
    }

    func testClockFormat() {
        XCTAssertEqual(ProgressMeter.clock(4.24), "4.2s")
        XCTAssertEqual(ProgressMeter.clock(187), "3m07s")
        XCTAssertEqual(ProgressMeter.clock(3720), "1h02m")
        XCTAssertEqual(ProgressMeter.clock(-1), "?")
        XCTAssertEqual(ProgressMeter.clock(.nan), "?")
    }

    func testProgressLinesCountSteps() {
        let lines = LineLog()
        let meter = ProgressMeter(label: "train", total: 2, interactive: true) { line, transient in lines.add(line, transient) }
        meter.step("a")
        meter.step("b")
        let got = lines.lines
        XCTAssertEqual(got.count, 2)
        XCTAssertTrue(got[0].0.hasPrefix("[train 1/2] a (elapsed "), got[0].0)
        XCTAssertTrue(got[0].1, "on a terminal, lines before the last are transient")
        XCTAssertTrue(got[1].0.hasPrefix("[train 2/2] b (elapsed "), got[1].0)
        XCTAssertFalse(got[1].1)
    }
}

private final class LineLog: @unchecked Sendable {
    private let lock = NSLock()
    private var store: [(String, Bool)] = []
    func add(_ s: String, _ t: Bool) { lock.lock(); store.append((s, t)); lock.unlock() }
    var lines: [(String, Bool)] { lock.lock(); defer { lock.unlock() }; return store }
}
