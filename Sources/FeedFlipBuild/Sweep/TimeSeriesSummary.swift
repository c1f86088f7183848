import Foundation
import FeedFlipCore

/// The per-cell summary of a time-series grid over seeds: what `summary.json` holds per cell.
public struct TimeSeriesCellSummary: Codable, Hashable, Sendable {
    public var variant: String
    public var depth: Int
    public var frequency: Int
    /// Final MSE over the seeds that did not diverge; `nil` when every seed diverged.
    public var finalMSE: SeedStatistics?
    /// Area under the loss curve (trapezoid, unit spacing) over the non-diverged seeds.
    public var auc: SeedStatistics?
    /// Per seed (in `seeds` order): the first epoch with MSE < 0.01, or nil when never.
    public var epochBelow001: [Int?]
    /// How many seeds diverged (loss NaN or infinite), and at which epochs.
    public var diverged: Int
    public var divergedAtEpochs: [Int]

    enum CodingKeys: String, CodingKey {
        case variant, depth, frequency = "freq", finalMSE = "final_mse", auc
        case epochBelow001 = "first_epoch_below_0.01", diverged, divergedAtEpochs = "diverged_at_epochs"
    }
}

/// A whole sweep's results, grouped by cell, plus the summary statistics.
public struct TimeSeriesSweepResults: Sendable {
    public let grid: TimeSeriesGrid
    /// `runs[i]` belongs to `grid.specs[i]`.
    public let runs: [TimeSeriesResult]

    public init(grid: TimeSeriesGrid, runs: [TimeSeriesResult]) {
        self.grid = grid
        self.runs = runs
    }

    /// The runs of one cell, in `grid.seeds` order.
    public func runs(variant: Variant, depth: Int, frequency: Int) -> [TimeSeriesResult] {
        let perVariant = grid.depths.count * grid.frequencies.count * grid.seeds.count
        guard let vi = grid.variants.firstIndex(of: variant),
              let di = grid.depths.firstIndex(of: depth),
              let ki = grid.frequencies.firstIndex(of: frequency) else { return [] }
        let start = vi * perVariant + (di * grid.frequencies.count + ki) * grid.seeds.count
        return Array(runs[start..<start + grid.seeds.count])
    }

    /// The summary of one cell over seeds.
    public func summary(variant: Variant, depth: Int, frequency: Int) -> TimeSeriesCellSummary {
        let rs = runs(variant: variant, depth: depth, frequency: frequency)
        let ok = rs.filter { $0.divergedAtEpoch == nil }
        return TimeSeriesCellSummary(
            variant: variant.name, depth: depth, frequency: frequency,
            finalMSE: SeedStatistics(ok.map(\.finalMSE)),
            auc: SeedStatistics(ok.map(\.auc)),
            epochBelow001: rs.map { $0.firstEpoch(below: 0.01) },
            diverged: rs.count - ok.count,
            divergedAtEpochs: rs.compactMap(\.divergedAtEpoch))
    }

    /// Every cell's summary, in variant, depth, frequency order.
    public var summaries: [TimeSeriesCellSummary] {
        grid.variants.flatMap { v in grid.depths.flatMap { d in grid.frequencies.map { k in
            summary(variant: v, depth: d, frequency: k)
        } } }
    }

    /// The epoch-wise mean curve over the non-diverged seeds of a cell, with the band
    /// mean ± std whose lower edge is clipped at the smallest seed's value (so that it stays
    /// positive and drawable on a log axis).
    public func meanCurve(variant: Variant, depth: Int, frequency: Int) -> (mean: [Double], lower: [Double], upper: [Double]) {
        let curves = runs(variant: variant, depth: depth, frequency: frequency)
            .filter { $0.divergedAtEpoch == nil }.map(\.mse)
        guard let n = curves.map(\.count).min(), n > 0 else { return ([], [], []) }
        var mean = [Double](repeating: .nan, count: n), lower = mean, upper = mean
        for e in 0..<n {
            guard let s = SeedStatistics(curves.map { $0[e] }) else { continue }
            mean[e] = s.mean
            lower[e] = max(s.mean - s.std, s.min)
            upper[e] = s.mean + s.std
        }
        return (mean, lower, upper)
    }
}
