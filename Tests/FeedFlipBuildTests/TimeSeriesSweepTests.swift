import XCTest
import Foundation
import FeedFlipCore
import FeedFlipBuild

/// `TimeSeriesGrid.validate`, `TimeSeriesSweepResults` (summaries, mean curves) and
/// `TimeSeriesOutputs` on hand-made results.
final class TimeSeriesSweepTests: XCTestCase {
    private func grid(variants: [Variant] = [.backprop, .vanillaDFA], depths: [Int] = [1, 2], frequencies: [Int] = [1, 3],
                      seeds: [Int] = [0, 1, 2], epochs: Int = 3) -> TimeSeriesGrid {
        TimeSeriesGrid(variants: variants, depths: depths, frequencies: frequencies, seeds: seeds, epochs: epochs, mode: .reference)
    }

    private func assertInvalid(_ g: TimeSeriesGrid, _ message: String, line: UInt = #line) {
        XCTAssertThrowsError(try g.validate(), line: line) { error in
            guard case let .invalid(m)? = error as? BuildError else { return XCTFail("expected invalid, got \(error)", line: line) }
            XCTAssertEqual(m, message, line: line)
        }
    }

    func testValidateMessages() {
        XCTAssertNoThrow(try grid().validate())
        XCTAssertNoThrow(try grid(frequencies: [0], seeds: [0, Int(UInt32.max)]).validate())
        assertInvalid(grid(variants: []), "the grid has no variants; give at least one with --methods")
        for g in [grid(depths: []), grid(frequencies: []), grid(seeds: [])] {
            assertInvalid(g, "the grid is empty; give at least one depth, frequency and seed")
        }
        assertInvalid(grid(epochs: 0), "--epochs must be at least 1, got 0")
        assertInvalid(grid(depths: [2, 0]), "depth must be at least 1, got 0")
        assertInvalid(grid(frequencies: [1, -2]), "frequency must be >= 0, got -2")
        assertInvalid(grid(seeds: [-1]), "seed must be in 0...4294967295, got -1")
        assertInvalid(grid(seeds: [Int(UInt32.max) + 1]), "seed must be in 0...4294967295, got 4294967296")
        assertInvalid(grid(depths: [1, 2, 1]), "--depths lists a value twice")
        assertInvalid(grid(frequencies: [3, 3]), "--freqs lists a value twice")
        assertInvalid(grid(seeds: [0, 1, 0]), "--seeds lists a value twice")
        assertInvalid(grid(variants: [.backprop, .momentum, .backprop]), "--methods lists a variant twice")
    }

    func testSpecsAreInVariantDepthFrequencySeedOrder() {
        let specs = grid().specs
        XCTAssertEqual(specs.count, 2 * 2 * 2 * 3)
        XCTAssertEqual(specs[0], TimeSeriesSpec(variant: .backprop, depth: 1, frequency: 1, seed: 0, epochs: 3, mode: .reference))
        XCTAssertEqual(specs[1].seed, 1)
        XCTAssertEqual(specs[3].frequency, 3)
        XCTAssertEqual(specs[6].depth, 2)
        XCTAssertEqual(specs[12].variant, .vanillaDFA)
        XCTAssertEqual(specs.last, TimeSeriesSpec(variant: .vanillaDFA, depth: 2, frequency: 3, seed: 2, epochs: 3, mode: .reference))
    }

    /// A made-up but irregular final value per run.
    private static func base(_ s: TimeSeriesSpec) -> Double {
        let vi = Double(Variant.timeSeries.firstIndex(of: s.variant) ?? 0)
        return 0.001 * (10 * vi + 3 * Double(s.depth) + Double(s.frequency)) + 0.0007 * Double(s.seed * s.seed)
    }

    /// Runs of `grid()`: curves `[9b, 3b, b]`; Vanilla DFA d=2 k=3 seed 1 diverged at epoch 1,
    /// and every seed of Vanilla DFA d=2 k=1 diverged.
    private func sweep() -> TimeSeriesSweepResults {
        let g = grid()
        let runs = g.specs.map { s -> TimeSeriesResult in
            if s.variant == .vanillaDFA, s.depth == 2, s.frequency == 3, s.seed == 1 {
                return TimeSeriesResult(mse: [0.2, .infinity], divergedAtEpoch: 1)
            }
            if s.variant == .vanillaDFA, s.depth == 2, s.frequency == 1 {
                return TimeSeriesResult(mse: [0.3, 5, .nan], divergedAtEpoch: 2)
            }
            let b = Self.base(s)
            return TimeSeriesResult(mse: [9 * b, 3 * b, b])
        }
        return TimeSeriesSweepResults(grid: g, runs: runs)
    }

    private func sampleStd(_ xs: [Double]) -> Double {
        let m = xs.reduce(0, +) / Double(xs.count)
        return (xs.map { ($0 - m) * ($0 - m) }.reduce(0, +) / Double(xs.count - 1)).squareRoot()
    }

    func testRunsOfACellAreInSeedOrder() {
        let r = sweep()
        let runs = r.runs(variant: .backprop, depth: 2, frequency: 3)
        XCTAssertEqual(runs.map(\.finalMSE), [0, 1, 2].map { Self.base(TimeSeriesSpec(variant: .backprop, depth: 2, frequency: 3, seed: $0, epochs: 3, mode: .reference)) })
        XCTAssertTrue(r.runs(variant: .momentum, depth: 1, frequency: 1).isEmpty, "a variant outside the grid has no runs")
        XCTAssertTrue(r.runs(variant: .backprop, depth: 4, frequency: 1).isEmpty)
    }

    func testSummaryOfAHealthyCell() throws {
        let s = sweep().summary(variant: .backprop, depth: 1, frequency: 3)
        let finals = [0, 1, 2].map { Self.base(TimeSeriesSpec(variant: .backprop, depth: 1, frequency: 3, seed: $0, epochs: 3, mode: .reference)) }
        XCTAssertEqual(s.variant, "Backprop")
        XCTAssertEqual(s.depth, 1)
        XCTAssertEqual(s.frequency, 3)
        let f = try XCTUnwrap(s.finalMSE)
        XCTAssertEqual(f.n, 3)
        XCTAssertEqual(f.mean, finals.reduce(0, +) / 3, accuracy: 1e-15)
        XCTAssertEqual(f.std, sampleStd(finals), accuracy: 1e-15)
        XCTAssertEqual(f.min, finals.min())
        XCTAssertEqual(f.max, finals.max())
        // Trapezoid with unit spacing over [9b, 3b, b]: (9b + 3b)/2 + (3b + b)/2 = 8b.
        let auc = try XCTUnwrap(s.auc)
        XCTAssertEqual(auc.mean, 8 * f.mean, accuracy: 1e-14)
        // b = 0.006, 0.0067, 0.0088 and 3b > 0.01: every seed first drops below 0.01 at epoch 2.
        XCTAssertEqual(s.epochBelow001, [2, 2, 2])
        XCTAssertEqual(s.diverged, 0)
        XCTAssertEqual(s.divergedAtEpochs, [])
    }

    func testDivergedRunsAreExcludedFromStatisticsAndCounted() throws {
        let r = sweep()
        let s = r.summary(variant: .vanillaDFA, depth: 2, frequency: 3)
        let ok = [0, 2].map { Self.base(TimeSeriesSpec(variant: .vanillaDFA, depth: 2, frequency: 3, seed: $0, epochs: 3, mode: .reference)) }
        XCTAssertEqual(s.diverged, 1)
        XCTAssertEqual(s.divergedAtEpochs, [1])
        let f = try XCTUnwrap(s.finalMSE)
        XCTAssertEqual(f.n, 2)
        XCTAssertEqual(f.mean, (ok[0] + ok[1]) / 2, accuracy: 1e-15)
        XCTAssertEqual(f.std, abs(ok[0] - ok[1]) / 2.0.squareRoot(), accuracy: 1e-15)
        XCTAssertEqual(s.epochBelow001.count, 3, "one entry per seed, diverged ones included")
        XCTAssertNil(s.epochBelow001[1])

        let all = r.summary(variant: .vanillaDFA, depth: 2, frequency: 1)
        XCTAssertNil(all.finalMSE)
        XCTAssertNil(all.auc)
        XCTAssertEqual(all.diverged, 3)
        XCTAssertEqual(all.divergedAtEpochs, [2, 2, 2])

        let summaries = r.summaries
        XCTAssertEqual(summaries.count, 8)
        XCTAssertEqual(summaries.map { "\($0.variant) \($0.depth) \($0.frequency)" }.prefix(3),
                       ["Backprop 1 1", "Backprop 1 3", "Backprop 2 1"])
        XCTAssertEqual(summaries.map(\.diverged).reduce(0, +), 4)
    }

    func testMeanCurveOverNonDivergedSeeds() {
        let r = sweep()
        let c = r.meanCurve(variant: .vanillaDFA, depth: 2, frequency: 3)
        let bs = [0, 2].map { Self.base(TimeSeriesSpec(variant: .vanillaDFA, depth: 2, frequency: 3, seed: $0, epochs: 3, mode: .reference)) }
        XCTAssertEqual(c.mean.count, 3)
        for (e, scale) in [9.0, 3, 1].enumerated() {
            let xs = bs.map { scale * $0 }
            let m = (xs[0] + xs[1]) / 2, sd = sampleStd(xs)
            XCTAssertEqual(c.mean[e], m, accuracy: 1e-15)
            XCTAssertEqual(c.upper[e], m + sd, accuracy: 1e-15)
            // With two seeds mean − std lies below the smaller value, so the band is clipped there.
            XCTAssertEqual(c.lower[e], xs.min()!, accuracy: 1e-15)
        }
        // Three seeds: the lower edge is mean − std when that is above the smallest value.
        let h = r.meanCurve(variant: .backprop, depth: 1, frequency: 1)
        let hb = [0, 1, 2].map { Self.base(TimeSeriesSpec(variant: .backprop, depth: 1, frequency: 1, seed: $0, epochs: 3, mode: .reference)) }
        let m = hb.reduce(0, +) / 3, sd = sampleStd(hb)
        XCTAssertEqual(h.lower[2], max(m - sd, hb.min()!), accuracy: 1e-15)
        XCTAssertTrue(h.lower.allSatisfy { $0 > 0 })

        let none = r.meanCurve(variant: .vanillaDFA, depth: 2, frequency: 1)
        XCTAssertTrue(none.mean.isEmpty && none.lower.isEmpty && none.upper.isEmpty)
    }

    /// The mean curve has the length of the shortest non-diverged run.
    func testMeanCurveUsesTheShortestCurve() {
        let g = grid(variants: [.backprop], depths: [1], frequencies: [1], seeds: [0, 1])
        let r = TimeSeriesSweepResults(grid: g, runs: [TimeSeriesResult(mse: [4, 2, 1]), TimeSeriesResult(mse: [2, 1])])
        let c = r.meanCurve(variant: .backprop, depth: 1, frequency: 1)
        XCTAssertEqual(c.mean, [3, 1.5])
    }

    // MARK: outputs

    /// The committed table of the original (CLAIMS.md §2), written as pandas writes it; two
    /// identical seeds keep the exact values; a cell whose seeds all diverged is empty.
    func testFinalTableExactCSV() {
        let g = grid(variants: [.backprop, .vanillaDFA], depths: [1, 2], frequencies: [1, 3], seeds: [0, 1])
        let committed: [Int: [Int: Double]] = [1: [1: 0.1320558514171195, 3: 0.49357554517092084],
                                               2: [1: 0.12241912863488302, 3: 0.4883272453502001]]
        let runs = g.specs.map { s -> TimeSeriesResult in
            if s.variant == .backprop { return TimeSeriesResult(mse: [1, committed[s.depth]![s.frequency]!]) }
            if s.depth == 2 && s.frequency == 3 { return TimeSeriesResult(mse: [1, .nan], divergedAtEpoch: 1) }
            if s.depth == 1 && s.frequency == 3 && s.seed == 1 { return TimeSeriesResult(mse: [.infinity], divergedAtEpoch: 0) }
            return TimeSeriesResult(mse: [1, s.seed == 0 ? 0.25 : 0.75])
        }
        let r = TimeSeriesSweepResults(grid: g, runs: runs)
        XCTAssertEqual(TimeSeriesOutputs.finalTable(r, variant: .backprop),
                       ",1,3\n1,0.1320558514171195,0.49357554517092084\n2,0.12241912863488302,0.4883272453502001\n")
        XCTAssertEqual(TimeSeriesOutputs.finalTable(r, variant: .vanillaDFA), ",1,3\n1,0.5,0.25\n2,0.5,\n")
        XCTAssertEqual(TimeSeriesOutputs.curveFileName(g.specs[0]), "curve_Backprop_d1_k1_seed0.npy")
        XCTAssertEqual(TimeSeriesOutputs.curveFileName(g.specs.last!), "curve_Vanilla_DFA_d2_k3_seed1.npy")
    }

    func testSummaryJSONIsValidWithTheVariantFileMap() throws {
        let r = sweep()
        let text = try TimeSeriesOutputs.summaryJSON(r, extra: ["note": "unit test"])
        XCTAssertEqual(text, try TimeSeriesOutputs.summaryJSON(r, extra: ["note": "unit test"]), "deterministic")
        let doc = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        XCTAssertEqual(doc["dataset"] as? String, "timeseries")
        XCTAssertEqual(doc["variant_files"] as? [String: String], ["Backprop": "Backprop", "Vanilla DFA": "Vanilla_DFA"])
        XCTAssertEqual(doc["notes"] as? [String: String], ["note": "unit test"])
        let config = try XCTUnwrap(doc["config"] as? [String: Any])
        XCTAssertEqual(config["variants"] as? [String], ["Backprop", "Vanilla DFA"])
        XCTAssertEqual(config["depths"] as? [Int], [1, 2])
        XCTAssertEqual(config["freqs"] as? [Int], [1, 3])
        XCTAssertEqual(config["seeds"] as? [Int], [0, 1, 2])
        XCTAssertEqual(config["epochs"] as? Int, 3)
        XCTAssertEqual(config["rng"] as? String, "reference")
        let cells = try XCTUnwrap(doc["cells"] as? [[String: Any]])
        XCTAssertEqual(cells.count, 8)
        let diverged = try XCTUnwrap(cells.first { $0["variant"] as? String == "Vanilla DFA" && $0["depth"] as? Int == 2 && $0["freq"] as? Int == 1 })
        XCTAssertEqual(diverged["diverged"] as? Int, 3)
        XCTAssertEqual(diverged["diverged_at_epochs"] as? [Int], [2, 2, 2])
        let healthy = try XCTUnwrap(cells.first as? [String: Any])
        let final = try XCTUnwrap(healthy["final_mse"] as? [String: Any])
        XCTAssertEqual(final["n"] as? Int, 3)
        XCTAssertNotNil(healthy["first_epoch_below_0.01"] as? [Any])
    }

    func testWriteProducesTablesCurvesAndSummary() throws {
        let folder = makeTemporaryFolder(self).appendingPathComponent("out")
        let g = grid(variants: [.backprop], depths: [1], frequencies: [1, 3], seeds: [0])
        let r = TimeSeriesSweepResults(grid: g, runs: [TimeSeriesResult(mse: [0.5, 0.25]), TimeSeriesResult(mse: [0.75, 0.5])])
        try TimeSeriesOutputs.write(r, to: folder)
        XCTAssertEqual(filesBelow(folder), ["curve_Backprop_d1_k1_seed0.npy", "curve_Backprop_d1_k3_seed0.npy",
                                            "final_table_Backprop.csv", "summary.json"])
        XCTAssertEqual(try String(contentsOf: folder.appendingPathComponent("final_table_Backprop.csv"), encoding: .utf8),
                       ",1,3\n1,0.25,0.5\n")
        let npy = try Data(contentsOf: folder.appendingPathComponent("curve_Backprop_d1_k3_seed0.npy"))
        XCTAssertEqual(Array(npy.prefix(6)), [0x93] + Array("NUMPY".utf8))
        XCTAssertEqual(npy.suffix(16), Data((0.75.bitPattern.littleEndianBytes) + (0.5.bitPattern.littleEndianBytes)))
    }
}

private extension UInt64 {
    var littleEndianBytes: [UInt8] { (0..<8).map { UInt8(truncatingIfNeeded: self >> (8 * $0)) } }
}
