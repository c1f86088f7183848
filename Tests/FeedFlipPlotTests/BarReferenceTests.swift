import FeedFlipPlot
import XCTest

/// Reference marks on bar charts (the paper's values beside the reproduced bars).
final class BarReferenceTests: XCTestCase {
    private let bar = Color(red: 0.2, green: 0.4, blue: 0.8)

    /// One bar of height 1 in each of two groups; group 0 has a reference point at 3, group 1
    /// a range 2...4 (or none).
    private func chart(_ references: [ClosedRange<Double>?]) -> BarChart {
        BarChart(title: "refs", groups: ["a", "b"],
                 series: [BarSeries(name: "reproduced", values: [1, 1], color: bar)],
                 yRange: 0...5, legend: .hidden, references: references, referenceLabel: "paper")
    }

    /// Rows (y) in column `x` where the pixel is a strong blue (the reference lines' Okabe-Ito
    /// blue, #0072B2), not the light band.
    private func darkRows(_ image: RasterImage, x: Int, in rows: Range<Int>) -> [Int] {
        rows.filter { y in let p = image.pixel(x, y); return Int(p.blue) - Int(p.red) > 100 }
    }

    func testReferencesDrawDashedLinesAndABandAtTheirValues() throws {
        let with = try decodePNG(try render(Figure(width: 300, height: 200, chart: .bar(chart([3...3, 2...4]))),
                                            format: .png, dpi: 72))
        let without = try decodePNG(try render(Figure(width: 300, height: 200, chart: .bar(chart([nil, nil]))),
                                               format: .png, dpi: 72))
        XCTAssertNotEqual(with, without)
        // Find the two bars' columns: the pixel rows just above the x axis that show the bar colour.
        let barColumns = (0..<with.width).filter { x in (0..<with.height).contains { matches(with, x, $0, bar) } }
        XCTAssertFalse(barColumns.isEmpty)
        let top = (0..<with.height).first { y in barColumns.contains { matches(with, $0, y, bar) } } ?? 0
        let bottom = (0..<with.height).last { y in barColumns.contains { matches(with, $0, y, bar) } } ?? 0
        // One y unit in pixels (bars are 1 high; the axis line may cover a pixel of the base).
        let unit = Double(bottom - top + 1)
        // Group 0: a dark line near y = 3, i.e. 2 units above the bar top; nothing dark without references.
        let x0 = barColumns.first! + 2
        let expected0 = Double(top) - 2 * unit
        let rows0 = darkRows(with, x: x0, in: 0..<top)
        XCTAssertTrue(rows0.contains { abs(Double($0) - expected0) <= unit / 4 }, "rows \(rows0), expected ≈ \(expected0)")
        XCTAssertTrue(darkRows(without, x: x0, in: 0..<top).allSatisfy { abs(Double($0) - expected0) > unit / 4 })
        // Group 1: a grey band between y = 2 and y = 4 (sampled where the dashes leave gaps too).
        let x1 = barColumns.last! - 2
        let mid = Int(Double(top) - 2 * unit)   // y = 3 in group 1: inside the band
        let p = with.pixel(x1, mid), q = without.pixel(x1, mid)
        XCTAssertLessThan(Int(p.red), Int(q.red), "the band should darken the background at the range's middle")
        XCTAssertEqual(Int(q.red), 255)
    }

    func testReferencesWidenTheAxisAndJoinTheLegend() throws {
        var c = BarChart(title: "legend", groups: ["a", "b"], series: [BarSeries(name: "reproduced", values: [1, 2])],
                         references: [nil, 40...40], referenceLabel: "paper value")
        let text = try poppler("pdftotext", try render(Figure(width: 300, height: 200, chart: .bar(c)), format: .pdf))
        XCTAssertTrue(text.contains("paper value"), text)
        XCTAssertTrue(text.contains("40"), "the y axis should reach the reference: \(text)")
        c.references = [nil, nil]
        let plain = try poppler("pdftotext", try render(Figure(width: 300, height: 200, chart: .bar(c)), format: .pdf))
        XCTAssertFalse(plain.contains("paper value"), plain)
    }

    func testNonFiniteReferencesAreSkippedAndWrongCountsRejected() throws {
        let odd = chart([.infinity...(.infinity), nil])
        XCTAssertNoThrow(try render(Figure(width: 200, height: 150, chart: .bar(odd)), format: .png, dpi: 72))
        XCTAssertThrowsError(try render(Figure(width: 200, height: 150, chart: .bar(chart([3...3]))), format: .png))
    }
}
