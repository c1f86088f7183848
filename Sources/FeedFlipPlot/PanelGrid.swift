// Small multiples: a grid of panels with shared axes, a shared colour scale and one legend.

/// Panels in rows of `columns`, aligned so that shared axes line up.
public struct PanelGrid: Sendable {
    /// Title above the grid.
    public var title: String
    /// The panels, row by row.
    public var panels: [Chart]
    /// Panels per row (>= 1).
    public var columns: Int
    /// Line charts share one x range; only the bottom panel of each column labels x.
    public var sharedX: Bool
    /// Line and bar charts share one y range; only the first column labels y (heatmaps: row labels).
    public var sharedY: Bool
    /// Heatmaps share one colour range, shown by one colour bar per row (in the last column).
    public var sharedColorScale: Bool
    /// One legend for all panels, below the grid (entries merged by label).
    public var sharedLegend: Bool

    /// A grid of `panels`, `columns` per row; sharing is on by default.
    public init(title: String = "", panels: [Chart], columns: Int, sharedX: Bool = true, sharedY: Bool = true,
                sharedColorScale: Bool = true, sharedLegend: Bool = true) {
        self.title = title; self.panels = panels; self.columns = columns; self.sharedX = sharedX
        self.sharedY = sharedY; self.sharedColorScale = sharedColorScale; self.sharedLegend = sharedLegend
    }

    /// Number of rows.
    public var rows: Int { columns > 0 ? (panels.count + columns - 1) / columns : 0 }

    func validate() throws {
        if columns < 1 { throw PlotError.invalidGrid(columns: columns, panels: panels.count) }
        for p in panels { try p.validate() }
    }

    /// Legend entries of all panels, first occurrence of each label kept.
    func mergedLegendEntries() -> [LegendEntry] {
        var seen = Set<String>()
        var result: [LegendEntry] = []
        for p in panels {
            let entries: [LegendEntry]
            switch p {
            case let .line(l): entries = l.legendEntries(markEmpty: false)
            case let .bar(b): entries = b.legendEntries()
            case .heatmap: entries = []
            }
            for e in entries where seen.insert(e.label).inserted { result.append(e) }
        }
        return result
    }
}
