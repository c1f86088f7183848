import FeedFlipPlot
import XCTest

final class RenderTests: XCTestCase {
    static let figures: [(String, Figure)] = [
        ("heatmap", Figure(chart: .heatmap(Fixtures.heatmap()))),
        ("line", Figure(chart: .line(Fixtures.lineChart(count: 4, points: 50)))),
        ("bar", Figure(chart: .bar(Fixtures.barChart()))),
        ("grid", Figure(grid: PanelGrid(title: "Grid — Δ → x₁", panels: [
            .line(Fixtures.lineChart(count: 2, points: 30)), .line(Fixtures.lineChart(count: 3, points: 30)),
            .heatmap(Fixtures.heatmap()), .bar(Fixtures.barChart()),
        ], columns: 2))),
    ]

    func testPNGHasSizeFromPointsAndDPI() throws {
        let bytes = try render(Figure(width: 468, height: 300, chart: .heatmap(Fixtures.heatmap())), format: .png)
        XCTAssertEqual(Array(bytes.prefix(8)), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        let image = try decodePNG(bytes)
        XCTAssertEqual(image.width, 1950)
        XCTAssertEqual(image.height, 1250)
        let small = try decodePNG(try render(Figure(width: 72, height: 36, chart: .heatmap(Fixtures.heatmap())),
                                             format: .png, dpi: 100))
        XCTAssertEqual(small.width, 100)
        XCTAssertEqual(small.height, 50)
    }

    func testEveryChartRendersByteIdenticallyTwice() throws {
        for (name, figure) in RenderTests.figures {
            for format in ImageFormat.allCases {
                let a = try render(figure, format: format, dpi: 72)
                let b = try render(figure, format: format, dpi: 72)
                XCTAssertGreaterThan(a.count, 1000, name)
                XCTAssertEqual(a, b, "\(name) \(format) differs between two renders")
            }
        }
    }

    func testPDFHasFixedDatesAndOnePageOfRightSize() throws {
        let pdf = try render(Figure(width: 468, height: 300, chart: .line(Fixtures.lineChart())), format: .pdf)
        XCTAssertEqual(String(decoding: pdf.prefix(5), as: UTF8.self), "%PDF-")
        let info = try poppler("pdfinfo", pdf)
        var fields: [String: String] = [:]
        for line in info.split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            fields[String(line[..<colon])] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        XCTAssertEqual(fields["Pages"], "1", info)
        XCTAssertEqual(fields["Page size"]?.hasPrefix("468 x 300 pts"), true, info)
        XCTAssertEqual(fields["CreationDate"]?.contains("2000"), true, "fixed creation date expected: \(info)")
        XCTAssertEqual(fields["Title"]?.hasPrefix("Training curves — ΔFA"), true, info)
    }

    func testPDFTextHasTitleLabelsAndUnicode() throws {
        for (name, figure) in RenderTests.figures {
            let text = try poppler("pdftotext", try render(figure, format: .pdf))
            XCTAssertTrue(text.contains("Δ"), "\(name): \(text)")
            switch figure.content {
            case let .chart(.heatmap(h)):
                for label in [h.title, h.xLabel, h.yLabel, h.colorBarLabel, "diverged", "0.0210"] {
                    XCTAssertTrue(text.contains(label), "\(name) lacks \(label): \(text)")
                }
            case let .chart(.line(l)):
                for label in [l.title, l.xLabel, l.yLabel, "depth 1, f = 0.01", "±"] {
                    XCTAssertTrue(text.contains(label), "\(name) lacks \(label): \(text)")
                }
            case let .chart(.bar(b)):
                for label in [b.title, b.xLabel, b.yLabel, "Ternary FA", "n/a", "depth 3"] {
                    XCTAssertTrue(text.contains(label), "\(name) lacks \(label): \(text)")
                }
            default:
                XCTAssertTrue(text.contains("Grid — Δ → x₁"), "\(name): \(text)")
            }
        }
    }

    func testLongTitlesWrapInsteadOfLosingWords() throws {
        let title = "Ternary + adaptive + ortho B + cal: final MSE (mean of 3 seeds, 100 epochs)"
        for chart in [Chart.heatmap(Heatmap(values: [[1, 2]], title: title)),
                      .line(LineChart(title: title, series: [Series(name: "s", x: [1, 2], y: [1, 2])]))] {
            let text = try poppler("pdftotext", try render(Figure(width: 300, height: 200, chart: chart), format: .pdf))
            let words = Set(text.components(separatedBy: .whitespacesAndNewlines))
            for word in title.split(separator: " ") { XCTAssertTrue(words.contains(String(word)), "\(word): \(text)") }
            XCTAssertFalse(text.contains("…"), text)
        }
    }

    func testPNGRecordsItsResolution() throws {
        let png = try render(Figure(width: 100, height: 50, chart: .bar(Fixtures.barChart())), format: .png)
        // pHYs chunk: 300 dpi = 11811 pixels per metre on both axes, unit metre.
        let marker: [UInt8] = Array("pHYs".utf8) + [0, 0, 0x2E, 0x23, 0, 0, 0x2E, 0x23, 1]
        let found = (0...(png.count - marker.count)).contains { Array(png[$0..<($0 + marker.count)]) == marker }
        XCTAssertTrue(found)
    }

    func testConcurrentRendersAgree() throws {
        let figure = RenderTests.figures[3].1
        let reference = try render(figure, format: .png, dpi: 72)
        let referencePDF = try render(figure, format: .pdf)
        final class Results: @unchecked Sendable {
            let lock = NSLock()
            var same = [Bool](repeating: false, count: 8)
        }
        let results = Results()
        DispatchQueue.concurrentPerform(iterations: 8) { i in
            let bytes = try? render(figure, format: i % 2 == 0 ? .png : .pdf, dpi: 72)
            let same = bytes == (i % 2 == 0 ? reference : referencePDF)
            results.lock.lock(); results.same[i] = same; results.lock.unlock()
        }
        XCTAssertEqual(results.same, [Bool](repeating: true, count: 8))
    }

    func testInvalidInputThrowsPlotError() {
        XCTAssertThrowsError(try render(Figure(width: 0, height: 10, chart: .bar(Fixtures.barChart())),
                                        format: .png)) { error in
            XCTAssertEqual(error as? PlotError, .invalidSize(width: 0, height: 10))
        }
        XCTAssertThrowsError(try render(Figure(width: .nan, height: 10, chart: .bar(Fixtures.barChart())),
                                        format: .pdf))
        XCTAssertThrowsError(try render(Figure(chart: .bar(Fixtures.barChart())), format: .png, dpi: 0))
        let bad = LineChart(title: "t", series: [Series(name: "s", x: [1, 2, 3], y: [1, 2])])
        XCTAssertThrowsError(try render(Figure(chart: .line(bad)), format: .png)) { error in
            XCTAssertEqual(error as? PlotError,
                           .mismatchedLengths(chart: "t", what: "y of series \"s\"", expected: 3, got: 2))
            XCTAssertTrue("\(error)".contains("expected 3"))
        }
        let grid = PanelGrid(panels: [.bar(Fixtures.barChart())], columns: 0)
        XCTAssertThrowsError(try render(Figure(grid: grid), format: .pdf))
        let labels = Heatmap(values: [[1, 2]], rowLabels: ["a", "b"])
        XCTAssertThrowsError(try render(Figure(chart: .heatmap(labels)), format: .png))
    }
}
