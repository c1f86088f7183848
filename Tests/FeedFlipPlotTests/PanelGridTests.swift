import FeedFlipPlot
import XCTest

final class PanelGridTests: XCTestCase {
    private func occurrences(of word: String, in text: String) -> Int {
        text.components(separatedBy: .whitespacesAndNewlines).filter { $0 == word }.count
    }

    private func twoPanels(sharedY: Bool) -> Figure {
        let x = (0...10).map(Double.init)
        let small = LineChart(title: "small", series: [Series(name: "alpha", x: x, y: x)], yRange: 0...10)
        let large = LineChart(title: "large", series: [Series(name: "alpha", x: x, y: x.map { $0 * 10 })],
                              yRange: 0...100)
        return Figure(width: 400, height: 200, grid: PanelGrid(title: "two", panels: [.line(small), .line(large)],
                                                              columns: 2, sharedY: sharedY))
    }

    func testSharedYShowsOneSetOfTickLabels() throws {
        let shared = try poppler("pdftotext", try render(twoPanels(sharedY: true), format: .pdf))
        XCTAssertEqual(occurrences(of: "100", in: shared), 1, shared)
        let separate = try poppler("pdftotext", try render(twoPanels(sharedY: false), format: .pdf))
        XCTAssertEqual(occurrences(of: "10", in: separate), 3, "x tick 10 in both panels, y tick 10 in one: \(separate)")
        XCTAssertEqual(occurrences(of: "100", in: separate), 1, separate)
    }

    func testSharedLegendListsEachSeriesOnce() throws {
        let text = try poppler("pdftotext", try render(twoPanels(sharedY: true), format: .pdf))
        XCTAssertEqual(occurrences(of: "alpha", in: text), 1, text)
    }

    func testSharedColourBarExplainsHatchedCellsOfAnyPanel() throws {
        let holes = Heatmap(values: [[1, .nan]], title: "holes", missingLabel: "diverged")
        let full = Heatmap(values: [[1, 2]], title: "full")
        let figure = Figure(width: 400, height: 150, grid: PanelGrid(panels: [.heatmap(holes), .heatmap(full)],
                                                                    columns: 2))
        let text = try poppler("pdftotext", try render(figure, format: .pdf))
        XCTAssertTrue(text.contains("diverged"), text)
    }
}
