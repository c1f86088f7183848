import FeedFlipPlot
import XCTest

final class BadDataTests: XCTestCase {
    private func renderBoth(_ figure: Figure, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let png = try render(figure, format: .png, dpi: 72)
        XCTAssertNoThrow(try decodePNG(png), file: file, line: line)
        return try poppler("pdftotext", try render(figure, format: .pdf))
    }

    func testLineChartsWithBadData() throws {
        let cases: [(String, [Series], ScaleType)] = [
            ("empty chart", [], .linear),
            ("empty series", [Series(name: "e", x: [], y: [])], .linear),
            ("all NaN", [Series(name: "n", x: [1, 2], y: [.nan, .nan])], .linear),
            ("infinities", [Series(name: "i", x: [1, 2, 3], y: [.infinity, -.infinity, 1])], .linear),
            ("all equal", [Series(name: "c", x: [1, 2, 3], y: [2, 2, 2])], .linear),
            ("single point", [Series(name: "p", x: [5], y: [7])], .linear),
            ("all equal x", [Series(name: "v", x: [3, 3, 3], y: [1, 2, 3])], .linear),
            ("negative on log", [Series(name: "l", x: [1, 2], y: [-1, 0])], .log),
            ("NaN band", [Series(name: "b", x: [1, 2, 3], y: [1, 2, 3],
                                 band: Band(lower: [.nan, 1, 2], upper: [2, .nan, 4]))], .log),
        ]
        for (title, series, scale) in cases {
            let text = try renderBoth(Figure(width: 300, height: 200, chart: .line(
                LineChart(title: title, xLabel: "x", yLabel: "y", series: series, yScale: scale))))
            XCTAssertTrue(text.contains(title), "\(title): \(text)")
            let drawable = ["all equal", "single point", "all equal x", "infinities", "NaN band"].contains(title)
            XCTAssertEqual(text.contains("no data"), !drawable, "\(title): \(text)")
        }
    }

    func testHeatmapsWithBadData() throws {
        let cases: [(String, [[Double]], ScaleType)] = [
            ("no rows", [], .linear),
            ("empty row", [[]], .linear),
            ("all NaN", [[.nan, .nan], [.nan, .nan]], .linear),
            ("all equal", [[3, 3], [3, 3]], .linear),
            ("single cell", [[0.5]], .log),
            ("ragged", [[1, 2, 3], [4]], .linear),
            ("zeros on log", [[0, 1], [10, 100]], .log),
        ]
        for (title, values, scale) in cases {
            let text = try renderBoth(Figure(width: 300, height: 200, chart: .heatmap(
                Heatmap(values: values, title: title, scale: scale))))
            XCTAssertTrue(text.contains(title), "\(title): \(text)")
        }
    }

    func testBarChartsWithBadData() throws {
        let nan = BarChart(title: "all NaN", groups: ["a", "b"],
                           series: [BarSeries(name: "s", values: [.nan, .infinity], errors: [.nan, 1])])
        XCTAssertTrue(try renderBoth(Figure(chart: .bar(nan))).contains("no data"))
        let empty = BarChart(title: "no groups", groups: [], series: [])
        XCTAssertTrue(try renderBoth(Figure(chart: .bar(empty))).contains("no data"))
        let negative = BarChart(title: "negative", groups: ["a", "b"],
                                series: [BarSeries(name: "s", values: [-1, 2], errors: [0.5, 0.5])])
        XCTAssertTrue(try renderBoth(Figure(chart: .bar(negative))).contains("−1"), "negative tick labels with a true minus")
    }

    func testGridsWithBadData() throws {
        let empty = PanelGrid(title: "empty grid", panels: [], columns: 3)
        XCTAssertTrue(try renderBoth(Figure(grid: empty)).contains("no data"))
        let mixed = PanelGrid(title: "mixed", panels: [
            .line(LineChart(series: [])), .heatmap(Heatmap(values: [[.nan]])),
            .bar(BarChart(groups: [], series: [])),
        ], columns: 2)
        XCTAssertTrue(try renderBoth(Figure(width: 200, height: 120, grid: mixed)).contains("mixed"))
    }

    func testLargeInputsStayReadable() throws {
        // 60 x 60 cells: labels thinned so that they do not overlap, no annotations.
        let n = 60
        let big = Heatmap(values: (0..<n).map { r in (0..<n).map { Double(r * $0) } },
                          rowLabels: (0..<n).map { "r\($0)" }, columnLabels: (0..<n).map { "c\($0)" }, title: "big")
        let text = try renderBoth(Figure(width: 300, height: 300, chart: .heatmap(big)))
        let words = Set(text.components(separatedBy: .whitespacesAndNewlines))
        XCTAssertTrue(words.contains("r0"))
        XCTAssertLessThan((0..<n).filter { words.contains("r\($0)") }.count, n / 2, text)
        XCTAssertLessThan((0..<n).filter { words.contains("c\($0)") }.count, n / 2, text)
        // 30 series: the legend moves below the plot in columns instead of running off the page.
        let many = LineChart(title: "many", series: (0..<30).map { k in
            Series(name: "series \(k)", x: [0, 1], y: [Double(k), Double(k + 1)])
        })
        let lines = try renderBoth(Figure(width: 468, height: 300, chart: .line(many)))
        XCTAssertTrue(lines.contains("series 29"), lines)
    }

    func testTinyFigureDoesNotCrash() throws {
        _ = try renderBoth(Figure(width: 20, height: 10, chart: .line(Fixtures.lineChart(count: 2, points: 10))))
        _ = try renderBoth(Figure(width: 20, height: 10, chart: .heatmap(Fixtures.heatmap())))
    }
}
