// Legends: entries, their size, drawing in one column or in rows, and where to put them.

/// A corner of the plot area.
public enum Corner: Sendable, Hashable, CaseIterable {
    /// Upper right.
    case topRight
    /// Upper left.
    case topLeft
    /// Lower right.
    case bottomRight
    /// Lower left.
    case bottomLeft
}

/// Where a chart's legend goes.
public enum LegendPlacement: Sendable, Hashable {
    /// Inside, in the first corner (top right, top left, bottom right, bottom left) where it
    /// covers no data; outside at the right (or below, if narrow) when every corner would.
    case automatic
    /// Inside at the given corner, even over data.
    case inside(Corner)
    /// Outside, right of the plot area.
    case right
    /// Outside, below the plot area, in rows.
    case below
    /// No legend.
    case hidden
}

/// One legend entry: a swatch and its label.
struct LegendEntry: Equatable {
    enum Swatch: Equatable {
        case line(SeriesStyle, band: Bool)
        case box(Color)
        case dot(Color)
        /// A dashed reference line over a light band (see `BarChart.references`).
        case reference(Color)
    }
    var label: String
    var swatch: Swatch
}

/// A list of entries laid out in `columns` columns (row-major).
struct Legend {
    var entries: [LegendEntry]
    var columns = 1

    static let padding = 4.0
    static let swatchWidth = 20.0
    static let swatchGap = 4.0
    static let columnGap = 10.0
    static var rowHeight: Double { Theme.legendSize * 1.4 }

    private func labelWidths(_ canvas: Canvas) -> [Double] {
        canvas.setFont(size: Theme.legendSize)
        return entries.map { canvas.textWidth($0.label) }
    }

    private var rows: Int { (entries.count + max(columns, 1) - 1) / max(columns, 1) }

    private func columnWidths(_ canvas: Canvas) -> [Double] {
        let widths = labelWidths(canvas)
        var result = [Double](repeating: 0, count: max(columns, 1))
        for (i, w) in widths.enumerated() {
            let c = i % result.count
            result[c] = max(result[c], Legend.swatchWidth + Legend.swatchGap + w)
        }
        return result
    }

    /// Width and height in points, including the padding.
    func size(_ canvas: Canvas) -> (width: Double, height: Double) {
        guard !entries.isEmpty else { return (0, 0) }
        let cols = columnWidths(canvas)
        let w = cols.reduce(0, +) + Legend.columnGap * Double(cols.count - 1) + 2 * Legend.padding
        return (w, Double(rows) * Legend.rowHeight + 2 * Legend.padding - 2)
    }

    /// The largest column count whose width fits in `maxWidth` (at least 1).
    static func fitting(_ entries: [LegendEntry], maxWidth: Double, canvas: Canvas) -> Legend {
        var best = Legend(entries: entries, columns: 1)
        guard entries.count > 1 else { return best }
        for c in 2...entries.count {
            let candidate = Legend(entries: entries, columns: c)
            if candidate.size(canvas).width <= maxWidth { best = candidate } else { break }
        }
        return best
    }

    /// Draws the legend with its top-left corner at (x, y); `framed` adds a white backing.
    func draw(_ canvas: Canvas, x: Double, y: Double, framed: Bool) {
        guard !entries.isEmpty else { return }
        let (w, h) = size(canvas)
        if framed {
            let box = Rect(x: x, y: y, width: w, height: h)
            canvas.fill(box, Color(grey: 1, alpha: 0.9))
            canvas.setColor(Color(grey: 0.8)); canvas.setLineWidth(0.5); canvas.setDash([])
            canvas.rect(box); canvas.stroke()
        }
        let cols = columnWidths(canvas)
        canvas.setFont(size: Theme.legendSize)
        for (i, entry) in entries.enumerated() {
            let c = i % cols.count, r = i / cols.count
            let cx = x + Legend.padding + cols[..<c].reduce(0, +) + Legend.columnGap * Double(c)
            let cy = y + Legend.padding + (Double(r) + 0.5) * Legend.rowHeight - 1
            drawSwatch(entry.swatch, canvas: canvas, x: cx, y: cy)
            canvas.text(entry.label, cx + Legend.swatchWidth + Legend.swatchGap, cy, h: .left, v: .middle,
                        color: Theme.text)
        }
    }

    private func drawSwatch(_ swatch: LegendEntry.Swatch, canvas: Canvas, x: Double, y: Double) {
        switch swatch {
        case let .line(style, band):
            if band {
                canvas.fill(Rect(x: x, y: y - 3.5, width: Legend.swatchWidth, height: 7),
                            style.color.withAlpha(Theme.bandOpacity))
            }
            canvas.setColor(style.color); canvas.setLineWidth(Theme.seriesWidth)
            canvas.setDash(style.dash.pattern(lineWidth: Theme.seriesWidth))
            canvas.setLineCap(round: style.dash.usesRoundCaps)
            canvas.moveTo(x, y); canvas.lineTo(x + Legend.swatchWidth, y); canvas.stroke()
            canvas.setDash([]); canvas.setLineCap(round: false)
        case let .dot(color):
            canvas.setColor(color)
            canvas.circle(x + Legend.swatchWidth / 2, y, radius: 2.2)
            canvas.fill()
        case let .box(color):
            let r = Rect(x: x + 4, y: y - 4, width: Legend.swatchWidth - 8, height: 8)
            canvas.fill(r, color)
        case let .reference(color):
            canvas.fill(Rect(x: x, y: y - 3.5, width: Legend.swatchWidth, height: 7), color.withAlpha(0.15))
            canvas.setColor(color); canvas.setLineWidth(Theme.referenceWidth); canvas.setDash(Theme.referenceDash)
            canvas.moveTo(x, y - 3.5); canvas.lineTo(x + Legend.swatchWidth, y - 3.5)
            canvas.moveTo(x, y + 3.5); canvas.lineTo(x + Legend.swatchWidth, y + 3.5)
            canvas.stroke(); canvas.setDash([])
        }
    }
}

/// The rectangle of a legend of `size` inside `plot` at `corner`, `inset` points from the edges.
func legendRect(_ size: (width: Double, height: Double), corner: Corner, plot: Rect, inset: Double = 4) -> Rect {
    let x = (corner == .topLeft || corner == .bottomLeft) ? plot.x + inset : plot.maxX - inset - size.width
    let y = (corner == .topLeft || corner == .topRight) ? plot.y + inset : plot.maxY - inset - size.height
    return Rect(x: x, y: y, width: size.width, height: size.height)
}
