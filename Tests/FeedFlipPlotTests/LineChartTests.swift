import FeedFlipPlot
import XCTest

final class LineChartTests: XCTestCase {
    private let orange = Color.okabeIto[0]

    /// Rows in column `x` whose pixel matches `color`.
    private func rows(_ image: RasterImage, column x: Int, _ color: Color, tolerance: Int = 2) -> [Int] {
        (0..<image.height).filter { matches(image, x, $0, color, tolerance: tolerance) }
    }

    func testBandIsDrawnAroundTheLine() throws {
        let x = (0...10).map(Double.init)
        let chart = LineChart(title: "band", series: [
            Series(name: "s", x: x, y: x.map { _ in 0.5 },
                   band: Band(lower: x.map { _ in 0.25 }, upper: x.map { _ in 0.75 })),
        ], yRange: 0...1, legend: .hidden)
        let image = try decodePNG(try render(Figure(width: 300, height: 200, chart: .line(chart)), format: .png,
                                             dpi: 144))
        let column = image.width / 2
        let line = rows(image, column: column, orange)
        let band = rows(image, column: column, orange.withAlpha(0.18))
        let lineCentre = try XCTUnwrap(line.isEmpty ? nil : Double(line.reduce(0, +)) / Double(line.count))
        let top = try XCTUnwrap(band.min()), bottom = try XCTUnwrap(band.max())
        XCTAssertLessThan(Double(top), lineCentre)
        XCTAssertGreaterThan(Double(bottom), lineCentre)
        // y = 0.5 is the middle of 0...1: the band (0.25...0.75) spans half the plot height,
        // centred on the line; the x axis (y = 0) lies as far below the band as the band is tall / 2.
        let axis = Color(grey: 0.25)
        let axisRows = rows(image, column: column, axis, tolerance: 40).filter { Double($0) > lineCentre }
        let axisRow = try XCTUnwrap(axisRows.min())
        let plotHeight = 2 * (Double(axisRow) - lineCentre)
        XCTAssertEqual(Double(bottom - top), plotHeight / 2, accuracy: 4)
        XCTAssertEqual(Double(top + bottom) / 2, lineCentre, accuracy: 2)
    }

    func testNaNLeavesAGap() throws {
        let x = (0...20).map(Double.init)
        var y = x.map { _ in 0.5 }
        for i in 8...12 { y[i] = .nan }
        let chart = LineChart(series: [Series(name: "s", x: x, y: y)], xRange: 0...20, yRange: 0...1,
                              legend: .hidden)
        let image = try decodePNG(try render(Figure(width: 300, height: 200, chart: .line(chart)), format: .png,
                                             dpi: 72))
        let lineRows = (0..<image.width).map { rows(image, column: $0, orange) }
        let drawn = lineRows.indices.filter { !lineRows[$0].isEmpty }
        let first = try XCTUnwrap(drawn.first), last = try XCTUnwrap(drawn.last)
        let middle = (first + last) / 2
        XCTAssertTrue(lineRows[middle].isEmpty, "the NaN stretch should be a gap")
        XCTAssertFalse(lineRows[first + 5].isEmpty)
        XCTAssertFalse(lineRows[last - 5].isEmpty)
    }

    /// Pixels of the exact series colour in the whole image.
    private func count(_ image: RasterImage, _ color: Color) -> Int {
        var n = 0
        for y in 0..<image.height { for x in 0..<image.width where matches(image, x, y, color) { n += 1 } }
        return n
    }

    func testAutomaticLegendHidesNoData() throws {
        // The diagonal runs from corner to corner: the top-right and bottom-left corners are
        // taken, so the automatic legend must go top left (or bottom right).
        let x = (0...50).map(Double.init)
        func chart(_ legend: LegendPlacement) -> Figure {
            Figure(width: 300, height: 200, chart: .line(LineChart(series: [
                Series(name: "diagonal", x: x, y: x),
            ], xRange: 0...50, yRange: 0...50, legend: legend)))
        }
        let hidden = count(try decodePNG(try render(chart(.hidden), format: .png, dpi: 144)), orange)
        let automatic = count(try decodePNG(try render(chart(.automatic), format: .png, dpi: 144)), orange)
        let forced = count(try decodePNG(try render(chart(.inside(.topRight)), format: .png, dpi: 144)), orange)
        XCTAssertGreaterThan(hidden, 100)
        XCTAssertGreaterThan(automatic, hidden, "the legend swatch adds pixels; covering data would remove some")
        XCTAssertLessThan(forced, automatic, "a legend forced over the data should hide some of it")
    }

    func testCrowdedTickLabelsAreThinned() throws {
        let chart = LineChart(series: [Series(name: "s", x: [10000, 60000], y: [0, 1])], xRange: 10000...60000,
                              yRange: 0...1, legend: .hidden)
        let text = try poppler("pdftotext", try render(Figure(width: 110, height: 100, chart: .line(chart)),
                                                        format: .pdf))
        let words = Set(text.components(separatedBy: .whitespacesAndNewlines))
        let ticks = Ticks.linear(10000, 60000, expand: false)
        let shown = ticks.labels.filter(words.contains)
        XCTAssertGreaterThanOrEqual(shown.count, 2, text)
        XCTAssertLessThan(shown.count, ticks.labels.count, "labels this close would overlap: \(text)")
        let wide = try poppler("pdftotext", try render(Figure(width: 468, height: 100, chart: .line(chart)),
                                                        format: .pdf))
        let all = Set(wide.components(separatedBy: .whitespacesAndNewlines))
        XCTAssertEqual(ticks.labels.filter(all.contains).count, ticks.labels.count, wide)
    }

    func testLogAxisDropsNonPositiveValues() throws {
        let chart = LineChart(title: "log", series: [Series(name: "s", x: [1, 2, 3, 4], y: [1, 0, -1, 1000])],
                              yScale: .log)
        let text = try poppler("pdftotext", try render(Figure(chart: .line(chart)), format: .pdf))
        XCTAssertTrue(text.contains("10³"), text)
        XCTAssertTrue(text.contains("10⁰"), text)
        XCTAssertFalse(text.contains("−"), "no negative ticks on a log axis: \(text)")
    }
}
