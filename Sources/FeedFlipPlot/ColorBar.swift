// The colour bar of a heatmap: gradient, ticks, label and the note for missing cells.

/// A vertical colour bar with ticks on its right and its label beyond.
struct ColorBar {
    var ticks: TickSet
    var scale: ScaleType
    var colormap: Colormap
    var label: String
    /// Text of the hatched-swatch note, nil when no cell is missing.
    var missingLabel: String?

    static let gap = 10.0
    static let barWidth = 10.0

    /// Total width in points, from the gap left of the bar to the end of its label or note.
    func width(_ canvas: Canvas) -> Double {
        canvas.setFont(size: Theme.tickSize)
        let tickLabels = ticks.labels.map { canvas.textWidth($0) }.max() ?? 0
        var w = ColorBar.gap + ColorBar.barWidth + Theme.tickLength + Theme.tickGap + tickLabels
        if !label.isEmpty { w += 5 + Theme.labelSize * 1.25 }
        if let note = missingLabel {
            canvas.setFont(size: Theme.noteSize)
            w = max(w, ColorBar.gap + 9 + 4 + canvas.textWidth(note) + 2)
        }
        return w
    }

    /// Draws the bar with its top-left corner at (x, y), `height` points tall in total.
    func draw(_ canvas: Canvas, x: Double, y: Double, height: Double) {
        let noteHeight = missingLabel == nil ? 0.0 : 18
        let bar = Rect(x: x, y: y, width: ColorBar.barWidth, height: max(height - noteHeight, 10))
        canvas.fillVerticalGradient(bar, colors: (0..<colormap.count).map {
            colormap.color(at: Double($0) / Double(colormap.count - 1))
        })
        canvas.setColor(Theme.axis); canvas.setLineWidth(0.5); canvas.setDash([])
        canvas.rect(bar); canvas.stroke()
        let norm = ValueNormalizer(lower: ticks.lower, upper: ticks.upper, type: scale)
        canvas.setFont(size: Theme.tickSize)
        var labelWidth = 0.0
        for (v, text) in zip(ticks.values, ticks.labels) {
            guard let p = norm.position(v) else { continue }
            let ty = bar.maxY - p * bar.height
            canvas.line(bar.maxX, ty, bar.maxX + Theme.tickLength, ty, color: Theme.axis, width: Theme.axisWidth)
            canvas.text(text, bar.maxX + Theme.tickLength + Theme.tickGap, ty, h: .left, v: .middle, color: Theme.text)
            labelWidth = max(labelWidth, canvas.textWidth(text))
        }
        for v in ticks.minor {
            guard let p = norm.position(v) else { continue }
            let ty = bar.maxY - p * bar.height
            canvas.line(bar.maxX, ty, bar.maxX + Theme.tickLength * 0.6, ty, color: Theme.axis, width: 0.5)
        }
        if !label.isEmpty {
            canvas.setFont(size: Theme.labelSize)
            let lx = bar.maxX + Theme.tickLength + Theme.tickGap + labelWidth + 5
            canvas.text(canvas.fitted(label, width: bar.height), lx, bar.midY, h: .center, v: .top,
                        color: Theme.text, rotated: true)
        }
        if let note = missingLabel {
            let swatch = Rect(x: x, y: bar.maxY + 8, width: 9, height: 9)
            canvas.hatch(swatch, spacing: 2.5)
            canvas.setColor(Theme.axis); canvas.setLineWidth(0.5); canvas.rect(swatch); canvas.stroke()
            canvas.setFont(size: Theme.noteSize)
            canvas.text(note, swatch.maxX + 4, swatch.midY, h: .left, v: .middle, color: Theme.text)
        }
    }
}
