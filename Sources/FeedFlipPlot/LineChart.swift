// Line charts: several series of (x, y) points with optional shaded bands.

import Foundation

/// A shaded band around a series, e.g. mean ± std or a 95% interval.
public struct Band: Sendable, Hashable {
    /// Lower edge, one value per point of the series.
    public var lower: [Double]
    /// Upper edge, one value per point of the series.
    public var upper: [Double]

    /// A band from its edges (each as long as the series).
    public init(lower: [Double], upper: [Double]) {
        self.lower = lower; self.upper = upper
    }
}

/// One series of a line chart. Non-finite values (and values <= 0 on a log axis) leave gaps.
public struct Series: Sendable, Hashable {
    /// Legend label.
    public var name: String
    /// x values, one per point.
    public var x: [Double]
    /// y values, as many as `x`.
    public var y: [Double]
    /// Optional band, each edge as long as `x`.
    public var band: Band?
    /// Colour and dash; nil picks `SeriesStyle.automatic(index)`.
    public var style: SeriesStyle?

    /// A series from its points, with an optional band and style.
    public init(name: String, x: [Double], y: [Double], band: Band? = nil, style: SeriesStyle? = nil) {
        self.name = name; self.x = x; self.y = y; self.band = band; self.style = style
    }
}

/// A chart of several series against a shared x axis.
public struct LineChart: Sendable {
    /// Title above the plot.
    public var title: String
    /// x-axis label.
    public var xLabel: String
    /// y-axis label.
    public var yLabel: String
    /// The series, drawn in order (bands first, then lines).
    public var series: [Series]
    /// x-axis scale.
    public var xScale: ScaleType
    /// y-axis scale.
    public var yScale: ScaleType
    /// Fixed x range; nil fits the data.
    public var xRange: ClosedRange<Double>?
    /// Fixed y range; nil fits the data (with nice rounded ends on linear axes).
    public var yRange: ClosedRange<Double>?
    /// Legend position.
    public var legend: LegendPlacement

    /// A line chart; only `series` is required.
    public init(title: String = "", xLabel: String = "", yLabel: String = "", series: [Series],
                xScale: ScaleType = .linear, yScale: ScaleType = .linear,
                xRange: ClosedRange<Double>? = nil, yRange: ClosedRange<Double>? = nil,
                legend: LegendPlacement = .automatic) {
        self.title = title; self.xLabel = xLabel; self.yLabel = yLabel; self.series = series
        self.xScale = xScale; self.yScale = yScale; self.xRange = xRange; self.yRange = yRange
        self.legend = legend
    }

    func validate() throws {
        for s in series {
            let chart = title.isEmpty ? "line chart" : title
            if s.y.count != s.x.count {
                throw PlotError.mismatchedLengths(chart: chart, what: "y of series \"\(s.name)\"",
                                                  expected: s.x.count, got: s.y.count)
            }
            if let b = s.band {
                for (edge, values) in [("lower", b.lower), ("upper", b.upper)] where values.count != s.x.count {
                    throw PlotError.mismatchedLengths(chart: chart, what: "band \(edge) of series \"\(s.name)\"",
                                                      expected: s.x.count, got: values.count)
                }
            }
        }
    }

    /// The style of series `i`.
    func style(_ i: Int) -> SeriesStyle { series[i].style ?? .automatic(i) }

    /// Whether `v` can be placed on an axis of `type`.
    static func usable(_ v: Double, _ type: ScaleType) -> Bool {
        v.isFinite && (type == .linear || v > 0)
    }

    /// Data extent over drawable points (and band edges): (x range, y range), nil without data.
    func dataExtent() -> (x: ClosedRange<Double>, y: ClosedRange<Double>)? {
        var xs: [Double] = [], ys: [Double] = []
        for s in series {
            for i in s.x.indices where LineChart.usable(s.x[i], xScale) {
                let candidates = [s.y[i]] + (s.band.map { [$0.lower[i], $0.upper[i]] } ?? [])
                let good = candidates.filter { LineChart.usable($0, yScale) }
                if !good.isEmpty { xs.append(s.x[i]); ys.append(contentsOf: good) }
            }
        }
        guard let x0 = xs.min(), let x1 = xs.max(), let y0 = ys.min(), let y1 = ys.max() else { return nil }
        return (x0...x1, y0...y1)
    }

    /// Ticks for both axes from the fixed ranges or the data extent.
    func ticks() -> (x: TickSet, y: TickSet) {
        let extent = dataExtent()
        let xr = xRange ?? extent?.x ?? (xScale == .log ? 1...10 : 0...1)
        let yr = yRange ?? extent?.y ?? (yScale == .log ? 1...10 : 0...1)
        let xt = xScale == .log ? logTicks(xr, pad: xRange == nil) : linearTicks(xr, fixed: xRange != nil)
        let yt = yScale == .log ? logTicks(yr, pad: yRange == nil)
                                : linearTicks(yRange != nil || extent == nil ? yr : padded(yr), fixed: yRange != nil)
        return (xt, yt)
    }

    /// The legend entries; with `markEmpty`, series without drawable points say "(no data)".
    func legendEntries(markEmpty: Bool = true) -> [LegendEntry] {
        series.indices.map { i in
            let s = series[i]
            let ok = { (j: Int) in LineChart.usable(s.x[j], xScale) && LineChart.usable(s.y[j], yScale) }
            let drawable = s.x.indices.contains(where: ok)
            // A series whose points are all isolated is drawn as dots: so is its swatch.
            let dotsOnly = drawable && !LineChart.runs(s.x.count, ok).contains { $0.count >= 2 }
            return LegendEntry(label: drawable || !markEmpty ? s.name : s.name + " (no data)",
                               swatch: dotsOnly ? .dot(style(i).color) : .line(style(i), band: s.band != nil))
        }
    }
}

/// Linear ticks for `r`: rounded outwards to the enclosing step multiples when that costs at
/// most 15% more axis, otherwise exactly `r` with the ticks inside; a fixed range is kept exactly.
func linearTicks(_ r: ClosedRange<Double>, fixed: Bool) -> TickSet {
    let tight = Ticks.linear(r.lowerBound, r.upperBound, target: 5, expand: false)
    if fixed { return tight }
    let wide = Ticks.linear(r.lowerBound, r.upperBound, target: 5, expand: true)
    return (wide.upper - wide.lower) <= 1.15 * (tight.upper - tight.lower) ? wide : tight
}

/// `r` widened by 3% of its span on each side, so that data never sits on the frame; a
/// lower end at exactly 0 stays (zero is a natural floor of errors and losses).
func padded(_ r: ClosedRange<Double>) -> ClosedRange<Double> {
    let d = 0.03 * (r.upperBound - r.lowerBound)
    return (r.lowerBound == 0 ? 0 : r.lowerBound - d)...(r.upperBound + d)
}

/// Log ticks for `r` (positive), padded by 4% of its decades on each side when `pad`.
func logTicks(_ r: ClosedRange<Double>, pad: Bool) -> TickSet {
    guard pad, r.lowerBound > 0 else { return Ticks.log(r.lowerBound, r.upperBound) }
    let decades = max(log10(r.upperBound / r.lowerBound), 0.2)
    let f = pow(10, 0.04 * decades)
    return Ticks.log(r.lowerBound / f, r.upperBound * f)
}
