import XCTest
import Foundation
import FeedFlipData

/// Fetch against a local HTTP server (python3's http.server on 127.0.0.1, a free port); never the internet.
final class DatasetFetcherTests: XCTestCase {
    private var server: Process?

    override func tearDown() {
        if let s = server, s.isRunning { s.terminate(); s.waitUntilExit() }
        server = nil
    }

    /// Starts a static file server over `dir` and returns its base URL.
    private func serve(_ dir: String) throws -> String {
        let python = ["/usr/bin/python3", "/usr/local/bin/python3"].first { FileManager.default.isExecutableFile(atPath: $0) }
            ?? ProcessInfo.processInfo.environment["PATH"]?.split(separator: ":").map { $0 + "/python3" }
                .first { FileManager.default.isExecutableFile(atPath: $0) }
        guard let py = python else { throw XCTSkip("python3 is needed for the local HTTP server") }
        let script = """
        import functools, http.server, sys
        h = functools.partial(http.server.SimpleHTTPRequestHandler, directory=sys.argv[1])
        h.func.log_message = lambda *a: None
        s = http.server.ThreadingHTTPServer(("127.0.0.1", 0), h)
        print(s.server_address[1], flush=True)
        s.serve_forever()
        """
        let p = Process()
        p.executableURL = URL(fileURLWithPath: py)
        p.arguments = ["-c", script, dir]
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        try p.run()
        server = p
        var line = Data()
        while !line.contains(0x0A) {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            line.append(chunk)
        }
        let port = String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard Int(port) != nil else { throw XCTSkip("local HTTP server did not start") }
        return "http://127.0.0.1:\(port)/"
    }

    func testFetchVerifiesFallsBackAndWritesAtomically() throws {
        let root = try makeTempDir("fetch")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let sums = try writeSyntheticIDX(folder: root + "/www/good")
        // A corrupted mirror: valid gzip + IDX, but different content (wrong checksum), and one
        // truncated file.
        try writeSyntheticIDX(folder: root + "/www/bad", train: 51, test: 21)
        let cut = try Data(contentsOf: URL(fileURLWithPath: root + "/www/good/t10k-images-idx3-ubyte.gz"))
        try cut.prefix(cut.count - 10).write(to: URL(fileURLWithPath: root + "/www/bad/t10k-images-idx3-ubyte.gz"))
        let base = try serve(root + "/www")

        let store = root + "/store"
        // Only the corrupted mirror: every file is rejected, nothing is left behind.
        let badOnly = DatasetFetcher(dataset: .mnist, mirrors: [base + "bad/", base + "missing/"], expectedSHA256: sums)
        XCTAssertThrowsError(try badOnly.fetch(.mnist, into: store)) {
            guard case let .downloadFailed(file, reasons, destination)? = $0 as? DataError else { return XCTFail("\($0)") }
            XCTAssertEqual(file, "train-images-idx3-ubyte.gz")
            XCTAssertEqual(reasons.count, 2)
            XCTAssertTrue(reasons[0].contains("SHA-256"), reasons[0])
            XCTAssertTrue(reasons[1].contains("curl exit 22"), reasons[1]) // HTTP 404
            XCTAssertEqual(destination, store + "/mnist")
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: store + "/mnist"), [])

        // Bad mirror first, good second: every file comes from the good one and verifies.
        let fetcher = DatasetFetcher(dataset: .mnist, mirrors: [base + "bad/", base + "good/"], expectedSHA256: sums)
        let outcomes = try fetcher.fetch(.mnist, into: store)
        XCTAssertEqual(outcomes.count, 4)
        for (name, o) in outcomes { XCTAssertEqual(o, .downloaded(url: base + "good/" + name)) }
        XCTAssertEqual(Set(try FileManager.default.contentsOfDirectory(atPath: store + "/mnist")), Set(ImageDatasetKind.fileNames))
        let loaded = try ImageDataset.load(.mnist, store: DataStore(dataDir: store, environment: [:]), verifyChecksums: false)
        XCTAssertEqual(loaded.sha256, sums)

        // A second fetch finds everything present and downloads nothing (the server is gone).
        server?.terminate(); server?.waitUntilExit()
        let again = try fetcher.fetch(.mnist, into: store)
        XCTAssertTrue(again.values.allSatisfy { $0 == .alreadyPresent })
    }

    func testNoNetworkSaysWhereToPutTheFiles() throws {
        let root = try makeTempDir("offline")
        defer { try? FileManager.default.removeItem(atPath: root) }
        // Port 9 on localhost (discard) is closed: the connection is refused at once.
        let fetcher = DatasetFetcher(dataset: .mnist, mirrors: ["http://127.0.0.1:9/"], timeoutSeconds: 5)
        XCTAssertThrowsError(try fetcher.fetch(.mnist, into: root)) {
            let text = String(describing: $0)
            XCTAssertTrue(text.contains("copy the file into \(root)/mnist"), text)
        }
    }
}
