// Drawing a heatmap: cells, hatched missing cells, annotations, labels and the colour bar.

extension Heatmap {
    /// Space around the cells: labels, title, colour bar; and how column labels are turned.
    struct Layout {
        var margins: Margins
        var tilt: LabelTilt
        var titleLines: [String]
        var rowLabelWidth: Double
        var colLabelWidth: Double
        var bar: ColorBar
    }

    func layout(canvas: Canvas, options: PanelOptions, width: Double) -> Layout {
        let bar = ColorBar(ticks: colorTicks(range: options.colorRange), scale: scale, colormap: colormap,
                           label: colorBarLabel,
                           missingLabel: options.missingNote ?? (hasMissing ? missingLabel : nil))
        let barWidth = options.showColorBar ? bar.width(canvas) : 0
        canvas.setFont(size: Theme.tickSize)
        let rowLabelWidth = rowLabels.map { canvas.textWidth($0) }.max() ?? 0
        let colLabelWidth = columnLabels.map { canvas.textWidth($0) }.max() ?? 0
        var left = 2.0
        if options.showYTickLabels && !rowLabels.isEmpty { left += rowLabelWidth + 4 }
        if options.showYLabel && !yLabel.isEmpty { left += Theme.labelSize * 1.25 + 3 }
        let lines = titleLines(title, width: options.titleWidth ?? width, canvas: canvas)
        canvas.setFont(size: Theme.tickSize)
        let top = titleHeight(lines.count)
        let plotWidth = options.plot?.width ?? max(width - left - barWidth - 4, 1)
        let cellWidth = plotWidth / Double(max(columnCount, 1))
        let tilt = LabelTilt.choose(widest: colLabelWidth, slot: cellWidth)
        var bottom = 2.0
        if options.showXTickLabels && !columnLabels.isEmpty {
            bottom += 4 + tilt.height(widest: colLabelWidth, canvas: canvas)
            if tilt != .none, let first = columnLabels.first {
                left = max(left, tilt.leftReach(width: canvas.textWidth(first), canvas: canvas) - cellWidth / 2 + 2)
            }
        }
        if options.showXLabel && !xLabel.isEmpty { bottom += Theme.labelSize * 1.25 + 3 }
        return Layout(margins: Margins(left: left, top: top, right: barWidth + 4, bottom: bottom), tilt: tilt, titleLines: lines,
                      rowLabelWidth: rowLabelWidth, colLabelWidth: colLabelWidth, bar: bar)
    }

    func draw(in outer: Rect, canvas: Canvas, options: PanelOptions) {
        let lay = layout(canvas: canvas, options: options, width: outer.width)
        let m = lay.margins
        let plot = options.plot ?? outer.inset(left: m.left, top: m.top, right: m.right, bottom: m.bottom)
        let (tilt, rowLabelWidth, colLabelWidth, bar) = (lay.tilt, lay.rowLabelWidth, lay.colLabelWidth, lay.bar)

        drawTitle(lay.titleLines, over: plot, within: outer, canvas: canvas)
        guard rowCount > 0, columnCount > 0 else {
            canvas.setColor(Theme.axis); canvas.setLineWidth(Theme.axisWidth); canvas.setDash([])
            canvas.rect(plot); canvas.stroke()
            drawNote("no data", in: plot, canvas: canvas)
            return
        }
        let cw = plot.width / Double(columnCount), ch = plot.height / Double(rowCount)
        func cell(_ r: Int, _ c: Int) -> Rect {
            Rect(x: plot.x + Double(c) * cw, y: plot.y + Double(r) * ch, width: cw, height: ch)
        }
        for r in 0..<rowCount {
            for c in 0..<columnCount {
                if let v = value(r, c), let color = color(for: v, ticks: bar.ticks) {
                    canvas.fill(cell(r, c), color)
                } else {
                    canvas.hatch(cell(r, c))
                }
            }
        }
        if cw >= 6 && ch >= 6 { drawSeparators(plot: plot, cw: cw, ch: ch, canvas: canvas) }
        if annotate { drawAnnotations(cell: cell, cw: cw, ch: ch, canvas: canvas, ticks: bar.ticks) }
        drawLabels(plot: plot, cw: cw, ch: ch, tilt: tilt, rowLabelWidth: rowLabelWidth,
                   colLabelWidth: colLabelWidth, canvas: canvas, options: options)
        if options.showColorBar {
            bar.draw(canvas, x: plot.maxX + 10, y: plot.y, height: plot.height)
        }
    }

    private func drawSeparators(plot: Rect, cw: Double, ch: Double, canvas: Canvas) {
        canvas.setColor(.white); canvas.setLineWidth(0.75); canvas.setDash([])
        for c in 1..<max(columnCount, 1) {
            canvas.moveTo(plot.x + Double(c) * cw, plot.y); canvas.lineTo(plot.x + Double(c) * cw, plot.maxY)
        }
        for r in 1..<max(rowCount, 1) {
            canvas.moveTo(plot.x, plot.y + Double(r) * ch); canvas.lineTo(plot.maxX, plot.y + Double(r) * ch)
        }
        canvas.stroke()
    }

    private func drawAnnotations(cell: (Int, Int) -> Rect, cw: Double, ch: Double, canvas: Canvas,
                                 ticks: TickSet) {
        var texts: [(Int, Int, String, Color)] = []
        for r in 0..<rowCount {
            for c in 0..<columnCount {
                guard let v = value(r, c), let color = color(for: v, ticks: ticks) else { continue }
                texts.append((r, c, NumberText.significant(v, digits: significantDigits), color.contrastingText))
            }
        }
        guard !texts.isEmpty else { return }
        // One font size for all cells: as large as fits the widest text, within 5...7.5 pt.
        var size = min(Theme.annotationSize, ch * 0.45)
        canvas.setFont(size: size)
        let widest = texts.map { canvas.textWidth($0.2) }.max() ?? 0
        if widest > cw - 6 { size *= (cw - 6) / widest }
        guard size >= 5 else { return }
        canvas.setFont(size: size)
        for (r, c, text, color) in texts {
            let box = cell(r, c)
            canvas.text(text, box.midX, box.midY, h: .center, v: .middle, color: color)
        }
    }

    private func drawLabels(plot: Rect, cw: Double, ch: Double, tilt: LabelTilt, rowLabelWidth: Double,
                            colLabelWidth: Double, canvas: Canvas, options: PanelOptions) {
        canvas.setFont(size: Theme.tickSize)
        if options.showYTickLabels {
            // Every n-th row label when rows are shorter than a line of text.
            let every = max(1, Int((canvas.lineHeight / ch).rounded(.up)))
            for (r, label) in rowLabels.enumerated() where r % every == 0 {
                canvas.text(label, plot.x - 4, plot.y + (Double(r) + 0.5) * ch, h: .right, v: .middle,
                            color: Theme.text)
            }
        }
        var labelsHeight = 0.0
        if options.showXTickLabels {
            // Every n-th column label when even upright labels would touch.
            let every = tilt == .vertical ? max(1, Int((canvas.lineHeight / cw).rounded(.up))) : 1
            for (c, label) in columnLabels.enumerated() where c % every == 0 {
                let x = plot.x + (Double(c) + 0.5) * cw
                tilt.draw(label, x: x, y: plot.maxY + 4, canvas: canvas, color: Theme.text)
            }
            if !columnLabels.isEmpty { labelsHeight = tilt.height(widest: colLabelWidth, canvas: canvas) }
        }
        canvas.setFont(size: Theme.labelSize)
        if options.showXLabel && !xLabel.isEmpty {
            canvas.text(canvas.fitted(xLabel, width: plot.width + 20), plot.midX, plot.maxY + 4 + labelsHeight + 3,
                        h: .center, v: .top, color: Theme.text)
        }
        if options.showYLabel && !yLabel.isEmpty {
            let x = plot.x - (options.showYTickLabels && !rowLabels.isEmpty ? rowLabelWidth + 4 : 0) - 4
            canvas.text(canvas.fitted(yLabel, width: plot.height + 20), x, plot.midY, h: .center, v: .bottom,
                        color: Theme.text, rotated: true)
        }
    }
}
