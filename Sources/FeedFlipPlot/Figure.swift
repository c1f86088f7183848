// A figure: a size in points and either one chart or a grid of panels.

/// Any single chart that can fill a figure or a panel of a grid.
public enum Chart: Sendable {
    /// A matrix as coloured cells with a colour bar.
    case heatmap(Heatmap)
    /// Series as lines with optional bands.
    case line(LineChart)
    /// Grouped bars with error bars.
    case bar(BarChart)

    /// The chart's title.
    public var title: String {
        switch self {
        case let .heatmap(h): return h.title
        case let .line(l): return l.title
        case let .bar(b): return b.title
        }
    }

    /// The chart's x-axis label.
    public var xLabel: String {
        switch self {
        case let .heatmap(h): return h.xLabel
        case let .line(l): return l.xLabel
        case let .bar(b): return b.xLabel
        }
    }

    /// The chart's y-axis label.
    public var yLabel: String {
        switch self {
        case let .heatmap(h): return h.yLabel
        case let .line(l): return l.yLabel
        case let .bar(b): return b.yLabel
        }
    }

    func validate() throws {
        switch self {
        case let .heatmap(h): try h.validate()
        case let .line(l): try l.validate()
        case let .bar(b): try b.validate()
        }
    }

    func draw(in rect: Rect, canvas: Canvas, options: PanelOptions) {
        switch self {
        case let .heatmap(h): h.draw(in: rect, canvas: canvas, options: options)
        case let .line(l): l.draw(in: rect, canvas: canvas, options: options)
        case let .bar(b): b.draw(in: rect, canvas: canvas, options: options)
        }
    }
}

/// How a panel of a grid differs from a chart drawn alone (shared axes, shared legend).
struct PanelOptions {
    /// A fixed plot rectangle (grids align their panels); nil lays out from the margins.
    var plot: Rect?
    var xTicks: TickSet?
    var yTicks: TickSet?
    var colorRange: ClosedRange<Double>?
    var showXTickLabels = true
    var showYTickLabels = true
    var showXLabel = true
    var showYLabel = true
    var showLegend = true
    var showColorBar = true
    /// Width the chart title wraps to (grids give every panel of a row the same).
    var titleWidth: Double?
    /// Note under the colour bar for hatched cells of any panel sharing it (nil: own cells decide).
    var missingNote: String?
}

/// A figure of a given size in points holding one chart or a grid of panels.
public struct Figure: Sendable {
    /// What a figure shows.
    public enum Content: Sendable {
        /// One chart filling the figure.
        case chart(Chart)
        /// Small multiples.
        case grid(PanelGrid)
    }

    /// Width in points (72 per inch; 468 pt = 6.5 in, a paper's text width).
    public var width: Double
    /// Height in points.
    public var height: Double
    /// The chart or grid.
    public var content: Content

    /// A figure of `width` x `height` points showing `content`.
    public init(width: Double = 468, height: Double = 300, content: Content) {
        self.width = width; self.height = height; self.content = content
    }

    /// A figure holding one chart.
    public init(width: Double = 468, height: Double = 300, chart: Chart) {
        self.init(width: width, height: height, content: .chart(chart))
    }

    /// A figure holding a grid of panels.
    public init(width: Double = 468, height: Double = 300, grid: PanelGrid) {
        self.init(width: width, height: height, content: .grid(grid))
    }

    /// The title written into the PDF's metadata.
    var documentTitle: String {
        switch content {
        case let .chart(c): return c.title
        case let .grid(g): return g.title
        }
    }

    func validate() throws {
        switch content {
        case let .chart(c): try c.validate()
        case let .grid(g): try g.validate()
        }
    }

    func draw(on canvas: Canvas) {
        let outer = Rect(x: 0, y: 0, width: width, height: height).inset(left: 4, top: 4, right: 4, bottom: 4)
        switch content {
        case let .chart(c): c.draw(in: outer, canvas: canvas, options: PanelOptions())
        case let .grid(g): g.draw(in: outer, canvas: canvas)
        }
    }
}
