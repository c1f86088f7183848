// Laying out an axes box together with its legend: inside a free corner, or outside.

/// A legend with its top-left position.
struct PlacedLegend {
    var legend: Legend
    var x: Double
    var y: Double
    var framed: Bool

    func draw(_ canvas: Canvas) { legend.draw(canvas, x: x, y: y, framed: framed) }
}

extension LegendPlacement {
    /// The corner of an inside placement, nil otherwise.
    var corner: Corner? {
        if case let .inside(c) = self { return c }
        return nil
    }
}

/// Lays out `spec` in `outer` with a legend of `entries` placed by `placement`;
/// `covers(axes, rect)` tells whether a legend at `rect` would hide data of the chart.
func layoutWithLegend(_ spec: AxesSpec, entries: [LegendEntry], placement: LegendPlacement,
                      in outer: Rect, canvas: Canvas, plot: Rect? = nil,
                      covers: (Axes, Rect) -> Bool) -> (Axes, PlacedLegend?) {
    var plain = Axes(spec, in: outer, canvas: canvas)
    if let plot {
        var fixed = spec
        if fixed.titleWidth == nil { fixed.titleWidth = outer.width }
        plain = Axes(fixed, plot: plot, xTilt: Axes.margins(fixed, canvas: canvas, width: outer.width).tilt)
    }
    guard !entries.isEmpty else { return (plain, nil) }
    let column = Legend(entries: entries, columns: 1)
    let size = column.size(canvas)
    if plot != nil {
        // A panel with a fixed plot area keeps its legend inside, in the freest corner.
        let corner = Corner.allCases.first {
            !covers(plain, legendRect(size, corner: $0, plot: plain.plot))
        } ?? (placement.corner ?? .topRight)
        let r = legendRect(size, corner: corner, plot: plain.plot)
        return placement == .hidden ? (plain, nil) : (plain, PlacedLegend(legend: column, x: r.x, y: r.y, framed: true))
    }
    switch placement {
    case .hidden:
        return (plain, nil)
    case let .inside(corner):
        let r = legendRect(size, corner: corner, plot: plain.plot)
        return (plain, PlacedLegend(legend: column, x: r.x, y: r.y, framed: true))
    case .right:
        return outsideRight(spec, column, size, outer, canvas)
    case .below:
        return outsideBelow(spec, entries, outer, canvas)
    case .automatic:
        if size.width <= plain.plot.width * 0.5 && size.height <= plain.plot.height * 0.7 {
            for corner in Corner.allCases {
                let r = legendRect(size, corner: corner, plot: plain.plot)
                let guardBand = r.inset(left: -3, top: -3, right: -3, bottom: -3)
                if !covers(plain, guardBand) {
                    return (plain, PlacedLegend(legend: column, x: r.x, y: r.y, framed: true))
                }
            }
        }
        if outer.width - size.width - 10 >= outer.width * 0.55 && size.height <= plain.plot.height + 20 {
            return outsideRight(spec, column, size, outer, canvas)
        }
        return outsideBelow(spec, entries, outer, canvas)
    }
}

private func outsideRight(_ spec: AxesSpec, _ legend: Legend, _ size: (width: Double, height: Double),
                          _ outer: Rect, _ canvas: Canvas) -> (Axes, PlacedLegend?) {
    let axes = Axes(spec, in: outer, canvas: canvas, extraRight: size.width + 6)
    let x = outer.maxX - size.width - 2
    return (axes, PlacedLegend(legend: legend, x: x, y: axes.plot.y, framed: false))
}

private func outsideBelow(_ spec: AxesSpec, _ entries: [LegendEntry], _ outer: Rect,
                          _ canvas: Canvas) -> (Axes, PlacedLegend?) {
    let legend = Legend.fitting(entries, maxWidth: outer.width - 8, canvas: canvas)
    let size = legend.size(canvas)
    let axes = Axes(spec, in: outer.inset(bottom: size.height + 4), canvas: canvas)
    let x = max(outer.x, axes.plot.midX - size.width / 2)
    return (axes, PlacedLegend(legend: legend, x: x, y: outer.maxY - size.height - 2, framed: false))
}

/// Whether the segment (x0, y0)-(x1, y1) meets `r` (Liang-Barsky clipping).
func segmentMeets(_ r: Rect, _ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double) -> Bool {
    var t0 = 0.0, t1 = 1.0
    let dx = x1 - x0, dy = y1 - y0
    for (p, q) in [(-dx, x0 - r.minX), (dx, r.maxX - x0), (-dy, y0 - r.minY), (dy, r.maxY - y0)] {
        if p == 0 {
            if q < 0 { return false }
        } else {
            let t = q / p
            if p < 0 { t0 = max(t0, t) } else { t1 = min(t1, t) }
            if t0 > t1 { return false }
        }
    }
    return true
}
