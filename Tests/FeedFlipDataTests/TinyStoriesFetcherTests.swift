import XCTest
import Foundation
import FeedFlipData

/// `fetch tinystories` against a local HTTP server (python3's http.server on 127.0.0.1, a free
/// port); never the internet.
final class TinyStoriesFetcherTests: XCTestCase {
    private var server: Process?

    override func tearDown() {
        if let s = server, s.isRunning { s.terminate(); s.waitUntilExit() }
        server = nil
    }

    /// Starts a static file server over `dir` and returns its base URL.
    private func serve(_ dir: String) throws -> String {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        guard let py = (["/usr/bin", "/usr/local/bin"] + path.split(separator: ":").map(String.init))
            .map({ $0 + "/python3" }).first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw XCTSkip("python3 is needed for the local HTTP server")
        }
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

    private func tempDir() throws -> String {
        let dir = NSTemporaryDirectory() + "feedflip-tsfetch-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    func testFetchDownloadsVerifiesRecordsAndRejectsBadFiles() throws {
        let root = try tempDir()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let www = root + "/www"
        try FileManager.default.createDirectory(atPath: www, withIntermediateDirectories: true)
        let good = Array("Once upon a time.\n<|endoftext|>\nOne day “Tim” ran.\n<|endoftext|>\n".utf8)
        try Data(good).write(to: URL(fileURLWithPath: www + "/good.txt"))
        var bad = good
        bad[7] = 0xFF
        try Data(bad).write(to: URL(fileURLWithPath: www + "/bad.txt"))
        try Data().write(to: URL(fileURLWithPath: www + "/empty.txt"))
        let base = try serve(www)
        let store = root + "/store"
        let dest = store + "/tinystories/" + TinyStoriesFetcher.fileName
        let sha = SHA256Hasher.hex(good)

        // Rejected downloads leave nothing behind and say why.
        for (name, what) in [("bad.txt", "byte offset 7"), ("empty.txt", "empty"), ("missing.txt", "curl exit")] {
            XCTAssertThrowsError(try TinyStoriesFetcher(url: base + name).fetch(into: store)) { e in
                guard case .downloadFailed? = e as? DataError else { return XCTFail("\(e)") }
                XCTAssertTrue("\(e)".contains(what), "\(e)")
                XCTAssertTrue("\(e)".contains(store + "/tinystories"), "the message says where to put the file: \(e)")
            }
            XCTAssertFalse(FileManager.default.fileExists(atPath: dest))
            XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: store + "/tinystories"), [])
        }
        XCTAssertThrowsError(try TinyStoriesFetcher(url: base + "good.txt", expectedSHA256: String(repeating: "0", count: 64)).fetch(into: store)) { e in
            XCTAssertTrue("\(e)".contains(sha), "\(e)")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: dest))

        // A good download: the file, its record (size, SHA-256, stories), then no second download.
        let first = try TinyStoriesFetcher(url: base + "good.txt", expectedSHA256: sha).fetch(into: store)
        XCTAssertTrue(first.downloaded)
        XCTAssertEqual(first.record, .init(url: base + "good.txt", fileName: TinyStoriesFetcher.fileName,
                                           bytes: good.count, sha256: sha, stories: 2))
        XCTAssertEqual(try [UInt8](Data(contentsOf: URL(fileURLWithPath: dest))), good)
        let recorded = try JSONDecoder().decode(TinyStoriesFetcher.Record.self,
                                                from: Data(contentsOf: URL(fileURLWithPath: TinyStoriesFetcher.recordPath(of: dest))))
        XCTAssertEqual(recorded, first.record)
        let second = try TinyStoriesFetcher(url: base + "missing.txt").fetch(into: store)
        XCTAssertFalse(second.downloaded)
        XCTAssertEqual(second.record, first.record)
        XCTAssertEqual(try DataStore(dataDir: store, environment: [:]).locateTinyStories(), dest)
    }

    func testNoNetworkSaysWhereToPutTheFile() throws {
        let root = try tempDir()
        defer { try? FileManager.default.removeItem(atPath: root) }
        // Port 9 on 127.0.0.1 (discard) refuses connections on a normal machine.
        XCTAssertThrowsError(try TinyStoriesFetcher(url: "http://127.0.0.1:9/x.txt", timeoutSeconds: 5).fetch(into: root)) { e in
            XCTAssertTrue("\(e)".contains(root + "/tinystories"), "\(e)")
        }
        XCTAssertThrowsError(try DataStore(dataDir: root, environment: [:]).locateTinyStories()) { e in
            guard case .notFound? = e as? DataError else { return XCTFail("\(e)") }
        }
    }
}
