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

    /// A grouped bar chart; `groups` and `series` are required.
    public init(title: String = "", xLabel: String = "", yLabel: String = "", groups: [String],
                series: [BarSeries], yScale: ScaleType = .linear, yRange: ClosedRange<Double>? = nil,
                legend: LegendPlacement = .automatic) {
        self.title = title; self.xLabel = xLabel; self.yLabel = yLabel; self.groups = groups
        self.series = series; self.yScale = yScale; self.yRange = yRange; self.legend = legend
    }

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

    /// Legend entries: one filled box per series.
    func legendEntries() -> [LegendEntry] {
        series.indices.map { LegendEntry(label: series[$0].name, swatch: .box(color($0))) }
    }
}
