import Foundation
import XCTest

/// `feedflip fetch` against a local HTTP server (never the internet): the real files are
/// served from a temporary folder, a corrupted copy must be rejected.
final class FetchEndToEndTests: XCTestCase {
    /// Serves `folder` over HTTP on 127.0.0.1; returns the base URL. Stopped at teardown.
    func serve(_ folder: URL) throws -> String {
        let port = Int.random(in: 20_000..<60_000)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", "-m", "http.server", "\(port)", "--bind", "127.0.0.1", "--directory", folder.path]
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        do { try p.run() } catch { throw XCTSkip("python3 is needed for the local HTTP server: \(error)") }
        addTeardownBlock { p.terminate(); p.waitUntilExit() }
        // Wait until it answers.
        for _ in 0..<100 {
            if Tools.run(["curl", "-fs", "-o", "/dev/null", "http://127.0.0.1:\(port)/"]) != nil { break }
            usleep(50_000)
        }
        return "http://127.0.0.1:\(port)/"
    }

    func testMNISTIsFetchedVerifiedAndACorruptCopyIsRejected() throws {
        let dir = try BinaryRunner.temporaryFolder(self)
        let good = dir.appendingPathComponent("good"), bad = dir.appendingPathComponent("bad")
        let source = BinaryRunner.dataRoot.appendingPathComponent("mnist")
        try FileManager.default.createDirectory(at: good, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: bad, withIntermediateDirectories: true)
        for name in ["train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz", "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"] {
            try FileManager.default.copyItem(at: source.appendingPathComponent(name), to: good.appendingPathComponent(name))
            try FileManager.default.copyItem(at: source.appendingPathComponent(name), to: bad.appendingPathComponent(name))
        }
        // Corrupt the bad copy's test labels: same length, one label changed (valid gzip, wrong content).
        let labels = bad.appendingPathComponent("t10k-labels-idx1-ubyte.gz")
        let original = try Data(contentsOf: labels)
        _ = Tools.run(["sh", "-c", "gzip -dc '\(labels.path)' > '\(labels.path).raw' && printf '\\011' | dd of='\(labels.path).raw' bs=1 seek=8 conv=notrunc 2>/dev/null && gzip -nc '\(labels.path).raw' > '\(labels.path)' && rm '\(labels.path).raw'"])

        XCTAssertNotEqual(try Data(contentsOf: labels), original, "the copy was corrupted")

        let into = dir.appendingPathComponent("store")
        let rejected = try BinaryRunner.run(["fetch", "mnist", "--into", into.path, "--mirror", try serve(bad)])
        assertBadInput(rejected, mentions: "t10k-labels-idx1-ubyte.gz")
        XCTAssertFalse(FileManager.default.fileExists(atPath: into.appendingPathComponent("mnist/t10k-labels-idx1-ubyte.gz").path),
                       "a file that fails verification is never left in place")

        let fetched = try BinaryRunner.run(["fetch", "mnist", "--into", into.path, "--mirror", try serve(good)])
        XCTAssertEqual(fetched.status, 0, fetched.stderr)
        XCTAssertTrue(fetched.stdout.contains("downloaded and verified"), fetched.stdout)
        let again = try BinaryRunner.run(["fetch", "mnist", "--into", into.path, "--mirror", "http://127.0.0.1:9/"])
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertEqual(again.stdout.components(separatedBy: "already present and verified").count - 1, 4)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: into.appendingPathComponent("mnist").path).filter { $0.hasPrefix(".") }
        XCTAssertEqual(leftovers, [])
    }

    func testUnreachableMirrorSaysWhereToPutTheFiles() throws {
        let dir = try BinaryRunner.temporaryFolder(self)
        let o = try BinaryRunner.run(["fetch", "mnist", "--into", dir.path, "--mirror", "http://127.0.0.1:9/", "--timeout", "5"])
        assertBadInput(o, mentions: dir.appendingPathComponent("mnist").path)
    }

    func testTinyStoriesIsFetchedWithItsRecord() throws {
        let dir = try BinaryRunner.temporaryFolder(self)
        let served = dir.appendingPathComponent("served")
        try FileManager.default.createDirectory(at: served, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: BinaryRunner.dataRoot.appendingPathComponent("tinystories/tinystories-subset.txt"),
                                         to: served.appendingPathComponent("valid.txt"))
        let into = dir.appendingPathComponent("store")
        let o = try BinaryRunner.run(["fetch", "tinystories", "--into", into.path, "--url", try serve(served) + "valid.txt"])
        XCTAssertEqual(o.status, 0, o.stderr)
        XCTAssertTrue(o.stdout.contains("5724 stories"), o.stdout)
        let record = into.appendingPathComponent("tinystories/TinyStoriesV2-GPT4-valid.txt.fetch.json")
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: record)) as? [String: Any]
        XCTAssertEqual(json?["sha256"] as? String, "334ee56f9b1a19485d3fcdc419d99b45b8c052d356cc8ca6d117e4e2fc96cf5b")
    }
}
