// Grouped bar charts with error bars (e.g. variants x metric).

import Foundation

/// One series of a grouped bar chart: one bar per group.
public struct BarSeries: Sendable, Hashable {
    /// Legend label.
    public var name: String
    /// Bar heights, one per group; non-finite values draw no bar but an "n/a" mark.
    public var values: [Double]
    /// Symmetric error half-widths (e.g. std or a 95% interval half-width), one per group.
    public var errors: [Double]?
    /// Fill colour; nil picks the Okabe-Ito colour of the series index.
    public var color: Color?

    /// A bar series from its values and optional errors and colour.
    public init(name: String, values: [Double], errors: [Double]? = nil, color: Color? = nil) {
        self.name = name; self.values = values; self.errors = errors; self.color = color
    }
}

/// Bars in groups along x (one group per label) with one bar per series in each group.
public struct BarChart: Sendable {
    /// Title above the plot.
    public var title: String
    /// Label under the group names.
    public var xLabel: String
    /// y-axis label.
    public var yLabel: String
    /// Group names along x.
    public var groups: [String]
    /// The series; each has one value per group.
    public var series: [BarSeries]
    /// y-axis scale; on a log axis bars rise from the bottom of the axis.
    public var yScale: ScaleType
    /// Fixed y range; nil fits bars, error bars and zero (linear).
    public var yRange: ClosedRange<Double>?
    /// Legend position.
    public var legend: LegendPlacement
    /// Reference values to set beside the bars, one per group (nil: none for that group), or
    /// empty for none at all: a point (`r...r`) is drawn as a dashed dark line across the
    /// group, a range as a light band between two such lines. Used for a paper's numbers.
    public var references: [ClosedRange<Double>?]
    /// The legend label of the reference marks (shown when any group has one).
    public var referenceLabel: String

    /// A grouped bar chart; `groups` and `series` are required.
    public init(title: String = "", xLabel: String = "", yLabel: String = "", groups: [String],
                series: [BarSeries], yScale: ScaleType = .linear, yRange: ClosedRange<Double>? = nil,
                legend: LegendPlacement = .automatic, references: [ClosedRange<Double>?] = [],
                referenceLabel: String = "reference") {
        self.title = title; self.xLabel = xLabel; self.yLabel = yLabel; self.groups = groups
        self.series = series; self.yScale = yScale; self.yRange = yRange; self.legend = legend
        self.references = references; self.referenceLabel = referenceLabel
    }

    /// The usable reference of group `g`: both ends finite (and positive on a log axis).
    func reference(_ g: Int) -> ClosedRange<Double>? {
        guard g < references.count, let r = references[g],
              LineChart.usable(r.lowerBound, yScale), LineChart.usable(r.upperBound, yScale) else { return nil }
        return r
    }

    /// Whether any group has a reference to draw.
    var hasReferences: Bool { groups.indices.contains { reference($0) != nil } }

    func validate() throws {
        let chart = title.isEmpty ? "bar chart" : title
        for s in series {
            if s.values.count != groups.count {
                throw PlotError.mismatchedLengths(chart: chart, what: "values of series \"\(s.name)\"",
                                                  expected: groups.count, got: s.values.count)
            }
            if let e = s.errors, e.count != groups.count {
                throw PlotError.mismatchedLengths(chart: chart, what: "errors of series \"\(s.name)\"",
                                                  expected: groups.count, got: e.count)
            }
        }
        if !references.isEmpty, references.count != groups.count {
            throw PlotError.mismatchedLengths(chart: chart, what: "references", expected: groups.count,
                                              got: references.count)
        }
    }

    /// The fill colour of series `i`.
    func color(_ i: Int) -> Color { series[i].color ?? Color.okabeIto[i % Color.okabeIto.count] }

    /// The value range covered by bars, error bars and (on linear axes) zero; nil without data.
    func dataExtent() -> ClosedRange<Double>? {
        var ys: [Double] = []
        for s in series {
            for (g, v) in s.values.enumerated() where LineChart.usable(v, yScale) {
                ys.append(v)
                if let e = s.errors?[g], e.isFinite {
                    ys.append(contentsOf: [v - e, v + e].filter { LineChart.usable($0, yScale) })
                }
            }
        }
        for g in groups.indices {
            if let r = reference(g) { ys.append(contentsOf: [r.lowerBound, r.upperBound]) }
        }
        guard let lo = ys.min(), let hi = ys.max() else { return nil }
        return yScale == .linear ? min(lo, 0)...max(hi, 0) : lo...hi
    }

    /// Categorical x ticks (one per group) and y ticks.
    func ticks() -> (x: TickSet, y: TickSet) {
        let n = max(groups.count, 1)
        let x = TickSet(lower: -0.5, upper: Double(n) - 0.5, values: groups.indices.map(Double.init), labels: groups)
        let extent = dataExtent()
        let r = yRange ?? extent ?? (yScale == .log ? 1...10 : 0...1)
        let y = yScale == .log ? logTicks(r, pad: yRange == nil)
                               : linearTicks(yRange != nil || extent == nil ? r : padded(r), fixed: yRange != nil)
        return (x, y)
    }

    /// Legend entries: one filled box per series, then the reference mark if any is drawn.
    func legendEntries() -> [LegendEntry] {
        series.indices.map { LegendEntry(label: series[$0].name, swatch: .box(color($0))) }
            + (hasReferences ? [LegendEntry(label: referenceLabel, swatch: .reference(Theme.reference))] : [])
    }
}
