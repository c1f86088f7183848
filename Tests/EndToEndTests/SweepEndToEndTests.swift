import Foundation
import XCTest

/// The original interface, `feedflip sweep`, run as a user runs it.
final class SweepEndToEndTests: XCTestCase {
    func testTimeSeriesSweepWritesEveryOutput() throws {
        let dir = try BinaryRunner.temporaryFolder(self)
        let out = dir.appendingPathComponent("results/timeseries")
        let o = try BinaryRunner.run(["sweep", "--depths", "1", "2", "--freqs", "1", "3", "--seeds", "0", "1",
                                      "--epochs", "30", "--outdir", out.path, "--jobs", "2"])
        XCTAssertEqual(o.status, 0, o.stderr)
        let files = Set(try FileManager.default.contentsOfDirectory(atPath: out.path))
        XCTAssertTrue(files.contains("summary.json"))
        XCTAssertEqual(files.filter { $0.hasPrefix("final_table_") && $0.hasSuffix(".csv") }.count, 10)
        XCTAssertEqual(files.filter { $0.hasPrefix("curve_") && $0.hasSuffix(".npy") }.count, 10 * 2 * 2 * 2)
        XCTAssertTrue(files.contains("curve_Ternary_static_Delta_d2_k3_seed1.npy"))

        let table = try String(contentsOf: out.appendingPathComponent("final_table_Backprop.csv"), encoding: .utf8)
        let rows = table.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        XCTAssertEqual(rows.count, 3)
        XCTAssertEqual(rows[0], ["", "1", "3"])
        XCTAssertEqual(rows[1].first, "1")
        XCTAssertNotNil(Double(String(rows[2][2])))

        let summary = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("summary.json"))) as? [String: Any]
        let cells = summary?["cells"] as? [[String: Any]]
        XCTAssertEqual(cells?.count, 10 * 2 * 2)
        let map = summary?["variant_files"] as? [String: String]
        XCTAssertEqual(map?["Ternary + adaptive Δ"], "Ternary_adaptive_Delta")

        let curve = try Data(contentsOf: out.appendingPathComponent("curve_Backprop_d1_k1_seed0.npy"))
        XCTAssertEqual(Array(curve.prefix(6)), [0x93] + Array("NUMPY".utf8))
        let headerLength = 10 + Int(curve[8]) + Int(curve[9]) << 8
        XCTAssertEqual(headerLength % 64, 0, "NPY header is padded to 64 bytes")
        XCTAssertEqual(curve.count, headerLength + 30 * 8, "30 float64 values")
    }

    func testResultsDoNotDependOnJobs() throws {
        let dir = try BinaryRunner.temporaryFolder(self)
        var summaries: [Data] = []
        for jobs in ["1", "2"] {
            let out = dir.appendingPathComponent("j\(jobs)")
            let o = try BinaryRunner.run(["sweep", "--methods", "Backprop", "+Momentum", "--depths", "1", "2",
                                          "--freqs", "1", "--seeds", "0", "1", "2", "--epochs", "40",
                                          "--outdir", out.path, "--jobs", jobs])
            XCTAssertEqual(o.status, 0, o.stderr)
            summaries.append(try Data(contentsOf: out.appendingPathComponent("summary.json")))
        }
        XCTAssertEqual(summaries[0], summaries[1])
    }

    func testBadInputIsExitTwoWithAClearMessage() throws {
        let dir = try BinaryRunner.temporaryFolder(self)
        let out = dir.appendingPathComponent("r").path
        assertBadInput(try BinaryRunner.run(["sweep", "--depht", "1", "--outdir", out]), mentions: "unknown option --depht")
        assertBadInput(try BinaryRunner.run(["sweep", "--methods", "Vanilla", "--outdir", out]), mentions: "\"Vanilla DFA\"")
        assertBadInput(try BinaryRunner.run(["sweep", "--epochs", "0", "--outdir", out]), mentions: "--epochs")
        assertBadInput(try BinaryRunner.run(["sweep", "--depths", "two", "--outdir", out]), mentions: "\"two\"")
        assertBadInput(try BinaryRunner.run(["sweep", "--rng", "numpy", "--outdir", out]), mentions: "reference or fast")
        assertBadInput(try BinaryRunner.run(["sweep", "--depths", "1", "1", "--outdir", out]), mentions: "twice")
        assertBadInput(try BinaryRunner.run(["sweep", "--dataset", "cifar", "--outdir", out]), mentions: "cifar")
        assertBadInput(try BinaryRunner.run(["frobnicate"]), mentions: "unknown command")
        // An output folder under a regular file cannot be created.
        let blocker = dir.appendingPathComponent("file")
        try Data("x".utf8).write(to: blocker)
        assertBadInput(try BinaryRunner.run(["sweep", "--epochs", "5", "--outdir", blocker.appendingPathComponent("sub").path]),
                       mentions: "cannot write")
        XCTAssertFalse(FileManager.default.fileExists(atPath: out + "/summary.json"))
    }

    func testHelpOnEveryCommand() throws {
        for command in ["sweep", "build", "bench", "fetch"] {
            let o = try BinaryRunner.run([command, "--help"])
            XCTAssertEqual(o.status, 0, command)
            XCTAssertTrue(o.stdout.contains("Usage: feedflip \(command)"), o.stdout)
        }
        let top = try BinaryRunner.run(["--help"])
        XCTAssertEqual(top.status, 0)
        XCTAssertTrue(top.stdout.contains("sweep"))
    }
}
