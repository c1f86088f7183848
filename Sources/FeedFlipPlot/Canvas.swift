// A thin drawing interface over a cairo context, identical for image (PNG) and PDF surfaces.

import CCairo
import Foundation

/// Drawing in points on a cairo context: paths, fills, strokes and DejaVu Sans text.
final class Canvas {
    let cr: OpaquePointer
    private(set) var fontSize: Double = 8
    private var bold = false

    /// Wraps `cr` and sets the font family, unhinted metrics (so PNG and PDF lay out alike).
    init(cr: OpaquePointer) {
        self.cr = cr
        if let options = cairo_font_options_create() {
            cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
            cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
            cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY)
            cairo_set_font_options(cr, options)
            cairo_font_options_destroy(options)
        }
        setFont(size: 8)
        cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND)
        cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT)
    }

    // MARK: state

    func save() { cairo_save(cr) }
    func restore() { cairo_restore(cr) }

    func setColor(_ c: Color) {
        cairo_set_source_rgba(cr, c.red, c.green, c.blue, c.alpha)
    }

    func setLineWidth(_ w: Double) { cairo_set_line_width(cr, w) }

    func setDash(_ pattern: [Double]) {
        pattern.withUnsafeBufferPointer { cairo_set_dash(cr, $0.baseAddress, Int32($0.count), 0) }
    }

    func setLineCap(round: Bool) {
        cairo_set_line_cap(cr, round ? CAIRO_LINE_CAP_ROUND : CAIRO_LINE_CAP_BUTT)
    }

    func clip(to r: Rect) {
        cairo_rectangle(cr, r.x, r.y, r.width, r.height)
        cairo_clip(cr)
    }

    // MARK: paths

    func moveTo(_ x: Double, _ y: Double) { cairo_move_to(cr, x, y) }
    func lineTo(_ x: Double, _ y: Double) { cairo_line_to(cr, x, y) }
    func closePath() { cairo_close_path(cr) }
    func newPath() { cairo_new_path(cr) }
    func rect(_ r: Rect) { cairo_rectangle(cr, r.x, r.y, r.width, r.height) }
    func circle(_ x: Double, _ y: Double, radius: Double) {
        cairo_new_sub_path(cr)
        cairo_arc(cr, x, y, radius, 0, 2 * Double.pi)
    }
    func fill() { cairo_fill(cr) }
    func stroke() { cairo_stroke(cr) }

    /// Fills `r` with a solid colour.
    func fill(_ r: Rect, _ c: Color) {
        setColor(c); rect(r); fill()
    }

    /// Strokes a straight line.
    func line(_ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double, color: Color, width: Double) {
        setColor(color); setLineWidth(width); setDash([])
        moveTo(x0, y0); lineTo(x1, y1); stroke()
    }

    /// Fills `r` light grey with diagonal hatching: the mark of a missing value.
    func hatch(_ r: Rect, spacing: Double = 3.5) {
        save()
        fill(r, Color(grey: 0.9))
        clip(to: r)
        setColor(Color(grey: 0.55)); setLineWidth(0.5); setDash([])
        var d = -r.height
        while d < r.width {
            moveTo(r.x + d, r.maxY); lineTo(r.x + d + r.height, r.y)
            d += spacing
        }
        stroke()
        restore()
    }

    // MARK: text

    func setFont(size: Double, bold: Bool = false) {
        fontSize = size
        self.bold = bold
        cairo_select_font_face(cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL,
                               bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL)
        cairo_set_font_size(cr, size)
    }

    /// Advance width of `s` in points at the current font.
    func textWidth(_ s: String) -> Double {
        var extents = cairo_text_extents_t()
        cairo_text_extents(cr, s, &extents)
        return extents.x_advance
    }

    /// Height of capital letters (DejaVu Sans: 0.729 em).
    var capHeight: Double { 0.729 * fontSize }
    /// Depth of descenders below the baseline (DejaVu Sans: 0.236 em).
    var descent: Double { 0.236 * fontSize }
    /// A comfortable line height.
    var lineHeight: Double { 1.2 * fontSize }

    /// Draws `s` anchored at (x, y), turned `degrees` counter-clockwise about the anchor;
    /// `rotated` is a 90° turn (reads upwards).
    func text(_ s: String, _ x: Double, _ y: Double, h: HAlign = .left, v: VAlign = .baseline,
              color: Color = .black, rotated: Bool = false, degrees: Double = 0) {
        guard !s.isEmpty else { return }
        let w = textWidth(s)
        let dx: Double = h == .left ? 0 : h == .center ? -w / 2 : -w
        let dy: Double
        switch v {
        case .top: dy = capHeight
        case .middle: dy = capHeight / 2
        case .baseline: dy = 0
        case .bottom: dy = -descent
        }
        setColor(color)
        save()
        cairo_translate(cr, x, y)
        let turn = rotated ? 90 : degrees
        if turn != 0 { cairo_rotate(cr, -turn * Double.pi / 180) }
        cairo_move_to(cr, dx, dy)
        cairo_show_text(cr, s)
        cairo_new_path(cr)
        restore()
    }

    /// `s` broken at spaces into at most `maxLines` lines of at most `width` points; the last
    /// line is shortened with "…" if the text does not fit.
    func wrapped(_ s: String, width: Double, maxLines: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in s.split(separator: " ", omittingEmptySubsequences: false).map(String.init) {
            let candidate = current.isEmpty ? word : current + " " + word
            if textWidth(candidate) <= width || current.isEmpty {
                current = candidate
            } else {
                lines.append(current)
                current = word
            }
        }
        lines.append(current)
        if lines.count > maxLines {
            let rest = lines[(maxLines - 1)...].joined(separator: " ")
            lines = Array(lines.prefix(maxLines - 1)) + [rest]
        }
        return lines.map { fitted($0, width: width) }
    }

    /// `s` shortened with "…" so that it fits in `width` points at the current font.
    func fitted(_ s: String, width: Double) -> String {
        if textWidth(s) <= width { return s }
        var chars = Array(s)
        while !chars.isEmpty {
            chars.removeLast()
            let candidate = String(chars) + "…"
            if textWidth(candidate) <= width { return candidate }
        }
        return ""
    }
}

extension Canvas {
    /// Fills `r` with a vertical gradient through `colors`, first at the bottom, last at the top.
    func fillVerticalGradient(_ r: Rect, colors: [Color]) {
        guard colors.count >= 2, let pattern = cairo_pattern_create_linear(0, r.maxY, 0, r.y) else {
            if let c = colors.first { fill(r, c) }
            return
        }
        defer { cairo_pattern_destroy(pattern) }
        for (i, c) in colors.enumerated() {
            cairo_pattern_add_color_stop_rgb(pattern, Double(i) / Double(colors.count - 1), c.red, c.green, c.blue)
        }
        cairo_set_source(cr, pattern)
        rect(r)
        fill()
    }
}
