import Foundation
import FeedFlipCore

/// Per-seed samples of every metric a build measured, keyed by the metric keys the claims use
/// (`ts.rel_mse_pct[Vanilla DFA]`, `mnist.test_accuracy[Backprop|d=2]`, ...). A metric with one
/// value (a count, a baseline) has a single sample.
public struct MetricSamples: Sendable, Equatable {
    public private(set) var values: [String: [Double]] = [:]

    public init() {}

    /// Sets the samples of `key` (finite values only; an empty list means "measured, no value").
    public mutating func set(_ key: String, _ samples: [Double]) {
        values[key] = samples.filter(\.isFinite)
    }

    /// The key of a metric of a variant with optional qualifiers: `name[Variant|d=2|k=1]`.
    public static func key(_ name: String, _ parts: String...) -> String {
        "\(name)[\(parts.joined(separator: "|"))]"
    }
}

/// The time-series metrics (CLAIMS.md §1 interpretation) from the runs of a grid.
public enum TimeSeriesMetrics {
    /// Adds `ts.*` metrics to `m`. For each seed, the grid mean of final MSE G(v, s) over
    /// depths × frequencies; `ts.rel_mse_pct[v]` has samples 100·(G(v,s)/G(Backprop,s) − 1),
    /// `ts.rel_mse_pct_cells[v]` samples the mean over cells of 100·(mse(v,c,s)/mse(BP,c,s) − 1).
    /// A seed where any run of v diverged gives no sample for the ratios of v.
    public static func add(_ r: TimeSeriesSweepResults, to m: inout MetricSamples) {
        let g = r.grid
        let cells = g.depths.flatMap { d in g.frequencies.map { k in (d, k) } }
        func finals(_ v: Variant, _ d: Int, _ k: Int) -> [Double] {
            r.runs(variant: v, depth: d, frequency: k).map { $0.divergedAtEpoch == nil ? $0.finalMSE : .nan }
        }
        var gridMean: [Variant: [Double]] = [:]   // per seed
        for v in g.variants {
            var perSeed = [Double](repeating: 0, count: g.seeds.count)
            var diverged = 0
            for (d, k) in cells {
                let f = finals(v, d, k)
                m.set(MetricSamples.key("ts.final_mse", v.name, "d=\(d)", "k=\(k)"), f)
                for (i, x) in f.enumerated() { perSeed[i] += x / Double(cells.count) }
                diverged += f.filter { !$0.isFinite }.count
            }
            gridMean[v] = perSeed
            m.set(MetricSamples.key("ts.grid_mean_mse", v.name), perSeed)
            m.set(MetricSamples.key("ts.diverged", v.name), [Double(diverged)])
            m.set(MetricSamples.key("ts.seed_spread", v.name), [SeedStatistics(perSeed)?.std ?? .nan])
        }
        guard let bp = gridMean[.backprop] else { return }
        for v in g.variants {
            guard let gv = gridMean[v] else { continue }
            m.set(MetricSamples.key("ts.rel_mse_pct", v.name), zip(gv, bp).map { 100 * ($0 / $1 - 1) })
            var cellMean = [Double](repeating: 0, count: g.seeds.count)
            for (d, k) in cells {
                for (i, (a, b)) in zip(finals(v, d, k), finals(.backprop, d, k)).enumerated() {
                    cellMean[i] += 100 * (a / b - 1) / Double(cells.count)
                }
            }
            m.set(MetricSamples.key("ts.rel_mse_pct_cells", v.name), cellMean)
        }
    }

    /// Adds `ts.committed[d=D|k=K]` (one value each) from the committed-table runs.
    public static func addCommitted(_ runs: [(TimeSeriesSpec, TimeSeriesResult)], to m: inout MetricSamples) {
        for (spec, r) in runs {
            m.set(MetricSamples.key("ts.committed", "d=\(spec.depth)", "k=\(spec.frequency)"),
                  [r.divergedAtEpoch == nil ? r.finalMSE : .nan])
        }
    }
}
