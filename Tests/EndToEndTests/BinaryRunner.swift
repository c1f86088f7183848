import Foundation
import XCTest

/// Runs the built `feedflip` binary (release build) and captures its output.
struct BinaryRunner {
    /// The package root, derived from this file's path.
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The shared datasets: `$FEEDFLIP_DATA`, else `../shared/data` beside the package.
    static var dataRoot: URL {
        if let env = ProcessInfo.processInfo.environment["FEEDFLIP_DATA"], !env.isEmpty { return URL(fileURLWithPath: env) }
        return packageRoot.deletingLastPathComponent().appendingPathComponent("shared/data")
    }

    /// The release binary; the README's test command builds it before running the tests.
    static var binary: URL { packageRoot.appendingPathComponent(".build/release/feedflip") }

    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs `feedflip args...` in `cwd` with extra environment variables and waits for it.
    static func run(_ args: [String], cwd: URL? = nil, env: [String: String] = [:]) throws -> Output {
        guard FileManager.default.isExecutableFile(atPath: binary.path) else {
            throw XCTSkip("no release binary at \(binary.path); run `swift build -c release` first (make test does)")
        }
        let p = Process()
        p.executableURL = binary
        p.arguments = args
        if let cwd { p.currentDirectoryURL = cwd }
        var environment = ProcessInfo.processInfo.environment
        environment["CI"] = "true"
        for (k, v) in env { environment[k] = v }
        p.environment = environment
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        // Read both pipes concurrently so a full pipe never blocks the child.
        let errBox = DataBox()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errBox.data = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        let errData = errBox.data
        p.waitUntilExit()
        return Output(status: p.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }

    /// A fresh temporary folder, removed at the end of the test.
    static func temporaryFolder(_ test: XCTestCase) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("feedflip-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        test.addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }
}

/// Bytes handed from the reader thread to the waiting one (ordered by the DispatchGroup).
private final class DataBox: @unchecked Sendable {
    var data = Data()
}

/// Asserts a run failed as bad input: exit 2, one `feedflip: error:` line containing `fragment`, no crash.
func assertBadInput(_ o: BinaryRunner.Output, mentions fragment: String,
                    file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertEqual(o.status, 2, "stderr: \(o.stderr)", file: file, line: line)
    XCTAssertTrue(o.stderr.contains("feedflip: error:"), o.stderr, file: file, line: line)
    XCTAssertTrue(o.stderr.contains(fragment), "expected \"\(fragment)\" in: \(o.stderr)", file: file, line: line)
    XCTAssertFalse(o.stderr.contains("Fatal error") || o.stderr.contains("Stack dump"), o.stderr, file: file, line: line)
}
