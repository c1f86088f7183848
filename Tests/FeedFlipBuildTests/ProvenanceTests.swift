import XCTest
import Foundation
import FeedFlipBuild

/// The dirty flag of the manifest: a change to a tracked source file makes the tree dirty; a
/// change inside the build's own output folders (report, figures) does not.
final class ProvenanceTests: XCTestCase {
    func testOutputFoldersDoNotMakeTheTreeDirty() throws {
        let root = makeTemporaryFolder(self)
        func git(_ args: String...) throws {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            p.arguments = ["git", "-C", root.path, "-c", "user.name=t", "-c", "user.email=t@t"] + args
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            try p.run()
            p.waitUntilExit()
            XCTAssertEqual(p.terminationStatus, 0, "git \(args)")
        }
        let report = root.appendingPathComponent("report"), figures = root.appendingPathComponent("figures")
        for folder in [report, figures] {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        }
        let source = root.appendingPathComponent("source.txt")
        try "a".write(to: source, atomically: true, encoding: .utf8)
        try "r".write(to: report.appendingPathComponent("report.md"), atomically: true, encoding: .utf8)
        try "f".write(to: figures.appendingPathComponent("f.png"), atomically: true, encoding: .utf8)
        try git("init", "-q")
        try git("add", ".")
        try git("commit", "-q", "-m", "start")

        XCTAssertFalse(Provenance.collect(projectRoot: root, blas: "").dirty)
        try "r2".write(to: report.appendingPathComponent("report.md"), atomically: true, encoding: .utf8)
        try "f2".write(to: figures.appendingPathComponent("f.png"), atomically: true, encoding: .utf8)
        XCTAssertTrue(Provenance.collect(projectRoot: root, blas: "").dirty, "without outputs named")
        XCTAssertFalse(Provenance.collect(projectRoot: root, blas: "", outputs: [report, figures]).dirty)
        // An output folder outside the checkout is simply not a pathspec.
        XCTAssertFalse(Provenance.collect(projectRoot: root, blas: "",
                                          outputs: [report, figures, URL(fileURLWithPath: "/tmp/elsewhere")]).dirty)
        try "b".write(to: source, atomically: true, encoding: .utf8)
        XCTAssertTrue(Provenance.collect(projectRoot: root, blas: "", outputs: [report, figures]).dirty)
    }
}
