import Foundation
import XCTest

/// `feedflip sweep --dataset mnist|tinystories` on the real data, run as a user runs it (tiny
/// grids so each test takes seconds).
final class MinibatchSweepEndToEndTests: XCTestCase {
    /// The data root, or a skip when the shared data is not there.
    private func dataRoot(_ sub: String) throws -> String {
        let root = BinaryRunner.dataRoot
        guard FileManager.default.fileExists(atPath: root.appendingPathComponent(sub).path) else {
            throw XCTSkip("no \(sub) under \(root.path); set FEEDFLIP_DATA")
        }
        return root.path
    }

    private func json(_ url: URL) throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: url))
        return try XCTUnwrap(object as? [String: Any], "\(url.path) is not a JSON object")
    }

    /// The shape and float64 values of an NPY file.
    private func npy(_ url: URL) throws -> (shape: String, values: [Double]) {
        let d = try Data(contentsOf: url)
        XCTAssertEqual(Array(d.prefix(6)), [0x93] + Array("NUMPY".utf8))
        let headerLength = 10 + Int(d[8]) + Int(d[9]) << 8
        XCTAssertEqual(headerLength % 64, 0, "NPY header is padded to 64 bytes")
        let header = String(decoding: d[10..<headerLength], as: UTF8.self)
        XCTAssertTrue(header.contains("'descr': '<f8'"), header)
        let shape = try XCTUnwrap(header.range(of: #"\([0-9, ]*\)"#, options: .regularExpression).map { String(header[$0]) })
        let body = Array(d[headerLength...])
        XCTAssertEqual(body.count % 8, 0)
        let values = stride(from: 0, to: body.count, by: 8).map { i in
            Double(bitPattern: body[i..<i + 8].enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) })
        }
        return (shape, values)
    }

    /// The rows of a CSV file, split on commas (empty cells kept).
    private func csv(_ url: URL) throws -> [[String]] {
        try String(contentsOf: url, encoding: .utf8).split(separator: "\n")
            .map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    }

    func testTinyMNISTSweepWritesEveryOutput() throws {
        let data = try dataRoot("mnist")
        let out = try BinaryRunner.temporaryFolder(self).appendingPathComponent("results/mnist")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try Data("stale".utf8).write(to: out.appendingPathComponent("summary.json"))
        let o = try BinaryRunner.run(["sweep", "--dataset", "mnist", "--methods", "Backprop", "FeedFlip", "--depths", "1",
                                      "--width", "32", "--train-limit", "2000", "--epochs", "1", "--jobs", "2",
                                      "--data-dir", data, "--outdir", out.path])
        XCTAssertEqual(o.status, 0, o.stderr)
        XCTAssertTrue(o.stderr.contains("[sweep 2/2]"), o.stderr)
        let files = Set(try FileManager.default.contentsOfDirectory(atPath: out.path))
        XCTAssertEqual(files, ["final_table_Backprop.csv", "final_table_FeedFlip.csv", "curve_Backprop_d1_seed0.npy",
                               "curve_FeedFlip_d1_seed0.npy", "summary.json", "plots"])
        let plots = Set(try FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent("plots").path))
        XCTAssertEqual(plots, ["accuracy_curves.png", "accuracy_curves.pdf", "accuracy_bars.png", "accuracy_bars.pdf"])

        let table = try csv(out.appendingPathComponent("final_table_Backprop.csv"))
        XCTAssertEqual(table.count, 2)
        XCTAssertEqual(table[0], ["", "test_accuracy_pct", "test_loss"])
        XCTAssertEqual(table[1].first, "1")
        let accuracy = try XCTUnwrap(Double(table[1][1]))
        XCTAssertGreaterThan(accuracy, 60, "Backprop on 2000 images for one epoch learns something")
        XCTAssertLessThanOrEqual(accuracy, 100)
        XCTAssertGreaterThan(try XCTUnwrap(Double(table[1][2])), 0)

        let curve = try npy(out.appendingPathComponent("curve_Backprop_d1_seed0.npy"))
        XCTAssertEqual(curve.shape, "(1, 4)")
        XCTAssertEqual(curve.values[2], accuracy, accuracy: 1e-9, "the curve's last accuracy is the table's")
        XCTAssertGreaterThan(curve.values[3], 0, "seconds")

        let summary = try json(out.appendingPathComponent("summary.json"))
        XCTAssertEqual(summary["dataset"] as? String, "mnist")
        XCTAssertEqual(summary["curve_columns"] as? [String], ["train_loss", "test_loss", "test_accuracy_pct", "seconds"])
        let config = try XCTUnwrap(summary["config"] as? [String: Any])
        XCTAssertEqual(config["epochs"] as? Int, 1)
        let h = try XCTUnwrap(config["hyperparameters"] as? [String: Double])
        XCTAssertEqual(h["hidden_width"], 32)
        XCTAssertEqual(h["train_limit"], 2000)
        XCTAssertNotNil(h["learning_rate"])
        XCTAssertNotNil(h["batch_size"])
        XCTAssertEqual((summary["data"] as? [String: String])?["train_images"], "2000")
        XCTAssertEqual((summary["variant_files"] as? [String: String])?["FeedFlip"], "FeedFlip")
        let cells = try XCTUnwrap(summary["cells"] as? [[String: Any]])
        XCTAssertEqual(cells.map { $0["variant"] as? String }, ["Backprop", "FeedFlip"])
        XCTAssertEqual(((cells[0]["final_metric"] as? [String: Any])?["mean"] as? Double) ?? .nan, accuracy, accuracy: 1e-9)
        XCTAssertEqual(cells[0]["diverged"] as? Int, 0)
        XCTAssertNil(summary["samples"])
    }

    func testTinyTinyStoriesSweepWritesEveryOutputWithSamples() throws {
        let data = try dataRoot("tinystories")
        let out = try BinaryRunner.temporaryFolder(self).appendingPathComponent("tiny")
        let o = try BinaryRunner.run(["sweep", "--dataset", "tinystories", "--methods", "Backprop", "Vanilla DFA",
                                      "--depths", "1", "--width", "32", "--windows-per-epoch", "3000", "--context", "8",
                                      "--epochs", "1", "--jobs", "2", "--data-dir", data, "--outdir", out.path])
        XCTAssertEqual(o.status, 0, o.stderr)
        XCTAssertTrue(o.stdout.contains("baselines (add-one)"), o.stdout)
        let files = Set(try FileManager.default.contentsOfDirectory(atPath: out.path))
        XCTAssertEqual(files, ["final_table_Backprop.csv", "final_table_Vanilla_DFA.csv", "curve_Backprop_d1_seed0.npy",
                               "curve_Vanilla_DFA_d1_seed0.npy", "summary.json", "plots"])
        let plots = Set(try FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent("plots").path))
        XCTAssertEqual(plots, ["bpc_curves.png", "bpc_curves.pdf", "bpc_bars.png", "bpc_bars.pdf"])

        let table = try csv(out.appendingPathComponent("final_table_Vanilla_DFA.csv"))
        XCTAssertEqual(table[0], ["", "bpc", "validation_loss"])
        let bpc = try XCTUnwrap(Double(table[1][1]))
        let loss = try XCTUnwrap(Double(table[1][2]))
        XCTAssertEqual(bpc, loss / log(2), accuracy: 1e-6, "bits per character = loss in nats / ln 2")
        XCTAssertEqual(try npy(out.appendingPathComponent("curve_Vanilla_DFA_d1_seed0.npy")).shape, "(1, 4)")

        let summary = try json(out.appendingPathComponent("summary.json"))
        XCTAssertEqual(summary["metric"] as? String, "bpc")
        let baselines = try XCTUnwrap(summary["baselines"] as? [String: Double])
        let unigram = try XCTUnwrap(baselines["unigram_bpc"]), bigram = try XCTUnwrap(baselines["bigram_bpc"])
        XCTAssertLessThan(bigram, unigram)
        let vocabulary = try XCTUnwrap(Double((summary["data"] as? [String: String])?["vocabulary"] ?? ""))
        XCTAssertLessThan(bpc, log2(vocabulary), "one short epoch beats uniform guessing")
        let backprop = try XCTUnwrap(Double(try csv(out.appendingPathComponent("final_table_Backprop.csv"))[1][1]))
        XCTAssertLessThan(backprop, unigram + 1, "Backprop gets near the unigram baseline in one short epoch")
        let h = try XCTUnwrap((summary["config"] as? [String: Any])?["hyperparameters"] as? [String: Double])
        XCTAssertEqual(h["context"], 8)
        XCTAssertEqual(h["windows_per_epoch"], 3000)
        XCTAssertNotNil(h["embed_dim"])
        let samples = try XCTUnwrap(summary["samples"] as? [[String: Any]])
        XCTAssertEqual(samples.count, 2)
        for s in samples {
            let text = try XCTUnwrap(s["text"] as? String)
            XCTAssertTrue(text.hasPrefix("Once upon a time"), text)
            XCTAssertGreaterThan(text.count, "Once upon a time".count)
        }
    }

    func testResultsDoNotDependOnJobs() throws {
        let data = try dataRoot("mnist")
        let dir = try BinaryRunner.temporaryFolder(self)
        var outputs: [[Data]] = []
        for jobs in ["1", "2"] {
            let out = dir.appendingPathComponent("j\(jobs)")
            let o = try BinaryRunner.run(["sweep", "--dataset", "mnist", "--methods", "Backprop", "+Momentum", "--depths", "1", "2",
                                          "--width", "32", "--train-limit", "1000", "--epochs", "1", "--jobs", jobs,
                                          "--data-dir", data, "--outdir", out.path])
            XCTAssertEqual(o.status, 0, o.stderr)
            outputs.append(try ["summary.json", "final_table_Momentum.csv"].map { try Data(contentsOf: out.appendingPathComponent($0)) })
        }
        XCTAssertEqual(outputs[0], outputs[1])
    }

    func testDivergedRunsAreCountedNotFatal() throws {
        let data = try dataRoot("mnist")
        let out = try BinaryRunner.temporaryFolder(self).appendingPathComponent("div")
        // 1e39 overflows the engine's Float step size: the first batch loss is NaN.
        let o = try BinaryRunner.run(["sweep", "--dataset", "mnist", "--methods", "Backprop", "--depths", "1", "--seeds", "0", "1",
                                      "--width", "16", "--train-limit", "500", "--epochs", "2", "--lr", "1e39",
                                      "--data-dir", data, "--outdir", out.path])
        XCTAssertEqual(o.status, 0, o.stderr)
        XCTAssertTrue(o.stderr.contains("diverged at epoch 1"), o.stderr)
        XCTAssertTrue(o.stderr.contains("[sweep 4/4]"), o.stderr)
        XCTAssertEqual(try csv(out.appendingPathComponent("final_table_Backprop.csv"))[1], ["1", "", ""])
        XCTAssertEqual(try npy(out.appendingPathComponent("curve_Backprop_d1_seed1.npy")).shape, "(0, 4)")
        let cell = try XCTUnwrap((try json(out.appendingPathComponent("summary.json"))["cells"] as? [[String: Any]])?.first)
        XCTAssertEqual(cell["diverged"] as? Int, 2)
        XCTAssertEqual(cell["diverged_at_epochs"] as? [Int], [0, 0], "0-based, as in the time-series summary")
        XCTAssertNil(cell["final_metric"])
        XCTAssertTrue(FileManager.default.fileExists(atPath: out.appendingPathComponent("plots/accuracy_bars.png").path))
    }

    func testBadInputIsExitTwoWithAClearMessage() throws {
        let dir = try BinaryRunner.temporaryFolder(self)
        let out = dir.appendingPathComponent("r").path
        assertBadInput(try BinaryRunner.run(["sweep", "--dataset", "mnist", "--freqs", "1", "--outdir", out]), mentions: "--freqs")
        assertBadInput(try BinaryRunner.run(["sweep", "--dataset", "tinystories", "--rng", "fast", "--outdir", out]), mentions: "--rng")
        assertBadInput(try BinaryRunner.run(["sweep", "--dataset", "tinystories", "--train-limit", "5", "--outdir", out]),
                       mentions: "--train-limit")
        assertBadInput(try BinaryRunner.run(["sweep", "--dataset", "mnist", "--context", "5", "--outdir", out]), mentions: "--context")
        assertBadInput(try BinaryRunner.run(["sweep", "--width", "64", "--outdir", out]), mentions: "--width")
        assertBadInput(try BinaryRunner.run(["sweep", "--dataset", "mnist", "--lr", "-1", "--outdir", out]), mentions: "--lr")
        assertBadInput(try BinaryRunner.run(["sweep", "--dataset", "cifar", "--outdir", out]), mentions: "\"cifar\"")
        assertBadInput(try BinaryRunner.run(["sweep", "--dataset", "mnist", "--depths", "2", "2", "--outdir", out]), mentions: "twice")

        // No data anywhere: an empty --data-dir, FEEDFLIP_DATA and cache.
        let empty = dir.appendingPathComponent("empty")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        let env = ["FEEDFLIP_DATA": empty.path, "XDG_CACHE_HOME": empty.path]
        for (dataset, command) in [("mnist", "feedflip fetch mnist"), ("tinystories", "feedflip fetch tinystories")] {
            let o = try BinaryRunner.run(["sweep", "--dataset", dataset, "--epochs", "1", "--data-dir", empty.path, "--outdir", out],
                                         env: env)
            assertBadInput(o, mentions: command)
            XCTAssertTrue(o.stderr.contains(empty.path), o.stderr)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: out + "/summary.json"))
    }

    func testOrthoFeedbackBelowTheClassCountIsBadInput() throws {
        let data = try dataRoot("mnist")
        let out = try BinaryRunner.temporaryFolder(self).appendingPathComponent("r").path
        let o = try BinaryRunner.run(["sweep", "--dataset", "mnist", "--methods", "Structured DFA", "--depths", "1",
                                      "--width", "8", "--train-limit", "100", "--epochs", "1", "--data-dir", data, "--outdir", out])
        assertBadInput(o, mentions: "raise --width")
    }
}
