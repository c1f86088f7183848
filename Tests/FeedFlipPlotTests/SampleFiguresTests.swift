// Writes sample figures for a person to look at, only when FEEDFLIP_PLOT_SAMPLES names a folder.

import FeedFlipPlot
import Foundation
import XCTest

final class SampleFiguresTests: XCTestCase {
    /// The 9-series chart with colour by frequency and dash by depth.
    private func paired() -> LineChart {
        var chart = Fixtures.lineChart()
        for i in chart.series.indices { chart.series[i].style = .paired(color: i % 3, dash: i / 3) }
        return chart
    }

    /// The bar chart on a log axis with the legend below.
    private func logBars() -> BarChart {
        var chart = Fixtures.barChart()
        chart.yScale = .log
        chart.legend = .below
        return chart
    }

    /// 8 x 12 values spanning five decades, one missing.
    private func logValues() -> [[Double]] {
        var values: [[Double]] = []
        for r in 0..<8 {
            var row: [Double] = []
            for c in 0..<12 {
                let exponent: Double = Double(r + c) / 4 - 3
                row.append(r == 3 && c == 5 ? Double.nan : pow(10, exponent))
            }
            values.append(row)
        }
        return values
    }

    func testWriteSamplesWhenAsked() throws {
        guard let folder = ProcessInfo.processInfo.environment["FEEDFLIP_PLOT_SAMPLES"] else {
            throw XCTSkip("set FEEDFLIP_PLOT_SAMPLES=/some/folder to write sample figures")
        }
        let figures: [(String, Figure)] = [
            ("heatmap", Figure(width: 400, height: 260, chart: .heatmap(Fixtures.heatmap()))),
            ("curves", Figure(width: 468, height: 300, chart: .line(Fixtures.lineChart()))),
            ("curves_linear", Figure(width: 468, height: 300, chart: .line(Fixtures.lineChart(count: 3, yScale: .linear)))),
            ("bars", Figure(width: 468, height: 280, chart: .bar(Fixtures.barChart()))),
            ("grid_lines", Figure(width: 468, height: 360, grid: PanelGrid(
                title: "Curves per variant — h₁ → h₂ (± std)", panels: (0..<4).map { _ in .line(Fixtures.lineChart(count: 3)) },
                columns: 2))),
            ("grid_heat", Figure(width: 468, height: 320, grid: PanelGrid(
                title: "Final MSE per variant",
                panels: ["FA", "DFA", "ΔFA", "Backprop"].map { .heatmap(Fixtures.heatmap(title: $0)) }, columns: 2))),
            ("bad_data", Figure(width: 400, height: 260, chart: .line(LineChart(
                title: "Bad data", xLabel: "x", yLabel: "y",
                series: [Series(name: "gaps", x: [1, 2, 3, 4, 5, 6], y: [1, .nan, 3, .infinity, 5, 4]),
                         Series(name: "single", x: [3], y: [2]),
                         Series(name: "empty", x: [], y: [])])))),
            ("heatmap_log_big", Figure(width: 468, height: 330, chart: .heatmap(Heatmap(
                values: logValues(),
                rowLabels: (1...8).map { "depth \($0)" }, columnLabels: (1...12).map { "f = \(Double($0) / 100)" },
                title: "Log colour scale, 8 × 12", xLabel: "frequency", yLabel: "depth", colorBarLabel: "MSE",
                scale: .log)))),
            ("curves_paired", Figure(width: 468, height: 300, chart: .line(paired()))),
            ("grid_ten", Figure(width: 468, height: 300, grid: PanelGrid(
                title: "Final MSE, all variants",
                panels: ["BP", "FA", "DFA", "ΔFA", "TFA", "ΔTFA", "Cal", "Mom", "Sign", "Rand"].map {
                    .heatmap(Fixtures.heatmap(title: $0))
                }, columns: 5))),
            ("bars_log_below", Figure(width: 300, height: 260, chart: .bar(logBars()))),
            ("many_series", Figure(width: 468, height: 300, chart: .line(LineChart(
                title: "30 series", xLabel: "x", yLabel: "y",
                series: (0..<30).map { k in Series(name: "series \(k)", x: [0, 1], y: [Double(k), Double(k + 1)]) })))),
            ("empty", Figure(width: 300, height: 200, chart: .line(LineChart(title: "Nothing", series: [])))),
        ]
        for (name, figure) in figures {
            for format in ImageFormat.allCases {
                let bytes = try render(figure, format: format, dpi: 150)
                try Data(bytes).write(to: URL(fileURLWithPath: "\(folder)/\(name).\(format.fileExtension)"))
            }
        }
    }
}
