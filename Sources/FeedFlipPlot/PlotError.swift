// Errors of the plotting layer: each case carries what was wrong, where, and what to do.

/// An error raised while describing or rendering a figure; the description is one line for the CLI.
public enum PlotError: Error, Equatable, CustomStringConvertible {
    /// The figure size (points) is not finite and positive, or too large to rasterise.
    case invalidSize(width: Double, height: Double)
    /// The PNG resolution (dots per inch) is not finite and in 10...2400.
    case invalidResolution(dpi: Double)
    /// Two arrays of one chart that must have equal lengths do not.
    case mismatchedLengths(chart: String, what: String, expected: Int, got: Int)
    /// A panel grid with a column count that cannot hold its panels.
    case invalidGrid(columns: Int, panels: Int)
    /// Cairo reported an error at a stage of rendering (status text from cairo_status_to_string).
    case cairo(stage: String, status: String)

    /// One line naming the problem and what to do about it.
    public var description: String {
        switch self {
        case let .invalidSize(width, height):
            return "figure size \(width) x \(height) pt is invalid; expected finite sizes in 1...10000 pt"
        case let .invalidResolution(dpi):
            return "resolution \(dpi) dpi is invalid; expected a value in 10...2400 (300 for print)"
        case let .mismatchedLengths(chart, what, expected, got):
            return "chart \"\(chart)\": \(what) has \(got) values, expected \(expected); give arrays of equal length"
        case let .invalidGrid(columns, panels):
            return "panel grid with \(columns) columns cannot hold \(panels) panels; expected columns >= 1"
        case let .cairo(stage, status):
            return "cairo failed while \(stage): \(status)"
        }
    }
}
