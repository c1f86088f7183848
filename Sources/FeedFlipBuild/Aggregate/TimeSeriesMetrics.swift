import Foundation
import FeedFlipCore
import FeedFlipReport

/// The time-series metrics (CLAIMS.md §1 interpretation) from the runs of a grid.
public enum TimeSeriesMetrics {
    /// Adds `ts.*` metrics. For each seed s, the grid mean of final MSE G(v, s) over depths ×
    /// frequencies (`ts.grid_mse[v]`); `ts.rel_mse_pct[v]` = 100·(mean_s G(v,s) / mean_s G(BP,s) − 1),
    /// the ratio of the seed-averaged grid means with a paired delta-method 95% interval
    /// (`RatioStatistics.relativeIncreasePercent`), over the seeds where neither side diverged;
    /// `ts.rel_mse_pct_cells[v]` the per-seed mean over cells of 100·(mse(v,c,s)/mse(BP,c,s) − 1).
    /// A seed in which a run of v diverged gives no ratio sample for v.
    public static func add(_ r: TimeSeriesSweepResults, to m: inout MetricsBuilder) {
        let g = r.grid
        let cells = g.depths.flatMap { d in g.frequencies.map { k in (d, k) } }
        func finals(_ v: Variant, _ d: Int, _ k: Int) -> [Double] {
            r.runs(variant: v, depth: d, frequency: k).map { $0.divergedAtEpoch == nil ? $0.finalMSE : .nan }
        }
        var gridMean: [Variant: [Double]] = [:]
        for v in g.variants {
            var perSeed = [Double](repeating: 0, count: g.seeds.count)
            var diverged = 0
            for (d, k) in cells {
                let f = finals(v, d, k)
                m.add(MetricKey(family: "ts.final_mse", variant: v.name, depth: d, frequency: k), samples: f)
                for (i, x) in f.enumerated() { perSeed[i] += x / Double(cells.count) }
                diverged += f.filter { !$0.isFinite }.count
            }
            gridMean[v] = perSeed
            m.add(MetricKey(family: "ts.grid_mse", variant: v.name), samples: perSeed)
            m.add(MetricKey(family: "ts.diverged", variant: v.name), value: Double(diverged))
            if let spread = SeedStatistics(perSeed), spread.n >= 2 {
                m.add(MetricKey(family: "ts.seed_spread", variant: v.name), value: spread.std)
            }
        }
        guard let bp = gridMean[.backprop] else {
            // Reasons are looked up by the full key (or the benchmark prefix), so record one per key.
            for v in g.variants {
                for family in ["ts.rel_mse_pct", "ts.rel_mse_pct_cells"] {
                    m.notRun(MetricKey(family: family, variant: v.name).description,
                             reason: "Backprop is not in this profile's time-series grid")
                }
            }
            return
        }
        for v in g.variants {
            guard let gv = gridMean[v] else { continue }
            let pairs = zip(gv, bp).filter { $0.0.isFinite && $0.1.isFinite }
            let num = pairs.map(\.0), den = pairs.map(\.1)
            m.add(MetricKey(family: "ts.rel_mse_pct", variant: v.name),
                  estimate: RatioStatistics.relativeIncreasePercent(variant: num, baseline: den),
                  samples: zip(num, den).map { 100 * ($0 / $1 - 1) },
                  missingReason: "every seed of \(v.name) or Backprop diverged")
            var cellMean = [Double](repeating: 0, count: g.seeds.count)
            for (d, k) in cells {
                for (i, (a, b)) in zip(finals(v, d, k), finals(.backprop, d, k)).enumerated() {
                    cellMean[i] += 100 * (a / b - 1) / Double(cells.count)
                }
            }
            m.add(MetricKey(family: "ts.rel_mse_pct_cells", variant: v.name), samples: cellMean)
        }
    }

    /// Adds `ts.committed[d=D|k=K]` (one value each) from the committed-table runs.
    public static func addCommitted(_ runs: [(TimeSeriesSpec, TimeSeriesResult)], to m: inout MetricsBuilder) {
        for (spec, r) in runs {
            m.add(MetricKey(family: "ts.committed", depth: spec.depth, frequency: spec.frequency),
                  samples: [r.divergedAtEpoch == nil ? r.finalMSE : .nan])
        }
    }
}
