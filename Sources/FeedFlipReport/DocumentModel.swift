import Foundation

/// Inline content of the literate document: text, code, emphasis, links and value directives.
public indirect enum Inline: Equatable, Sendable {
    /// Plain text (writers escape it for their format).
    case text(String)
    /// Inline code, shown in a monospaced font.
    case code(String)
    /// Emphasised content (`*...*`).
    case emphasis([Inline])
    /// Strong content (`**...**`).
    case strong([Inline])
    /// A hyperlink (`[text](url)`).
    case link(text: [Inline], url: String)
    /// `{{ value: <metric key> }}`: the formatted estimate of a metric, at a 1-based line and column.
    case value(metric: String, line: Int, column: Int)
    /// A visible "not run" marker with its reason (never silently empty).
    case notRun(String)
}

/// The paths of one rendered figure: PNG for Markdown, PDF for LaTeX (as the outputs should link them).
public struct FigurePaths: Codable, Equatable, Sendable {
    /// The PNG file, relative to the Markdown report.
    public var png: String
    /// The PDF file, relative to the LaTeX report.
    public var pdf: String

    /// Paths from their parts.
    public init(png: String, pdf: String) {
        self.png = png
        self.pdf = pdf
    }
}

/// Block content of the literate document.
public indirect enum Block: Equatable, Sendable {
    /// A heading; level 1 is the title, 2 a section, 3 a subsection, 4 a subsubsection.
    case heading(level: Int, [Inline])
    /// A paragraph.
    case paragraph([Inline])
    /// A list; each item is a sequence of blocks (a paragraph, possibly a nested list).
    case list(ordered: Bool, items: [[Block]])
    /// A table with a header row, body rows and an optional caption (numbered "Table N").
    case table(header: [[Inline]], rows: [[[Inline]]], caption: [Inline]?)
    /// A code block (fenced with three backquotes), shown verbatim line by line.
    case code([String])
    /// `{{ table: <name> }}` at a 1-based line and column, before expansion.
    case tableDirective(name: String, line: Int, column: Int)
    /// `{{ figure: <name> | <caption> }}` at a 1-based line and column, before expansion.
    case figureDirective(name: String, caption: [Inline], line: Int, column: Int)
    /// A resolved figure (numbered "Figure N").
    case figure(name: String, paths: FigurePaths, caption: [Inline])
    /// A visible "not run" marker for a block whose data is missing.
    case notRun(String)
}

/// A table supplied by the pipeline by name (`{{ table: <name> }}`): plain-text cells.
public struct ReportTable: Codable, Equatable, Sendable {
    /// The column headings.
    public var columns: [String]
    /// The rows; each has one cell per column.
    public var rows: [[String]]
    /// The caption shown with the table number.
    public var caption: String?

    /// A table from its parts.
    public init(columns: [String], rows: [[String]], caption: String? = nil) {
        self.columns = columns
        self.rows = rows
        self.caption = caption
    }
}

/// Everything a report shows besides the literate text: values, verdicts, tables, figures,
/// commands and provenance. Built by the pipeline; writers only read it.
public struct ReportData: Sendable {
    /// The measured metrics, by metric key.
    public var metrics: MetricTable
    /// The verdict of every claim, in claim order.
    public var results: [ClaimResult]
    /// Tables the pipeline supplies, by directive name (`claims`, `claim-details` and
    /// `provenance` are built in and cannot be overridden).
    public var tables: [String: ReportTable]
    /// Rendered figures by name.
    public var figures: [String: FigurePaths]
    /// The command that reproduces each claim, by claim id.
    public var commands: [String: String]
    /// The command shown for claims without their own entry in `commands`.
    public var defaultCommand: String?
    /// Provenance lines (commit, toolchain, profile, ...) without timestamps.
    public var provenance: [String]
    /// The single timestamp line of the report, e.g. `Generated 2026-12-03T19:00:00Z`.
    public var timestamp: String

    /// Report data from its parts.
    public init(metrics: MetricTable = MetricTable(), results: [ClaimResult] = [],
                tables: [String: ReportTable] = [:], figures: [String: FigurePaths] = [:],
                commands: [String: String] = [:], defaultCommand: String? = nil,
                provenance: [String] = [], timestamp: String = "") {
        self.metrics = metrics
        self.results = results
        self.tables = tables
        self.figures = figures
        self.commands = commands
        self.defaultCommand = defaultCommand
        self.provenance = provenance
        self.timestamp = timestamp
    }

    /// The reproduction command of a claim: its own, else the default, else nil.
    public func command(for claimID: String) -> String? { commands[claimID] ?? defaultCommand }
}
