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
