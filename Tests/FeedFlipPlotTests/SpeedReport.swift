// Measures (never asserts) the time to render a full sweep's figures, when FEEDFLIP_PLOT_BENCH is set.

import FeedFlipPlot
import Foundation
import XCTest

final class SpeedReport: XCTestCase {
    func testSweepFiguresTimeWhenAsked() throws {
        guard ProcessInfo.processInfo.environment["FEEDFLIP_PLOT_BENCH"] != nil else {
            throw XCTSkip("set FEEDFLIP_PLOT_BENCH=1 to time the 40 figures of a sweep")
        }
        let figures = (0..<10).flatMap { v in
            [Figure(width: 400, height: 260, chart: .heatmap(Fixtures.heatmap(title: "variant \(v) — ΔFA"))),
             Figure(width: 468, height: 300, chart: .line(Fixtures.lineChart(count: 9, points: 300)))]
        }
        var bytes = 0
        let start = Date(), cpuStart = clock()
        for figure in figures {
            for format in ImageFormat.allCases { bytes += try render(figure, format: format).count }
        }
        let seconds = Date().timeIntervalSince(start)
        let cpu = Double(clock() - cpuStart) / Double(CLOCKS_PER_SEC)
        for (i, figure) in figures.prefix(2).enumerated() {
            for format in ImageFormat.allCases {
                let t0 = Date()
                _ = try render(figure, format: format)
                print("one \(i == 0 ? "heatmap" : "line chart") \(format): \(Date().timeIntervalSince(t0)) s")
            }
        }
        print(String(format: "feedflip-plot bench: 40 figures (10 heatmaps + 10 line charts 9x300 with bands,"
                     + " PNG at 300 dpi + PDF) in %.3f s wall, %.3f s CPU, %d bytes", seconds, cpu, bytes))
    }
}
