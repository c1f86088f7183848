// Heatmaps: a matrix drawn as coloured cells with row/column labels and a colour bar.

import Foundation

/// A matrix as a grid of cells coloured by value, with a colour bar. Row 0 is drawn at the
/// top. Non-finite values (and values <= 0 on a log scale) are missing: hatched grey cells,
/// explained by a note under the colour bar.
public struct Heatmap: Sendable {
    /// Values, (rows, columns); ragged rows are padded with missing cells.
    public var values: [[Double]]
    /// One label per row (left of the cells), or empty for none.
    public var rowLabels: [String]
    /// One label per column (below the cells), or empty for none.
    public var columnLabels: [String]
    /// Title above the cells.
    public var title: String
    /// Label under the column labels.
    public var xLabel: String
    /// Label left of the row labels.
    public var yLabel: String
    /// Label of the colour bar (the quantity and its unit).
    public var colorBarLabel: String
    /// Linear or logarithmic colour scale.
    public var scale: ScaleType
    /// Fixed colour range (to compare heatmaps); nil spans the finite values.
    public var range: ClosedRange<Double>?
    /// Whether cells show their value as text (skipped when cells are too small).
    public var annotate: Bool
    /// Significant digits of the annotations.
    public var significantDigits: Int
    /// The note explaining hatched cells.
    public var missingLabel: String
    /// The colour map.
    public var colormap: Colormap

    /// A heatmap; only `values` is required.
    public init(values: [[Double]], rowLabels: [String] = [], columnLabels: [String] = [],
                title: String = "", xLabel: String = "", yLabel: String = "", colorBarLabel: String = "",
                scale: ScaleType = .linear, range: ClosedRange<Double>? = nil, annotate: Bool = true,
                significantDigits: Int = 3, missingLabel: String = "no data", colormap: Colormap = .viridis) {
        self.values = values; self.rowLabels = rowLabels; self.columnLabels = columnLabels
        self.title = title; self.xLabel = xLabel; self.yLabel = yLabel; self.colorBarLabel = colorBarLabel
        self.scale = scale; self.range = range; self.annotate = annotate
        self.significantDigits = significantDigits; self.missingLabel = missingLabel; self.colormap = colormap
    }

    /// Number of rows.
    public var rowCount: Int { values.count }
    /// Number of columns (the longest row).
    public var columnCount: Int { values.map(\.count).max() ?? 0 }

    func validate() throws {
        let chart = title.isEmpty ? "heatmap" : title
        if !rowLabels.isEmpty && rowLabels.count != rowCount {
            throw PlotError.mismatchedLengths(chart: chart, what: "rowLabels", expected: rowCount, got: rowLabels.count)
        }
        if !columnLabels.isEmpty && columnLabels.count != columnCount {
            throw PlotError.mismatchedLengths(chart: chart, what: "columnLabels", expected: columnCount,
                                              got: columnLabels.count)
        }
    }

    /// The value at (row, column), nil when missing or not showable on the scale.
    func value(_ r: Int, _ c: Int) -> Double? {
        guard c < values[r].count else { return nil }
        let v = values[r][c]
        return v.isFinite && (scale == .linear || v > 0) ? v : nil
    }

    /// Whether any cell is missing.
    var hasMissing: Bool {
        (0..<rowCount).contains { r in (0..<columnCount).contains { value(r, $0) == nil } }
    }

    /// The range of the showable values, nil when there are none.
    var dataRange: ClosedRange<Double>? {
        let shown = (0..<rowCount).flatMap { r in (0..<columnCount).compactMap { value(r, $0) } }
        guard let lo = shown.min(), let hi = shown.max() else { return nil }
        return lo...hi
    }

    /// Colour-bar ticks over the colour range (the fixed range, else the data; a single
    /// value is widened so that it maps to the middle of the colour map).
    public func colorTicks(range override: ClosedRange<Double>? = nil) -> TickSet {
        let r = override ?? range ?? dataRange ?? (scale == .log ? 1...10 : 0...1)
        return scale == .log ? Ticks.log(r.lowerBound, r.upperBound)
                             : Ticks.linear(r.lowerBound, r.upperBound, target: 5, expand: false)
    }

    /// The colour of a cell holding `v`, nil for a missing value (drawn hatched).
    public func color(for v: Double, range override: ClosedRange<Double>? = nil) -> Color? {
        color(for: v, ticks: colorTicks(range: override))
    }

    /// The colour of `v` on a colour bar with `ticks` (computed once per drawing).
    func color(for v: Double, ticks t: TickSet) -> Color? {
        guard let p = ValueNormalizer(lower: t.lower, upper: t.upper, type: scale).position(v),
              scale == .linear || v > 0 else { return nil }
        return colormap.color(at: p)
    }
}
