// Laying out and drawing a panel grid: shared ticks, aligned plot areas, one legend.

import Foundation

extension Chart {
    /// Space this chart needs around its plot area under `options`.
    func margins(canvas: Canvas, options: PanelOptions, width: Double) -> Margins {
        switch self {
        case let .heatmap(h): return h.layout(canvas: canvas, options: options, width: width).margins
        case let .line(l): return Axes.margins(l.axesSpec(options), canvas: canvas, width: width).margins
        case let .bar(b): return Axes.margins(b.axesSpec(options), canvas: canvas, width: width).margins
        }
    }
}

extension PanelGrid {
    /// Shared x ticks of the line panels, y ticks of line and bar panels, colour range of heatmaps.
    func sharedScales() -> (x: TickSet?, y: TickSet?, color: ClosedRange<Double>?) {
        let lines = panels.compactMap { if case let .line(l) = $0 { return l } else { return nil } }
        let bars = panels.compactMap { if case let .bar(b) = $0 { return b } else { return nil } }
        let heats = panels.compactMap { if case let .heatmap(h) = $0 { return h } else { return nil } }
        var x: TickSet?, y: TickSet?, color: ClosedRange<Double>?
        if sharedX, let first = lines.first {
            let extents = lines.filter { $0.xScale == first.xScale }.compactMap { $0.xRange ?? $0.dataExtent()?.x }
            if let lo = extents.map(\.lowerBound).min(), let hi = extents.map(\.upperBound).max() {
                x = first.xScale == .log ? logTicks(lo...hi, pad: true) : linearTicks(lo...hi, fixed: false)
            }
        }
        let yType = lines.first?.yScale ?? bars.first?.yScale ?? .linear
        if sharedY {
            let extents = lines.filter { $0.yScale == yType }.compactMap { $0.yRange ?? $0.dataExtent()?.y }
                + bars.filter { $0.yScale == yType }.compactMap { $0.yRange ?? $0.dataExtent() }
            if let lo = extents.map(\.lowerBound).min(), let hi = extents.map(\.upperBound).max() {
                y = yType == .log ? logTicks(lo...hi, pad: true) : linearTicks(padded(lo...hi), fixed: false)
            }
        }
        if sharedColorScale {
            let ranges = heats.compactMap { $0.range ?? $0.dataRange }
            if let lo = ranges.map(\.lowerBound).min(), let hi = ranges.map(\.upperBound).max() { color = lo...hi }
        }
        return (x, y, color)
    }

    /// Options of panel `i`: which labels it shows and which scales it shares.
    func options(_ i: Int, shared: (x: TickSet?, y: TickSet?, color: ClosedRange<Double>?)) -> PanelOptions {
        let c = i % columns
        let lastInRow = c == columns - 1 || i == panels.count - 1
        let bottomOfColumn = i + columns >= panels.count
        var o = PanelOptions()
        o.showLegend = !sharedLegend
        let sameY: Bool, sameX: Bool
        switch panels[i] {
        case let .line(l):
            o.xTicks = shared.x.flatMap { _ in l.xScale == (firstLine?.xScale ?? l.xScale) ? shared.x : nil }
            o.yTicks = shared.y.flatMap { _ in l.yScale == sharedYType ? shared.y : nil }
            sameX = o.xTicks != nil; sameY = o.yTicks != nil
        case let .bar(b):
            o.yTicks = shared.y.flatMap { _ in b.yScale == sharedYType ? shared.y : nil }
            sameX = false; sameY = o.yTicks != nil
        case .heatmap:
            o.colorRange = shared.color
            o.showColorBar = shared.color == nil || lastInRow
            if shared.color != nil && lastInRow {
                // The row's one colour bar explains hatched cells of every panel in the row.
                let row = (i / columns * columns)...i
                o.missingNote = row.lazy.compactMap { j -> String? in
                    if case let .heatmap(h) = self.panels[j], h.hasMissing { return h.missingLabel }
                    return nil
                }.first
            }
            sameX = sharedX; sameY = sharedY
        }
        if sameY && c > 0 { o.showYTickLabels = false; o.showYLabel = false }
        if sameX && !bottomOfColumn { o.showXTickLabels = false; o.showXLabel = false }
        return o
    }

    private var firstLine: LineChart? {
        panels.lazy.compactMap { if case let .line(l) = $0 { return l } else { return nil } }.first
    }

    private var sharedYType: ScaleType {
        for p in panels {
            if case let .line(l) = p { return l.yScale }
            if case let .bar(b) = p { return b.yScale }
        }
        return .linear
    }

    func draw(in outer: Rect, canvas: Canvas) {
        var area = outer
        if !title.isEmpty {
            canvas.setFont(size: Theme.titleSize + 1, bold: true)
            let lines = canvas.wrapped(title, width: outer.width - 8, maxLines: 2)
            for (k, line) in lines.enumerated() {
                canvas.text(line, outer.midX, outer.y + 2 + Double(k) * canvas.lineHeight, h: .center, v: .top,
                            color: Theme.text)
            }
            area = area.inset(top: Double(lines.count) * canvas.lineHeight + 6)
        }
        var legend: Legend?
        if sharedLegend {
            let entries = mergedLegendEntries()
            if !entries.isEmpty {
                let l = Legend.fitting(entries, maxWidth: area.width - 8, canvas: canvas)
                legend = l
                area = area.inset(bottom: l.size(canvas).height + 6)
            }
        }
        guard !panels.isEmpty, columns >= 1 else {
            drawNote("no data", in: area, canvas: canvas)
            return
        }
        // Axis labels common to all panels are written once for the whole grid.
        let commonX = sharedX && Set(panels.map(\.xLabel)).count == 1 ? panels[0].xLabel : ""
        let commonY = sharedY && Set(panels.map(\.yLabel)).count == 1 ? panels[0].yLabel : ""
        let labelBand = Theme.labelSize * 1.25 + 3
        if !commonX.isEmpty {
            canvas.setFont(size: Theme.labelSize)
            canvas.text(canvas.fitted(commonX, width: area.width), area.midX, area.maxY, h: .center, v: .bottom,
                        color: Theme.text)
            area = area.inset(bottom: labelBand)
        }
        if !commonY.isEmpty {
            canvas.setFont(size: Theme.labelSize)
            canvas.text(canvas.fitted(commonY, width: area.height), area.x, area.midY, h: .center, v: .top,
                        color: Theme.text, rotated: true)
            area = area.inset(left: labelBand)
        }
        let shared = sharedScales()
        let opts = panels.indices.map { i -> PanelOptions in
            var o = options(i, shared: shared)
            o.titleWidth = area.width / Double(columns)
            if !commonX.isEmpty { o.showXLabel = false }
            if !commonY.isEmpty { o.showYLabel = false }
            return o
        }
        let cellWidth = area.width / Double(columns)
        let margins = panels.indices.map { panels[$0].margins(canvas: canvas, options: opts[$0], width: cellWidth) }
        var left = [Double](repeating: 0, count: columns), right = left
        var top = [Double](repeating: 0, count: rows), bottom = top
        for (i, m) in margins.enumerated() {
            let r = i / columns, c = i % columns
            left[c] = max(left[c], m.left); right[c] = max(right[c], m.right)
            top[r] = max(top[r], m.top); bottom[r] = max(bottom[r], m.bottom)
        }
        let gapX = 10.0, gapY = 8.0
        let plotWidth = max((area.width - left.reduce(0, +) - right.reduce(0, +) - gapX * Double(columns - 1))
                            / Double(columns), 10)
        let plotHeight = max((area.height - top.reduce(0, +) - bottom.reduce(0, +) - gapY * Double(rows - 1))
                             / Double(rows), 10)
        for i in panels.indices {
            let r = i / columns, c = i % columns
            let x = area.x + (0..<c).reduce(0.0) { $0 + left[$1] + plotWidth + right[$1] + gapX } + left[c]
            let y = area.y + (0..<r).reduce(0.0) { $0 + top[$1] + plotHeight + bottom[$1] + gapY } + top[r]
            var o = opts[i]
            o.plot = Rect(x: x, y: y, width: plotWidth, height: plotHeight)
            let cell = Rect(x: x - left[c], y: y - top[r], width: left[c] + plotWidth + right[c],
                            height: top[r] + plotHeight + bottom[r])
            panels[i].draw(in: cell, canvas: canvas, options: o)
        }
        if let legend {
            let size = legend.size(canvas)
            legend.draw(canvas, x: outer.midX - size.width / 2, y: outer.maxY - size.height - 1, framed: false)
        }
    }
}
