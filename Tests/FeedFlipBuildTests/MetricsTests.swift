import XCTest
import Foundation
import FeedFlipCore
import FeedFlipReport
import FeedFlipBuild

/// `TimeSeriesMetrics`, `MinibatchMetrics`, `MetricsBuilder` and `SeedStatistics` on hand-made
/// results, checked against hand computations.
final class MetricsTests: XCTestCase {
    /// t_{0.975} with 2 degrees of freedom.
    private let t2 = 4.302652729749464

    private func mean(_ xs: [Double]) -> Double { xs.reduce(0, +) / Double(xs.count) }
    private func sampleStd(_ xs: [Double]) -> Double {
        let m = mean(xs)
        return (xs.map { ($0 - m) * ($0 - m) }.reduce(0, +) / Double(xs.count - 1)).squareRoot()
    }

    // MARK: SeedStatistics

    func testSeedStatisticsUseTheSampleStandardDeviation() throws {
        let s = try XCTUnwrap(SeedStatistics([1, 2, 3, 4]))
        XCTAssertEqual(s.n, 4)
        XCTAssertEqual(s.mean, 2.5)
        XCTAssertEqual(s.std, (5.0 / 3.0).squareRoot(), accuracy: 1e-15)   // Σ(x − 2.5)² = 5, divisor n − 1 = 3
        XCTAssertEqual(s.min, 1)
        XCTAssertEqual(s.max, 4)
        let one = try XCTUnwrap(SeedStatistics([0.7]))
        XCTAssertEqual([one.n, Int(one.std)], [1, 0])
        XCTAssertEqual(one.mean, 0.7)
        let mixed = try XCTUnwrap(SeedStatistics([2, .nan, 4, .infinity, -.infinity]))
        XCTAssertEqual(mixed.n, 2, "non-finite values are left out")
        XCTAssertEqual(mixed.mean, 3)
        XCTAssertEqual(mixed.std, 2.0.squareRoot(), accuracy: 1e-15)
        XCTAssertNil(SeedStatistics([]))
        XCTAssertNil(SeedStatistics([.nan, .infinity]))
    }

    // MARK: time series

    /// Final MSE by variant, depth and seed (frequency 3 only); nil = diverged.
    private let finals: [Variant: [Int: [Double?]]] = [
        .backprop: [1: [0.10, 0.12, 0.11], 2: [0.20, 0.18, 0.22]],
        .vanillaDFA: [1: [0.13, 0.12, 0.15], 2: [0.21, 0.25, 0.22]],
        .momentum: [1: [0.30, 0.50, 0.40], 2: [0.60, 0.70, nil]],
    ]

    private func sweep(_ variants: [Variant] = [.backprop, .vanillaDFA, .momentum]) -> TimeSeriesSweepResults {
        let g = TimeSeriesGrid(variants: variants, depths: [1, 2], frequencies: [3], seeds: [0, 1, 2], epochs: 2, mode: .reference)
        return TimeSeriesSweepResults(grid: g, runs: g.specs.map { s in
            guard let f = finals[s.variant]![s.depth]![s.seed] else { return TimeSeriesResult(mse: [0.5, .nan], divergedAtEpoch: 1) }
            return TimeSeriesResult(mse: [1, f])
        })
    }

    private func metrics(_ r: TimeSeriesSweepResults) -> MetricTable {
        var m = MetricsBuilder()
        TimeSeriesMetrics.add(r, to: &m)
        return m.table
    }

    func testRelativeMSEIsTheRatioOfSeedAveragedGridMeansWithADeltaMethodInterval() throws {
        let table = metrics(sweep())
        // Grid means per seed: G(v, s) = mean over the two depths.
        let gBP = [0.15, 0.15, 0.165], gDFA = [0.17, 0.185, 0.185]
        for (i, (a, b)) in zip(table.samples["ts.grid_mse[Backprop]"]!, gBP).enumerated() { XCTAssertEqual(a, b, accuracy: 1e-15, "seed \(i)") }
        for (a, b) in zip(table.samples["ts.grid_mse[Vanilla DFA]"]!, gDFA) { XCTAssertEqual(a, b, accuracy: 1e-15) }

        let e = try XCTUnwrap(table["ts.rel_mse_pct[Vanilla DFA]"])
        // 100·(mean G_v / mean G_bp − 1) = 100·(0.18 / 0.155 − 1).
        let r = mean(gDFA) / mean(gBP)
        XCTAssertEqual(e.mean, 100 * (0.18 / 0.155 - 1), accuracy: 1e-10)
        XCTAssertEqual(e.n, 3)
        // Paired delta method: Var(R) ≈ (s_v² − 2R·s_vb + R²·s_b²) / (n·b̄²), df = n − 1 = 2.
        let sv = sampleStd(gDFA), sb = sampleStd(gBP)
        let cov = zip(gDFA, gBP).map { ($0 - mean(gDFA)) * ($1 - mean(gBP)) }.reduce(0, +) / 2
        let se = ((sv * sv - 2 * r * cov + r * r * sb * sb) / (3 * mean(gBP) * mean(gBP))).squareRoot()
        XCTAssertEqual(e.lower, 100 * (r - t2 * se - 1), accuracy: 1e-8)
        XCTAssertEqual(e.upper, 100 * (r + t2 * se - 1), accuracy: 1e-8)
        XCTAssertLessThan(e.lower, e.mean)
        // The same as FeedFlipReport's RatioStatistics on the grid means.
        let ref = try XCTUnwrap(RatioStatistics.relativeIncreasePercent(variant: gDFA, baseline: gBP))
        XCTAssertEqual(e.mean, ref.mean, accuracy: 1e-10)
        XCTAssertEqual(e.lower, ref.lower, accuracy: 1e-10)
        XCTAssertEqual(e.upper, ref.upper, accuracy: 1e-10)
        // Per-seed ratios are kept as samples.
        let perSeed = table.samples["ts.rel_mse_pct[Vanilla DFA]"]!
        XCTAssertEqual(perSeed.count, 3)
        for (a, i) in zip(perSeed, 0..<3) { XCTAssertEqual(a, 100 * (gDFA[i] / gBP[i] - 1), accuracy: 1e-10) }

        let bp = try XCTUnwrap(table["ts.rel_mse_pct[Backprop]"])
        XCTAssertEqual(bp.mean, 0, accuracy: 1e-12)
        // R = 1 exactly; the interval is zero up to rounding (the variance cancels to ~1e-17).
        XCTAssertEqual(bp.upper - bp.lower, 0, accuracy: 1e-5)
    }

    func testMeanOfCellRatios() throws {
        let table = metrics(sweep())
        let cells = try XCTUnwrap(table.samples["ts.rel_mse_pct_cells[Vanilla DFA]"])
        let expected = (0..<3).map { s in
            mean([1, 2].map { d in 100 * (finals[.vanillaDFA]![d]![s]! / finals[.backprop]![d]![s]! - 1) })
        }
        XCTAssertEqual(cells.count, 3)
        for (a, b) in zip(cells, expected) { XCTAssertEqual(a, b, accuracy: 1e-10) }
        XCTAssertEqual(try XCTUnwrap(table["ts.rel_mse_pct_cells[Vanilla DFA]"]).mean, mean(expected), accuracy: 1e-10)
        // The diverged seed of +Momentum gives no cell-ratio sample.
        XCTAssertEqual(table.samples["ts.rel_mse_pct_cells[+Momentum]"]?.count, 2)
    }

    func testDivergedRunsAreCountedAndLeaveOutTheirSeed() throws {
        let table = metrics(sweep())
        XCTAssertEqual(table["ts.diverged[+Momentum]"], .point(1))
        XCTAssertEqual(table["ts.diverged[Backprop]"], .point(0))
        XCTAssertEqual(table["ts.diverged[Vanilla DFA]"], .point(0))
        // Seed 2 of +Momentum diverged at depth 2: its grid mean and its ratio sample are gone.
        XCTAssertEqual(table.samples["ts.grid_mse[+Momentum]"]!.count, 2)
        XCTAssertEqual(table.samples["ts.grid_mse[+Momentum]"]![0], 0.45, accuracy: 1e-15)
        XCTAssertEqual(table.samples["ts.grid_mse[+Momentum]"]![1], 0.60, accuracy: 1e-15)
        let rel = try XCTUnwrap(table["ts.rel_mse_pct[+Momentum]"])
        XCTAssertEqual(rel.n, 2)
        XCTAssertEqual(rel.mean, 100 * (0.525 / 0.15 - 1), accuracy: 1e-9)
        let ref = try XCTUnwrap(RatioStatistics.relativeIncreasePercent(variant: [0.45, 0.6], baseline: [0.15, 0.15]))
        XCTAssertEqual(rel.lower, ref.lower, accuracy: 1e-9)
        XCTAssertEqual(rel.upper, ref.upper, accuracy: 1e-9)
        let cell = try XCTUnwrap(table["ts.final_mse[+Momentum|d=2|k=3]"])
        XCTAssertEqual(cell.n, 2)
        XCTAssertEqual(cell.mean, 0.65, accuracy: 1e-15)
        XCTAssertEqual(try XCTUnwrap(table["ts.seed_spread[+Momentum]"]).mean, sampleStd([0.45, 0.6]), accuracy: 1e-15)
        XCTAssertEqual(try XCTUnwrap(table["ts.final_mse[Backprop|d=1|k=3]"]).mean, 0.11, accuracy: 1e-15)
    }

    func testEveryDivergedSeedLeavesTheMetricMissingWithAReason() {
        let g = TimeSeriesGrid(variants: [.backprop, .momentum], depths: [1], frequencies: [1], seeds: [0, 1], epochs: 2, mode: .reference)
        let runs = g.specs.map { s in s.variant == .momentum ? TimeSeriesResult(mse: [.nan], divergedAtEpoch: 0) : TimeSeriesResult(mse: [1, 0.5]) }
        let table = metrics(TimeSeriesSweepResults(grid: g, runs: runs))
        XCTAssertNil(table["ts.rel_mse_pct[+Momentum]"])
        XCTAssertTrue(table.reasonMissing("ts.rel_mse_pct[+Momentum]").contains("every seed of +Momentum or Backprop diverged"))
        XCTAssertNil(table["ts.final_mse[+Momentum|d=1|k=1]"])
        XCTAssertEqual(table["ts.diverged[+Momentum]"], .point(2))
        XCTAssertEqual(table["ts.rel_mse_pct[Backprop]"]?.mean, 0)
    }

    /// Without Backprop in the grid there is no relative metric, and the report can say why.
    func testWithoutBackpropTheRelativeMetricIsMissingWithAReason() {
        let table = metrics(sweep([.vanillaDFA, .momentum]))
        XCTAssertNil(table["ts.rel_mse_pct[Vanilla DFA]"])
        XCTAssertNotNil(table["ts.grid_mse[Vanilla DFA]"])
        XCTAssertTrue(table.reasonMissing("ts.rel_mse_pct[Vanilla DFA]").contains("Backprop is not in this profile's time-series grid"),
                      table.reasonMissing("ts.rel_mse_pct[Vanilla DFA]"))
        XCTAssertTrue(table.reasonMissing("ts.rel_mse_pct_cells[+Momentum]").contains("Backprop is not"))
    }

    func testCommittedValues() {
        var m = MetricsBuilder()
        let spec = { (d: Int, k: Int) in TimeSeriesSpec(variant: .backprop, depth: d, frequency: k, seed: 0, epochs: 500, mode: .reference) }
        TimeSeriesMetrics.addCommitted([(spec(1, 1), TimeSeriesResult(mse: [1, 0.1320558514171195])),
                                        (spec(2, 3), TimeSeriesResult(mse: [1, .nan], divergedAtEpoch: 1))], to: &m)
        XCTAssertEqual(m.table["ts.committed[d=1|k=1]"], .point(0.1320558514171195))
        XCTAssertNil(m.table["ts.committed[d=2|k=3]"])
        XCTAssertEqual(m.table.reasonMissing("ts.committed[d=2|k=3]"), "every run diverged")
    }

    // MARK: minibatch

    private func epoch(accuracy: Double?, bpc: Double? = nil) -> EpochMetrics {
        EpochMetrics(trainLoss: 0.5, testLoss: 0.4, testAccuracy: accuracy, bitsPerCharacter: bpc, seconds: 1)
    }

    /// Backprop and Vanilla DFA at depth 2 over 4 seeds; Vanilla DFA seed 3 diverged.
    private func mnistGroups(variants: [Variant] = [.backprop, .vanillaDFA]) -> MinibatchGroups {
        let bp = [0.970, 0.965, 0.972, 0.968], dfa = [0.955, 0.950, 0.960]
        var runs: [MinibatchGroups.Run] = []
        for s in 0..<4 {
            runs.append(.init(variant: .backprop, depth: 2, seed: s,
                              result: MinibatchResult(epochs: [epoch(accuracy: 0.5), epoch(accuracy: bp[s])])))
            let r = s < 3 ? MinibatchResult(epochs: [epoch(accuracy: 0.4), epoch(accuracy: dfa[s])])
                          : MinibatchResult(epochs: [epoch(accuracy: 0.1)], divergedAtEpoch: 1)
            runs.append(.init(variant: .vanillaDFA, depth: 2, seed: s, result: r))
        }
        return MinibatchGroups(variants: variants, depths: [2], seeds: [0, 1, 2, 3], runs: runs.reversed())
    }

    func testMNISTAccuracyDropIsAPairedDifference() throws {
        var m = MetricsBuilder()
        MinibatchMetrics.addMNIST(mnistGroups(), to: &m)
        let table = m.table
        let acc = try XCTUnwrap(table["mnist.test_accuracy[Vanilla DFA|d=2]"])
        XCTAssertEqual(acc.n, 3)
        XCTAssertEqual(acc.mean, 95.5, accuracy: 1e-12)
        XCTAssertEqual(try XCTUnwrap(table["mnist.test_accuracy[Backprop|d=2]"]).mean, 96.875, accuracy: 1e-12)

        // Paired by seed over seeds 0-2 (seed 3 of Vanilla DFA diverged): differences 1.5, 1.5, 1.2 points.
        let drop = try XCTUnwrap(table["mnist.acc_drop_pp[Vanilla DFA|d=2]"])
        let d = [1.5, 1.5, 1.2]
        XCTAssertEqual(drop.n, 3)
        XCTAssertEqual(drop.mean, 1.4, accuracy: 1e-10)
        XCTAssertEqual(drop.std, sampleStd(d), accuracy: 1e-10)
        let half = t2 * sampleStd(d) / 3.0.squareRoot()
        XCTAssertEqual(drop.lower, 1.4 - half, accuracy: 1e-9)
        XCTAssertEqual(drop.upper, 1.4 + half, accuracy: 1e-9)
        let samples = try XCTUnwrap(table.samples["mnist.acc_drop_pp[Vanilla DFA|d=2]"])
        for (a, b) in zip(samples, d) { XCTAssertEqual(a, b, accuracy: 1e-10) }
        // An unpaired (Welch) difference of the same accuracies would be wider: pairing matters.
        let welch = try XCTUnwrap(RatioStatistics.difference([97.0, 96.5, 97.2, 96.8], minus: [95.5, 95.0, 96.0]))
        XCTAssertGreaterThan(welch.upper - welch.lower, drop.upper - drop.lower)

        let own = try XCTUnwrap(table["mnist.acc_drop_pp[Backprop|d=2]"])
        XCTAssertEqual(own.n, 4)
        XCTAssertEqual(own.mean, 0)
        XCTAssertEqual(own.lower, 0)
    }

    func testMNISTWithoutBackpropHasNoDrop() {
        var m = MetricsBuilder()
        MinibatchMetrics.addMNIST(mnistGroups(variants: [.vanillaDFA]), to: &m)
        XCTAssertNotNil(m.table["mnist.test_accuracy[Vanilla DFA|d=2]"])
        XCTAssertNil(m.table["mnist.acc_drop_pp[Vanilla DFA|d=2]"])
        XCTAssertNil(m.table["mnist.test_accuracy[Backprop|d=2]"])
    }

    func testMinibatchGroupsHelpers() {
        let g = mnistGroups()
        XCTAssertEqual(g.runs(.vanillaDFA, depth: 2).map(\.seed), [0, 1, 2, 3], "seed order, whatever the run order")
        XCTAssertEqual(g.diverged(.vanillaDFA, depth: 2), 1)
        XCTAssertEqual(g.diverged(.backprop, depth: 2), 0)
        let f = g.finals(.vanillaDFA, depth: 2) { $0.testAccuracy }
        XCTAssertEqual(Array(f.prefix(3)), [0.955, 0.950, 0.960])
        XCTAssertTrue(f[3].isNaN)
        let curve = g.meanCurve(.vanillaDFA, depth: 2) { $0.testAccuracy }
        XCTAssertEqual(curve.count, 2)
        XCTAssertEqual(curve[0], 0.4, accuracy: 1e-15)
        XCTAssertEqual(curve[1], 0.955, accuracy: 1e-15)
        XCTAssertTrue(g.runs(.momentum, depth: 2).isEmpty)
    }

    func testTinyStoriesBitsPerCharacter() throws {
        let runs = [0, 1].map { s in
            MinibatchGroups.Run(variant: .backprop, depth: 1, seed: s,
                                result: MinibatchResult(epochs: [epoch(accuracy: nil, bpc: s == 0 ? 2.5 : 2.25)]), sample: "Once")
        }
        var m = MetricsBuilder()
        MinibatchMetrics.addTinyStories(MinibatchGroups(variants: [.backprop], depths: [1], seeds: [0, 1], runs: runs),
                                        unigram: 4.5, bigram: 3.25, to: &m)
        XCTAssertEqual(m.table["tiny.unigram_bpc"], .point(4.5))
        XCTAssertEqual(m.table["tiny.bigram_bpc"], .point(3.25))
        let b = try XCTUnwrap(m.table["tiny.bpc[Backprop|d=1]"])
        XCTAssertEqual(b.mean, 2.375)
        XCTAssertEqual(b.n, 2)
    }

    func testTinyStoriesLowestOverEpochsAndItsTableColumns() throws {
        // Seed 0 bottoms out at epoch 2 and rises again; seed 1 diverged; depth 2 only.
        let curve = [3.0, 2.0, 2.5]
        let runs = [
            MinibatchGroups.Run(variant: .feedFlip, depth: 2, seed: 0,
                                result: MinibatchResult(epochs: curve.map { epoch(accuracy: nil, bpc: $0) })),
            MinibatchGroups.Run(variant: .feedFlip, depth: 2, seed: 1,
                                result: MinibatchResult(epochs: [epoch(accuracy: nil, bpc: 1.0)], divergedAtEpoch: 1)),
        ]
        let g = MinibatchGroups(variants: [.feedFlip], depths: [2], seeds: [0, 1], runs: runs)
        let lowest = g.lowest(.feedFlip, depth: 2) { $0.bitsPerCharacter }
        XCTAssertEqual(lowest[0], 2.0)
        XCTAssertTrue(lowest[1].isNaN, "a diverged run has no lowest value")
        var m = MetricsBuilder()
        MinibatchMetrics.addTinyStories(g, unigram: 4.5, bigram: 3.25, to: &m)
        XCTAssertEqual(try XCTUnwrap(m.table["tiny.bpc[FeedFlip|d=2]"]).mean, 2.5)
        XCTAssertEqual(try XCTUnwrap(m.table["tiny.best_bpc[FeedFlip|d=2]"]).mean, 2.0)
        XCTAssertNoThrow(try MetricKey.parse("tiny.best_bpc[FeedFlip|d=2]"))

        let t = MinibatchTables.tinyStories(g, metrics: m.table, setup: "s")
        XCTAssertEqual(t.columns, ["Variant", "bits/char d=2", "lowest d=2", "Diverged"])
        XCTAssertEqual(t.rows[0], ["FeedFlip", "2.500", "2.000", "1"])
        XCTAssertEqual(t.rows[2], ["bigram baseline (add-one)", "3.250", "3.250", "—"])
    }

    // MARK: MetricsBuilder

    func testBuilderDropsNonFiniteSamplesAndRecordsReasons() throws {
        var m = MetricsBuilder()
        m.add(MetricKey(family: "ts.grid_mse", variant: "X"), samples: [1, .nan, 3])
        m.add(MetricKey(family: "ts.grid_mse", variant: "Y"), samples: [.infinity], missingReason: "all gone")
        m.add(MetricKey(family: "ts.rel_mse_pct", variant: "Z"), estimate: Estimate(mean: .nan, std: 0, lower: 0, upper: 0, n: 2),
              samples: [1], missingReason: "no ratio")
        m.notRun("mnist", reason: "not in profile")
        let t = m.table
        XCTAssertEqual(t.samples["ts.grid_mse[X]"], [1, 3])
        let x = try XCTUnwrap(t["ts.grid_mse[X]"])
        XCTAssertEqual(x.mean, 2)
        XCTAssertEqual(x.std, 2.0.squareRoot(), accuracy: 1e-15)
        XCTAssertEqual(x.upper, 2 + 12.706204736174707 * 2.0.squareRoot() / 2.0.squareRoot(), accuracy: 1e-9)
        XCTAssertNil(t["ts.grid_mse[Y]"])
        XCTAssertEqual(t.reasonMissing("ts.grid_mse[Y]"), "all gone")
        XCTAssertNil(t["ts.rel_mse_pct[Z]"], "a non-finite estimate is recorded as missing")
        XCTAssertEqual(t.reasonMissing("ts.rel_mse_pct[Z]"), "no ratio")
        XCTAssertEqual(t.reasonMissing("mnist.test_accuracy[Backprop|d=2]"), "not in profile")
    }
}
