import Foundation
import FeedFlipCore
import FeedFlipPlot
import FeedFlipReport

/// MNIST and TinyStories figures: final metric per variant and depth (bars with 95%
/// intervals) and per-epoch curves (one panel per depth, one line per variant).
public enum MinibatchFigures {
    /// Grouped bars: groups = variants, one bar per depth, error bars = 95% interval half-widths.
    public static func bars(_ g: MinibatchGroups, metrics: MetricTable, family: String, title: String,
                            yLabel: String, extraGroups: [(String, Double)] = [], yRange: ClosedRange<Double>? = nil) -> Figure {
        let series = g.depths.map { d -> BarSeries in
            let es = g.variants.map { metrics[MetricKey(family: family, variant: $0.name, depth: d).description] }
            return BarSeries(name: "depth \(d)",
                             values: es.map { $0?.mean ?? .nan } + extraGroups.map(\.1),
                             errors: es.map { e in e.map { ($0.upper - $0.lower) / 2 } ?? .nan } + extraGroups.map { _ in 0 })
        }
        let chart = BarChart(title: title, xLabel: "variant", yLabel: yLabel,
                             groups: g.variants.map(SummaryFigures.shortName) + extraGroups.map(\.0),
                             series: series, yRange: yRange, legend: .automatic)
        return Figure(width: 468, height: 300, chart: .bar(chart))
    }

    /// Curves of `metric` per epoch: one panel per depth, one series per variant (mean over seeds).
    /// With `bands`, each series gets a mean ± std band over its seeds (when it has two or more);
    /// at most `maxPoints` evenly spaced epochs are drawn per curve.
    public static func curves(_ g: MinibatchGroups, title: String, yLabel: String, logY: Bool,
                              bands: Bool = false, maxPoints: Int = .max,
                              _ metric: @escaping (EpochMetrics) -> Double?) -> Figure {
        let panels: [Chart] = g.depths.map { d in
            let series = g.variants.enumerated().map { (i, v) -> Series in
                let y = g.meanCurve(v, depth: d, metric)
                let idx = thin(y.count, maxPoints: maxPoints)
                let band = bands ? g.band(v, depth: d, metric).map { b in
                    Band(lower: idx.map { b.lower[$0] }, upper: idx.map { b.upper[$0] })
                } : nil
                return Series(name: SummaryFigures.shortName(v), x: idx.map { Double($0 + 1) }, y: idx.map { y[$0] },
                              band: band, style: .automatic(i))
            }
            return .line(LineChart(title: "depth \(d)", xLabel: "epoch", yLabel: yLabel, series: series,
                                   yScale: logY ? .log : .linear))
        }
        let grid = PanelGrid(title: title, panels: panels, columns: max(1, min(2, g.depths.count)))
        return Figure(width: 468, height: 320, grid: grid)
    }
}
