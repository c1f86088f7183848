// Rectangles in points (y grows downwards, as on the page).

/// A rectangle in points; `y` grows downwards.
struct Rect: Sendable, Equatable {
    var x: Double
    var y: Double
    var width: Double
    var height: Double

    var minX: Double { x }
    var maxX: Double { x + width }
    var minY: Double { y }
    var maxY: Double { y + height }
    var midX: Double { x + width / 2 }
    var midY: Double { y + height / 2 }

    /// This rectangle shrunk by the given margins (never to negative size).
    func inset(left: Double = 0, top: Double = 0, right: Double = 0, bottom: Double = 0) -> Rect {
        Rect(x: x + left, y: y + top, width: max(width - left - right, 1), height: max(height - top - bottom, 1))
    }

    /// Whether the rectangles overlap.
    func intersects(_ o: Rect) -> Bool {
        x < o.maxX && o.x < maxX && y < o.maxY && o.y < maxY
    }

    /// Whether the point lies inside (edges included).
    func contains(_ px: Double, _ py: Double) -> Bool {
        px >= x && px <= maxX && py >= y && py <= maxY
    }
}

/// Horizontal text anchor.
enum HAlign { case left, center, right }
/// Vertical text anchor: top/middle/bottom use the cap height, baseline the baseline.
enum VAlign { case top, middle, baseline, bottom }

/// How labels along x (categories, heatmap columns) are turned so that they do not overlap.
enum LabelTilt: Equatable {
    /// Horizontal, centred under the tick.
    case none
    /// Turned 45°, ending at the tick (reads up to the right).
    case diagonal
    /// Turned 90°, ending at the tick (reads upwards).
    case vertical

    /// The tilt for labels at most `widest` points wide, one per `slot` points.
    static func choose(widest: Double, slot: Double) -> LabelTilt {
        if widest <= slot - 4 { return .none }
        return slot >= 12 ? .diagonal : .vertical
    }

    /// Height the labels take below their anchor, at the canvas's current font.
    func height(widest: Double, canvas: Canvas) -> Double {
        switch self {
        case .none: return canvas.capHeight + canvas.descent
        case .diagonal: return 0.71 * (widest + canvas.capHeight)
        case .vertical: return widest
        }
    }

    /// How far a label `width` points wide reaches left of its anchor.
    func leftReach(width: Double, canvas: Canvas) -> Double {
        switch self {
        case .none: return width / 2
        case .diagonal: return 0.71 * width
        case .vertical: return canvas.capHeight / 2
        }
    }

    /// Draws `label` hanging below (x, y).
    func draw(_ label: String, x: Double, y: Double, canvas: Canvas, color: Color) {
        switch self {
        case .none: canvas.text(label, x, y, h: .center, v: .top, color: color)
        case .diagonal:
            canvas.text(label, x - 0.35 * canvas.capHeight, y, h: .right, v: .top, color: color, degrees: 45)
        case .vertical: canvas.text(label, x, y, h: .right, v: .middle, color: color, rotated: true)
        }
    }
}
