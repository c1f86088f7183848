// Drawing a line chart: bands, lines with gaps at bad values, single points as dots,
// and the test of whether a legend would hide data.

extension LineChart {
    /// The axes description under `options` (shared ticks, hidden labels).
    func axesSpec(_ options: PanelOptions) -> AxesSpec {
        let own = ticks()
        return AxesSpec(
            title: title,
            x: AxisSpec(ticks: options.xTicks ?? own.x, type: xScale, label: xLabel,
                        showTickLabels: options.showXTickLabels, showLabel: options.showXLabel),
            y: AxisSpec(ticks: options.yTicks ?? own.y, type: yScale, label: yLabel,
                        showTickLabels: options.showYTickLabels, showLabel: options.showYLabel),
            titleWidth: options.titleWidth)
    }

    func draw(in outer: Rect, canvas: Canvas, options: PanelOptions) {
        let spec = axesSpec(options)
        let entries = options.showLegend ? legendEntries() : []
        let (axes, legend) = layoutWithLegend(spec, entries: entries, placement: legend, in: outer,
                                              canvas: canvas, plot: options.plot) { axes, rect in
            self.covers(rect, axes: axes)
        }
        axes.drawGrid(canvas)
        canvas.save()
        canvas.clip(to: axes.plot.inset(left: -3, top: -3, right: -3, bottom: -3))
        for i in series.indices { drawBand(i, axes: axes, canvas: canvas) }
        for i in series.indices { drawLine(i, axes: axes, canvas: canvas) }
        canvas.restore()
        if dataExtent() == nil { drawNote("no data", in: axes.plot, canvas: canvas) }
        axes.drawFrame(canvas, outer: outer)
        legend?.draw(canvas)
    }

    /// Runs of consecutive indices where `valid` holds.
    static func runs(_ count: Int, _ valid: (Int) -> Bool) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var start: Int?
        for i in 0..<count {
            if valid(i) {
                if start == nil { start = i }
            } else if let s = start {
                result.append(s..<i); start = nil
            }
        }
        if let s = start { result.append(s..<count) }
        return result
    }

    /// Device points of series `i` (nil where the point cannot be drawn).
    func points(_ i: Int, axes: Axes) -> [(Double, Double)?] {
        let s = series[i]
        return s.x.indices.map { j in
            guard let px = axes.px(s.x[j]), let py = axes.py(s.y[j]) else { return nil }
            return (px, py)
        }
    }

    /// Device band edges of series `i`: (x, lower y, upper y) or nil.
    func bandPoints(_ i: Int, axes: Axes) -> [(Double, Double, Double)?] {
        let s = series[i]
        guard let b = s.band else { return [] }
        return s.x.indices.map { j in
            guard let px = axes.px(s.x[j]), let lo = axes.py(b.lower[j]), let hi = axes.py(b.upper[j]) else {
                return nil
            }
            return (px, lo, hi)
        }
    }

    private func drawBand(_ i: Int, axes: Axes, canvas: Canvas) {
        let pts = bandPoints(i, axes: axes)
        guard !pts.isEmpty else { return }
        canvas.setColor(style(i).color.withAlpha(Theme.bandOpacity))
        for run in LineChart.runs(pts.count, { pts[$0] != nil }) where run.count >= 2 {
            let edge = run.compactMap { pts[$0] }
            canvas.moveTo(edge[0].0, edge[0].2)
            for p in edge.dropFirst() { canvas.lineTo(p.0, p.2) }
            for p in edge.reversed() { canvas.lineTo(p.0, p.1) }
            canvas.closePath()
        }
        canvas.fill()
    }

    private func drawLine(_ i: Int, axes: Axes, canvas: Canvas) {
        let pts = points(i, axes: axes)
        let st = style(i)
        canvas.setColor(st.color)
        canvas.setLineWidth(Theme.seriesWidth)
        canvas.setDash(st.dash.pattern(lineWidth: Theme.seriesWidth))
        canvas.setLineCap(round: st.dash.usesRoundCaps)
        var singles: [(Double, Double)] = []
        for run in LineChart.runs(pts.count, { pts[$0] != nil }) {
            let line = run.compactMap { pts[$0] }
            if line.count == 1 { singles.append(line[0]); continue }
            canvas.moveTo(line[0].0, line[0].1)
            for p in line.dropFirst() { canvas.lineTo(p.0, p.1) }
        }
        canvas.stroke()
        canvas.setDash([]); canvas.setLineCap(round: false)
        for p in singles { canvas.circle(p.0, p.1, radius: 2.2) }
        canvas.fill()
    }

    /// Whether `rect` meets any line, dot or band of the chart laid out as `axes`.
    func covers(_ rect: Rect, axes: Axes) -> Bool {
        for i in series.indices {
            let pts = points(i, axes: axes)
            for j in pts.indices {
                guard let p = pts[j] else { continue }
                if rect.contains(p.0, p.1) { return true }
                if j + 1 < pts.count, let q = pts[j + 1], segmentMeets(rect, p.0, p.1, q.0, q.1) { return true }
            }
            let band = bandPoints(i, axes: axes)
            for j in band.indices {
                guard let b = band[j] else { continue }
                if segmentMeets(rect, b.0, b.1, b.0, b.2) { return true }
                guard j + 1 < band.count, let c = band[j + 1], c.0 > b.0 else { continue }
                for x in [rect.minX, rect.midX, rect.maxX] where x >= b.0 && x <= c.0 {
                    let f = (x - b.0) / (c.0 - b.0)
                    let lo = b.1 + f * (c.1 - b.1), hi = b.2 + f * (c.2 - b.2)
                    if max(lo, hi) >= rect.minY && min(lo, hi) <= rect.maxY { return true }
                }
            }
        }
        return false
    }
}
