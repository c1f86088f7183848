// Cartesian axes: margins for tick labels and titles, value-to-point mapping, and drawing
// of grid lines, spines, ticks, labels and the title.

/// One axis: its ticks (which fix its range), scale type, label and what to show.
struct AxisSpec {
    var ticks: TickSet
    var type: ScaleType = .linear
    var label: String = ""
    var showTickLabels = true
    var showLabel = true
    /// Categorical axes (bar groups) draw labels without tick marks or grid lines.
    var categorical = false
}

/// What an axes box shows besides its axes.
struct AxesSpec {
    var title: String
    var x: AxisSpec
    var y: AxisSpec
    /// Width the title wraps to (two lines at most); nil: the width of the laid-out area.
    var titleWidth: Double?
}

/// Margins (points) around a plot area.
struct Margins {
    var left: Double
    var top: Double
    var right: Double
    var bottom: Double
}

/// A laid-out axes box: the plot rectangle and the mappings into it.
struct Axes {
    let spec: AxesSpec
    let plot: Rect
    /// How the x tick labels are turned (categorical labels that would overlap).
    let xTilt: LabelTilt

    /// Lays out `spec` inside `outer`, reserving `extraRight` points at the right (outside legend).
    init(_ spec: AxesSpec, in outer: Rect, canvas: Canvas, extraRight: Double = 0) {
        var spec = spec
        if spec.titleWidth == nil { spec.titleWidth = outer.width }
        let m = Axes.margins(spec, canvas: canvas, width: outer.width - extraRight)
        self.init(spec, plot: outer.inset(left: m.margins.left, top: m.margins.top,
                                          right: m.margins.right + extraRight, bottom: m.margins.bottom),
                  xTilt: m.tilt)
    }

    /// An axes box with a given plot rectangle (panels of a grid share theirs).
    init(_ spec: AxesSpec, plot: Rect, xTilt: LabelTilt) {
        self.spec = spec
        self.plot = plot
        self.xTilt = xTilt
    }

    /// Margins needed by `spec` for an axes box about `width` points wide.
    static func margins(_ spec: AxesSpec, canvas: Canvas, width: Double) -> (margins: Margins, tilt: LabelTilt) {
        canvas.setFont(size: Theme.tickSize)
        let tickCap = canvas.capHeight, tickDescent = canvas.descent
        let yLabelWidths = spec.y.ticks.labels.map { canvas.textWidth($0) }
        let xLabelWidths = spec.x.ticks.labels.map { canvas.textWidth($0) }
        var left = Theme.tickLength + 2
        if spec.y.showTickLabels { left += (yLabelWidths.max() ?? 0) + Theme.tickGap }
        if spec.y.showLabel && !spec.y.label.isEmpty { left += Theme.labelSize * 1.25 + 3 }
        // Rotate categorical labels when they would not fit side by side.
        let slots = Double(max(spec.x.ticks.values.count, 1))
        let slotWidth = max(width - left - 8, 10) / slots
        let widest = xLabelWidths.max() ?? 0
        let tilt = spec.x.categorical ? LabelTilt.choose(widest: widest, slot: slotWidth) : .none
        var bottom = Theme.tickLength + 2
        if spec.x.showTickLabels {
            bottom += Theme.tickGap + (tilt == .none ? tickCap + tickDescent : tilt.height(widest: widest, canvas: canvas))
            if tilt != .none, let first = xLabelWidths.first {
                left = max(left, tilt.leftReach(width: first, canvas: canvas) - slotWidth / 2 + 2)
            }
        }
        if spec.x.showLabel && !spec.x.label.isEmpty { bottom += Theme.labelSize * 1.25 + 3 }
        let top = titleHeight(titleLines(spec.title, width: spec.titleWidth ?? width, canvas: canvas).count)
        let right = max(6, spec.x.showTickLabels && !spec.x.categorical ? (xLabelWidths.last ?? 0) / 2 + 2 : 6)
        return (Margins(left: left, top: top, right: right, bottom: bottom), tilt)
    }

    /// Horizontal position of `v`, or nil when it cannot be placed (NaN, <= 0 on log).
    func px(_ v: Double) -> Double? {
        ValueNormalizer(lower: spec.x.ticks.lower, upper: spec.x.ticks.upper, type: spec.x.type)
            .position(v).map { plot.x + $0 * plot.width }
    }

    /// Vertical position of `v` (upwards), or nil when it cannot be placed.
    func py(_ v: Double) -> Double? {
        ValueNormalizer(lower: spec.y.ticks.lower, upper: spec.y.ticks.upper, type: spec.y.type)
            .position(v).map { plot.maxY - $0 * plot.height }
    }

    /// Label every n-th x tick, with n the smallest of 1...4 for which labels keep 4 pt apart
    /// (categorical and rotated labels are all shown).
    func labelStride(_ canvas: Canvas) -> Int {
        guard !spec.x.categorical, xTilt == .none else { return 1 }
        let placed = zip(spec.x.ticks.values, spec.x.ticks.labels).compactMap { v, label in
            px(v).map { ($0, canvas.textWidth(label)) }
        }
        for n in 1...4 {
            let kept = placed.enumerated().filter { $0.offset % n == 0 }.map(\.element)
            if zip(kept, kept.dropFirst()).allSatisfy({ $1.0 - $0.0 >= ($0.1 + $1.1) / 2 + 4 }) { return n }
        }
        return 4
    }

    /// Horizontal grid lines at the major y ticks (drawn under the data).
    func drawGrid(_ canvas: Canvas) {
        for v in spec.y.ticks.values {
            guard let y = py(v), y > plot.y + 0.5, y < plot.maxY - 0.5 else { continue }
            canvas.line(plot.x, y, plot.maxX, y, color: Theme.grid, width: Theme.gridWidth)
        }
    }

    /// Spines, ticks, tick labels, axis labels and the title (drawn over the data).
    /// `outer` is the area the title must stay inside.
    func drawFrame(_ canvas: Canvas, outer: Rect) {
        let t = Theme.tickLength
        canvas.line(plot.x, plot.maxY, plot.maxX, plot.maxY, color: Theme.axis, width: Theme.axisWidth)
        canvas.line(plot.x, plot.y, plot.x, plot.maxY, color: Theme.axis, width: Theme.axisWidth)
        canvas.setFont(size: Theme.tickSize)
        var yLabelsWidth = 0.0
        for (v, label) in zip(spec.y.ticks.values, spec.y.ticks.labels) {
            guard let y = py(v) else { continue }
            canvas.line(plot.x - t, y, plot.x, y, color: Theme.axis, width: Theme.axisWidth)
            if spec.y.showTickLabels {
                canvas.text(label, plot.x - t - Theme.tickGap, y, h: .right, v: .middle, color: Theme.text)
                yLabelsWidth = max(yLabelsWidth, canvas.textWidth(label))
            }
        }
        for v in spec.y.ticks.minor {
            guard let y = py(v) else { continue }
            canvas.line(plot.x - t * 0.6, y, plot.x, y, color: Theme.axis, width: Theme.axisWidth * 0.8)
        }
        var xLabelsHeight = 0.0
        let every = labelStride(canvas)
        for (k, (v, label)) in zip(spec.x.ticks.values, spec.x.ticks.labels).enumerated() {
            guard let x = px(v) else { continue }
            let label = k % every == 0 ? label : ""
            if !spec.x.categorical {
                canvas.line(x, plot.maxY, x, plot.maxY + t, color: Theme.axis, width: Theme.axisWidth)
            }
            guard spec.x.showTickLabels else { continue }
            xTilt.draw(label, x: x, y: plot.maxY + t + Theme.tickGap, canvas: canvas, color: Theme.text)
            xLabelsHeight = max(xLabelsHeight, xTilt.height(widest: canvas.textWidth(label), canvas: canvas))
        }
        for v in spec.x.ticks.minor {
            guard let x = px(v) else { continue }
            canvas.line(x, plot.maxY, x, plot.maxY + t * 0.6, color: Theme.axis, width: Theme.axisWidth * 0.8)
        }
        canvas.setFont(size: Theme.labelSize)
        if spec.x.showLabel && !spec.x.label.isEmpty {
            let y = plot.maxY + t + Theme.tickGap + xLabelsHeight + 3
            canvas.text(canvas.fitted(spec.x.label, width: plot.width + 20), plot.midX, y, h: .center, v: .top,
                        color: Theme.text)
        }
        if spec.y.showLabel && !spec.y.label.isEmpty {
            let x = plot.x - t - Theme.tickGap - yLabelsWidth - 4
            canvas.text(canvas.fitted(spec.y.label, width: plot.height + 20), x, plot.midY, h: .center, v: .bottom,
                        color: Theme.text, rotated: true)
        }
        drawTitle(titleLines(spec.title, width: spec.titleWidth ?? outer.width, canvas: canvas), over: plot,
                  within: outer, canvas: canvas)
    }
}

/// A chart title broken into at most two lines of at most `width` - 8 points (bold).
func titleLines(_ title: String, width: Double, canvas: Canvas) -> [String] {
    guard !title.isEmpty else { return [] }
    canvas.setFont(size: Theme.titleSize, bold: true)
    let lines = canvas.wrapped(title, width: max(width - 8, 20), maxLines: 2)
    canvas.setFont(size: Theme.tickSize)
    return lines
}

/// Space above a plot area for a title of `lines` lines.
func titleHeight(_ lines: Int) -> Double {
    lines == 0 ? 6 : Double(lines) * Theme.titleSize * 1.2 + 8
}

/// Draws title lines in bold above `plot`, centred over it but kept inside `outer`.
func drawTitle(_ lines: [String], over plot: Rect, within outer: Rect, canvas: Canvas) {
    guard !lines.isEmpty else { return }
    canvas.setFont(size: Theme.titleSize, bold: true)
    let widest = lines.map { canvas.textWidth($0) }.max() ?? 0
    let half = widest / 2 + 2
    let x = outer.width > 2 * half ? min(max(plot.midX, outer.minX + half), outer.maxX - half) : outer.midX
    for (k, line) in lines.enumerated() {
        let y = plot.y - 7 - Double(lines.count - 1 - k) * Theme.titleSize * 1.2
        canvas.text(line, x, y, h: .center, v: .bottom, color: Theme.text)
    }
    canvas.setFont(size: Theme.tickSize)
}

/// A grey italic-free note centred in `rect` (e.g. "no data").
func drawNote(_ note: String, in rect: Rect, canvas: Canvas) {
    canvas.setFont(size: Theme.noteSize)
    canvas.text(canvas.fitted(note, width: rect.width - 4), rect.midX, rect.midY, h: .center, v: .middle,
                color: Theme.noteText)
}
