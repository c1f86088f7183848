import FeedFlipPlot
import XCTest

final class HeatmapTests: XCTestCase {
    /// Columns of `color` along row `y`: the x of every matching pixel.
    private func hits(_ image: RasterImage, row y: Int, _ color: Color) -> [Int] {
        (0..<image.width).filter { matches(image, $0, y, color) }
    }

    func testCellColoursEqualTheColourMapAtTheirValues() throws {
        let values = [0.0, 0.25, 0.5, 0.75, 1.0]
        let map = Heatmap(values: [values, values.reversed()], title: "cells", scale: .linear, range: 0...1,
                          annotate: false)
        let image = try decodePNG(try render(Figure(width: 400, height: 200, chart: .heatmap(map)), format: .png,
                                             dpi: 72))
        // Scan the middle of the top row of cells (a quarter down the plot area).
        var found = false
        for y in stride(from: 30, to: 100, by: 2) {
            let centres = values.map { v -> Double? in
                let xs = hits(image, row: y, Colormap.viridis.color(at: v))
                return xs.count >= 20 ? Double(xs.reduce(0, +)) / Double(xs.count) : nil
            }
            if centres.allSatisfy({ $0 != nil }) {
                let c = centres.compactMap { $0 }
                XCTAssertEqual(c, c.sorted(), "cells should go left to right by column")
                XCTAssertEqual(map.color(for: 0.25), Colormap.viridis.color(at: 0.25))
                found = true
                break
            }
        }
        XCTAssertTrue(found, "no row shows all five cell colours")
    }

    func testLogScaleMapsDecadesEvenly() throws {
        let map = Heatmap(values: [[0.001, 0.01, 0.1]], scale: .log, annotate: false)
        XCTAssertEqual(map.color(for: 0.001), Colormap.viridis.color(at: 0))
        let mid = try XCTUnwrap(map.color(for: 0.01))
        let expected = Colormap.viridis.color(at: 0.5)
        XCTAssertEqual(mid.green, expected.green, accuracy: 1e-9)
        XCTAssertNil(map.color(for: -1))
        XCTAssertNil(map.color(for: .nan))
        let ticks = map.colorTicks()
        XCTAssertEqual(ticks.labels, ["0.001", "0.002", "0.005", "0.01", "0.02", "0.05", "0.1"])
        let wide = Heatmap(values: [[1e-4, 1]], scale: .log).colorTicks()
        XCTAssertEqual(wide.labels, ["10⁻⁴", "10⁻³", "10⁻²", "10⁻¹", "10⁰"])
    }

    func testMissingCellsAreHatchedAndExplained() throws {
        let map = Heatmap(values: [[1, .nan], [.infinity, 4]], title: "holes", annotate: false,
                          missingLabel: "diverged")
        let image = try decodePNG(try render(Figure(width: 300, height: 200, chart: .heatmap(map)), format: .png,
                                             dpi: 72))
        let hatchBackground = Color(grey: 0.9)
        var count = 0
        for y in 0..<image.height { for x in 0..<image.width where matches(image, x, y, hatchBackground) { count += 1 } }
        XCTAssertGreaterThan(count, 500, "hatched cells should cover a visible area")
        let text = try poppler("pdftotext", try render(Figure(width: 300, height: 200, chart: .heatmap(map)),
                                                        format: .pdf))
        XCTAssertTrue(text.contains("diverged"))
    }

    func testAnnotationTextContrastsWithCell() throws {
        // A dark cell (low end of viridis) gets white text: some pure white pixels inside it.
        let map = Heatmap(values: [[0, 1]], range: 0...1, annotate: true)
        let image = try decodePNG(try render(Figure(width: 300, height: 150, chart: .heatmap(map)), format: .png,
                                             dpi: 144))
        let dark = Colormap.viridis.color(at: 0)
        var whiteInsideDark = 0
        for row in 0..<image.height {
            guard let lo = (0..<image.width).first(where: { matches(image, $0, row, dark) }) else { continue }
            // Walk the dark cell: it ends after 20 pixels in a row that are not dark.
            var x = lo, sinceDark = 0
            while x < image.width && sinceDark < 20 {
                if matches(image, x, row, dark) {
                    sinceDark = 0
                } else {
                    sinceDark += 1
                    if matches(image, x, row, .white, tolerance: 10) { whiteInsideDark += 1 }
                }
                x += 1
            }
        }
        XCTAssertGreaterThan(whiteInsideDark, 10, "white annotation text expected on the dark cell")
    }
}
