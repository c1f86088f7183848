// Sample figures shared by the tests: shaped like the sweep figures the build renders.

import FeedFlipPlot
import Foundation

enum Fixtures {
    static let depths = [1, 2, 3]
    static let frequencies = [0.01, 0.02, 0.05, 0.1, 0.2]

    /// Final MSE, depth x frequency, with one diverged (NaN) cell.
    static func heatmap(title: String = "Final MSE — ΔFA, calibrated", missing: Bool = true) -> Heatmap {
        var values = depths.map { d in frequencies.map { f in 0.02 * Double(d) + 0.4 * f * f + 0.001 * Double(d * d) } }
        if missing { values[2][4] = .nan }
        return Heatmap(values: values, rowLabels: depths.map { "\($0)" },
                       columnLabels: frequencies.map { "\($0)" }, title: title,
                       xLabel: "frequency f (cycles/step)", yLabel: "depth", colorBarLabel: "final MSE",
                       missingLabel: "diverged")
    }

    /// Mean curve per (depth, frequency) with a ±std band: `count` series of `points` points.
    static func lineChart(count: Int = 9, points: Int = 300, yScale: ScaleType = .log) -> LineChart {
        let series = (0..<count).map { k -> Series in
            let x = (0..<points).map { Double($0 + 1) }
            let rate = 0.01 + 0.004 * Double(k)
            let floor = 0.002 * Double(k + 1)
            let y = x.map { floor + 0.8 * exp(-rate * $0) * (1 + 0.05 * sin($0 / 7 + Double(k))) }
            let sd = y.map { 0.15 * $0 }
            return Series(name: "depth \(k / 3 + 1), f = \(frequencies[k % 3])", x: x, y: y,
                          band: Band(lower: zip(y, sd).map { $0 - $1 }, upper: zip(y, sd).map { $0 + $1 }))
        }
        return LineChart(title: "Training curves — ΔFA (mean ± std over 5 seeds)", xLabel: "epoch",
                         yLabel: "MSE (test)", series: series, yScale: yScale)
    }

    /// Variants x metric with error bars.
    static func barChart() -> BarChart {
        let groups = ["Backprop", "FA", "DFA", "Ternary FA", "ΔFA calibrated"]
        return BarChart(title: "Relative MSE by variant", xLabel: "variant", yLabel: "relative MSE (%)",
                        groups: groups,
                        series: [BarSeries(name: "depth 1", values: [1.0, 3.2, 4.1, 5.0, 2.2],
                                           errors: [0.1, 0.4, 0.5, 0.6, 0.3]),
                                 BarSeries(name: "depth 2", values: [1.1, 4.0, 5.3, .nan, 2.6],
                                           errors: [0.2, 0.5, 0.4, 0.3, 0.2]),
                                 BarSeries(name: "depth 3", values: [1.2, 4.8, 6.0, 7.9, 3.1],
                                           errors: [0.2, 0.6, 0.9, 1.1, 0.4])])
    }
}
