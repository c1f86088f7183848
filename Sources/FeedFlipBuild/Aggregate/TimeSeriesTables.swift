import Foundation
import FeedFlipCore
import FeedFlipReport

/// The report's time-series tables, from the grid's results and metrics.
public enum TimeSeriesTables {
    /// `ts-rel-mse`: per variant, the relative final-MSE increase over Backprop (ratio of grid
    /// means with its 95% interval, and the mean of per-cell ratios), the grid-mean final MSE
    /// and the diverged runs.
    public static func relativeMSE(_ r: TimeSeriesSweepResults, metrics: MetricTable) -> ReportTable {
        let rows = r.grid.variants.map { v -> [String] in
            let rel = metrics[MetricKey(family: "ts.rel_mse_pct", variant: v.name).description]
            let cells = metrics[MetricKey(family: "ts.rel_mse_pct_cells", variant: v.name).description]
            let grid = metrics[MetricKey(family: "ts.grid_mse", variant: v.name).description]
            let div = metrics[MetricKey(family: "ts.diverged", variant: v.name).description]
            return [v.name,
                    rel.map { NumberFormat.estimate($0, digits: 3) } ?? "—",
                    cells.map { NumberFormat.estimate($0, digits: 3) } ?? "—",
                    grid.map { NumberFormat.significant($0.mean, digits: 4) } ?? "—",
                    div.map { NumberFormat.plain($0.mean) } ?? "—"]
        }
        let g = r.grid
        return ReportTable(
            columns: ["Variant", "Rel. MSE ↑ (%)", "Mean of cell ratios (%)", "Grid-mean final MSE", "Diverged runs"],
            rows: rows,
            caption: "Time series: final MSE relative to Backprop (\(g.seeds.count) seeds, depths \(list(g.depths)), frequencies \(list(g.frequencies)), \(g.epochs) epochs, \(g.mode.rawValue) random streams); ± is the 95% interval over seeds.")
    }

    /// `ts-final-mse`: mean final MSE over seeds of every variant (rows) and cell (columns).
    public static func finalMSE(_ r: TimeSeriesSweepResults) -> ReportTable {
        let g = r.grid
        let cells = g.depths.flatMap { d in g.frequencies.map { k in (d, k) } }
        let rows = g.variants.map { v in
            [v.name] + cells.map { (d, k) in
                let s = r.summary(variant: v, depth: d, frequency: k)
                guard let f = s.finalMSE else { return "diverged" }
                return NumberFormat.significant(f.mean, digits: 3) + (s.diverged > 0 ? " (\(s.diverged) div.)" : "")
            }
        }
        return ReportTable(columns: ["Variant"] + cells.map { "d=\($0.0) k=\($0.1)" }, rows: rows,
                           caption: "Time series: mean final MSE over \(g.seeds.count) seeds per depth d and frequency k.")
    }

    private static func list(_ xs: [Int]) -> String { xs.map(String.init).joined(separator: " ") }
}
