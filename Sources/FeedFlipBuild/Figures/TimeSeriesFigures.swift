import Foundation
import FeedFlipCore
import FeedFlipPlot

/// The time-series figures: a final-MSE heatmap and a grid of loss curves per variant, and
/// the ablation summary (relative MSE over Backprop per variant).
public enum TimeSeriesFigures {
    /// `heat_<Variant>`: mean final MSE over seeds, depths as rows, frequencies as columns.
    public static func heatmap(_ r: TimeSeriesSweepResults, variant: Variant, range: ClosedRange<Double>?) -> Figure {
        let g = r.grid
        let values = g.depths.map { d in g.frequencies.map { k in
            r.summary(variant: variant, depth: d, frequency: k).finalMSE?.mean ?? .nan
        } }
        let h = Heatmap(values: values, rowLabels: g.depths.map { "\($0)" }, columnLabels: g.frequencies.map { "\($0)" },
                        title: "\(variant.name): final MSE (mean of \(g.seeds.count) seed\(g.seeds.count == 1 ? "" : "s"), \(g.epochs) epochs)",
                        xLabel: "frequency k of sin(kπx)", yLabel: "depth (hidden layers)",
                        colorBarLabel: "final MSE (log scale)", scale: .log, range: range,
                        missingLabel: "every seed diverged")
        let w = max(300, min(468, 140 + 70 * Double(g.frequencies.count)))
        return Figure(width: w, height: max(200, 110 + 45 * Double(g.depths.count)), chart: .heatmap(h))
    }

    /// `curves_<Variant>`: one panel per frequency; per depth the mean MSE curve with a ±std band.
    public static func curves(_ r: TimeSeriesSweepResults, variant: Variant, maxPoints: Int) -> Figure {
        let g = r.grid
        let panels: [Chart] = g.frequencies.map { k in
            let series = g.depths.enumerated().map { (i, d) -> Series in
                let (mean, lo, hi) = r.meanCurve(variant: variant, depth: d, frequency: k)
                let idx = thin(mean.count, maxPoints: maxPoints)
                let lower = idx.map { lo[$0] }, upper = idx.map { hi[$0] }
                return Series(name: "depth \(d)", x: idx.map(Double.init), y: idx.map { mean[$0] },
                              band: g.seeds.count > 1 ? Band(lower: lower, upper: upper) : nil,
                              style: .automatic(i))
            }
            return .line(LineChart(title: "k = \(k)", xLabel: "epoch", yLabel: "MSE", series: series, yScale: .log))
        }
        let band = g.seeds.count > 1 ? "mean ± std over \(g.seeds.count) seeds" : "seed \(g.seeds.first ?? 0)"
        let grid = PanelGrid(title: "\(variant.name): training MSE (\(band))", panels: panels,
                             columns: min(3, max(1, g.frequencies.count)), sharedX: true, sharedY: true)
        let rows = Double((g.frequencies.count + 2) / 3)
        return Figure(width: 468, height: 90 + 170 * rows, grid: grid)
    }

    /// The heatmap and curve figures of every variant; `name(kind, variant)` names them, with
    /// kind `heat` or `curves` (the sweep: `heat_<Variant>`). All heatmaps share one colour
    /// range so they can be compared.
    public static func all(_ r: TimeSeriesSweepResults, maxPoints: Int,
                           name: (String, Variant) -> String = { "\($0)_\($1.fileName)" }) -> [NamedFigure] {
        let finals = r.summaries.compactMap { $0.finalMSE?.mean }.filter { $0 > 0 }
        let range = finals.min().flatMap { lo in finals.max().map { hi in lo...max(hi, lo * 1.0001) } }
        return r.grid.variants.flatMap { v in [
            NamedFigure(name("heat", v), heatmap(r, variant: v, range: range)),
            NamedFigure(name("curves", v), curves(r, variant: v, maxPoints: maxPoints)),
        ] }
    }
}

/// The plots a sweep writes into `<outdir>/plots/`.
public enum SweepPlots {
    /// Writes `heat_<Variant>` and `curves_<Variant>` (PNG and PDF) for a time-series sweep.
    public static func writeTimeSeries(_ r: TimeSeriesSweepResults, to folder: URL, maxPoints: Int) throws(BuildError) {
        try FigureWriter.write(TimeSeriesFigures.all(r, maxPoints: maxPoints), to: folder)
    }
}
