// Drawing a grouped bar chart: bars, error bars, "n/a" marks, and legend hit tests.

extension BarChart {
    /// Bar rectangles and error-bar extents for the chart laid out as `axes`.
    struct BarGeometry {
        var series: Int
        var group: Int
        var rect: Rect?
        var center: Double
        var width: Double
        var error: (low: Double, high: Double)?
    }

    func geometry(_ axes: Axes) -> [BarGeometry] {
        guard !groups.isEmpty, !series.isEmpty else { return [] }
        let slot = axes.plot.width / Double(groups.count)
        let barWidth = slot * 0.8 / Double(series.count)
        let base: Double = yScale == .log ? axes.plot.maxY : (axes.py(0) ?? axes.plot.maxY)
        var result: [BarGeometry] = []
        for g in groups.indices {
            let groupLeft = axes.plot.x + (Double(g) + 0.1) * slot
            for (i, s) in series.enumerated() {
                let center = groupLeft + (Double(i) + 0.5) * barWidth
                var bar = BarGeometry(series: i, group: g, rect: nil, center: center, width: barWidth)
                if let top = axes.py(s.values[g]) {
                    bar.rect = Rect(x: center - barWidth * 0.45, y: min(top, base), width: barWidth * 0.9,
                                    height: abs(base - top))
                    if let e = s.errors?[g], e.isFinite, e > 0 {
                        let lowValue = s.values[g] - e
                        let low = axes.py(lowValue) ?? axes.plot.maxY
                        if let high = axes.py(s.values[g] + e) { bar.error = (low, high) }
                    }
                }
                result.append(bar)
            }
        }
        return result
    }

    /// The reference marks of every group with one: the span across the group's slot and the
    /// y positions (in points) of the low and high ends (equal for a point).
    func referenceGeometry(_ axes: Axes) -> [(x0: Double, x1: Double, low: Double, high: Double)] {
        guard !groups.isEmpty else { return [] }
        let slot = axes.plot.width / Double(groups.count)
        return groups.indices.compactMap { g in
            guard let r = reference(g), let low = axes.py(r.lowerBound), let high = axes.py(r.upperBound) else {
                return nil
            }
            let x0 = axes.plot.x + (Double(g) + 0.04) * slot
            return (x0, x0 + slot * 0.92, low, high)
        }
    }

    /// Draws the reference marks: a light band for a range, dashed lines at its ends.
    func drawReferences(_ axes: Axes, canvas: Canvas) {
        let marks = referenceGeometry(axes)
        guard !marks.isEmpty else { return }
        for m in marks where abs(m.low - m.high) > 0.5 {
            canvas.fill(Rect(x: m.x0, y: min(m.low, m.high), width: m.x1 - m.x0, height: abs(m.low - m.high)),
                        Theme.reference.withAlpha(0.15))
        }
        canvas.setColor(Theme.reference); canvas.setLineWidth(Theme.referenceWidth)
        canvas.setDash(Theme.referenceDash)
        for m in marks {
            canvas.moveTo(m.x0, m.low); canvas.lineTo(m.x1, m.low)
            if abs(m.low - m.high) > 0.5 { canvas.moveTo(m.x0, m.high); canvas.lineTo(m.x1, m.high) }
        }
        canvas.stroke()
        canvas.setDash([])
    }

    /// The axes description under `options` (shared y ticks, hidden labels).
    func axesSpec(_ options: PanelOptions) -> AxesSpec {
        let own = ticks()
        return AxesSpec(
            title: title,
            x: AxisSpec(ticks: own.x, type: .linear, label: xLabel, showTickLabels: options.showXTickLabels,
                        showLabel: options.showXLabel, categorical: true),
            y: AxisSpec(ticks: options.yTicks ?? own.y, type: yScale, label: yLabel,
                        showTickLabels: options.showYTickLabels, showLabel: options.showYLabel),
            titleWidth: options.titleWidth)
    }

    func draw(in outer: Rect, canvas: Canvas, options: PanelOptions) {
        let spec = axesSpec(options)
        let entries = options.showLegend ? legendEntries() : []
        let (axes, placed) = layoutWithLegend(spec, entries: entries, placement: legend, in: outer,
                                              canvas: canvas, plot: options.plot) { axes, rect in
            self.geometry(axes).contains { bar in
                (bar.rect.map { $0.intersects(rect) } ?? false)
                    || (bar.error.map { segmentMeets(rect, bar.center, $0.low, bar.center, $0.high) } ?? false)
            } || self.referenceGeometry(axes).contains { m in
                Rect(x: m.x0, y: min(m.low, m.high) - 1, width: m.x1 - m.x0, height: abs(m.low - m.high) + 2)
                    .intersects(rect)
            }
        }
        axes.drawGrid(canvas)
        let bars = geometry(axes)
        canvas.save()
        canvas.clip(to: axes.plot)
        for bar in bars {
            if let r = bar.rect { canvas.fill(r, color(bar.series)) }
        }
        canvas.setColor(Color(grey: 0.15)); canvas.setLineWidth(0.8); canvas.setDash([])
        for bar in bars {
            guard let e = bar.error else { continue }
            let cap = min(bar.width * 0.2, 4)
            canvas.moveTo(bar.center, e.low); canvas.lineTo(bar.center, e.high)
            canvas.moveTo(bar.center - cap, e.low); canvas.lineTo(bar.center + cap, e.low)
            canvas.moveTo(bar.center - cap, e.high); canvas.lineTo(bar.center + cap, e.high)
        }
        canvas.stroke()
        drawReferences(axes, canvas: canvas)
        canvas.restore()
        canvas.setFont(size: min(6.5, max(bars.first?.width ?? 0, 1) * 0.8))
        for bar in bars where bar.rect == nil {
            canvas.text("n/a", bar.center, axes.plot.maxY - 3, h: .left, v: .middle, color: Theme.noteText,
                        rotated: true)
        }
        if yScale == .linear, let zero = axes.py(0), zero > axes.plot.y, zero < axes.plot.maxY {
            canvas.line(axes.plot.x, zero, axes.plot.maxX, zero, color: Theme.axis, width: Theme.axisWidth)
        }
        if dataExtent() == nil { drawNote("no data", in: axes.plot, canvas: canvas) }
        axes.drawFrame(canvas, outer: outer)
        placed?.draw(canvas)
    }
}
