// Colours, the Okabe-Ito categorical palette and line dash styles.

import Foundation

/// An sRGB colour with components in 0...1.
public struct Color: Sendable, Hashable {
    /// Red, 0...1.
    public var red: Double
    /// Green, 0...1.
    public var green: Double
    /// Blue, 0...1.
    public var blue: Double
    /// Opacity, 0 (transparent) ... 1 (opaque).
    public var alpha: Double

    /// A colour from components in 0...1.
    public init(red: Double, green: Double, blue: Double, alpha: Double = 1) {
        self.red = red; self.green = green; self.blue = blue; self.alpha = alpha
    }

    /// A colour from a 24-bit hex value such as 0xE69F00.
    public init(hex: UInt32, alpha: Double = 1) {
        self.init(red: Double((hex >> 16) & 0xFF) / 255, green: Double((hex >> 8) & 0xFF) / 255,
                  blue: Double(hex & 0xFF) / 255, alpha: alpha)
    }

    /// A grey of the given lightness (0 black ... 1 white).
    public init(grey: Double, alpha: Double = 1) {
        self.init(red: grey, green: grey, blue: grey, alpha: alpha)
    }

    /// The same colour with another opacity.
    public func withAlpha(_ alpha: Double) -> Color {
        Color(red: red, green: green, blue: blue, alpha: alpha)
    }

    /// Black.
    public static let black = Color(grey: 0)
    /// White.
    public static let white = Color(grey: 1)

    /// WCAG relative luminance of the opaque colour, 0 (black) ... 1 (white).
    public var relativeLuminance: Double {
        func linear(_ c: Double) -> Double {
            c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)
    }

    /// Black or white, whichever has the higher WCAG contrast ratio against this colour.
    public var contrastingText: Color {
        let l = relativeLuminance
        let againstBlack = (l + 0.05) / 0.05
        let againstWhite = 1.05 / (l + 0.05)
        return againstBlack >= againstWhite ? .black : .white
    }

    /// The Okabe-Ito colour-blind-safe palette, ordered for lines on white
    /// (orange, sky blue, bluish green, vermillion, blue, reddish purple, yellow, black).
    public static let okabeIto: [Color] = [
        Color(hex: 0xE69F00), Color(hex: 0x56B4E9), Color(hex: 0x009E73), Color(hex: 0xD55E00),
        Color(hex: 0x0072B2), Color(hex: 0xCC79A7), Color(hex: 0xF0E442), Color(hex: 0x000000),
    ]
}

/// A line dash pattern, the second visual cue beside colour.
public enum Dash: Sendable, Hashable, CaseIterable {
    /// A continuous line.
    case solid
    /// Long dashes.
    case dashed
    /// Dots.
    case dotted
    /// Alternating dash and dot.
    case dashDot

    /// On/off lengths in points for a line of width `lineWidth`; empty for solid.
    func pattern(lineWidth: Double) -> [Double] {
        let w = max(lineWidth, 0.5)
        switch self {
        case .solid: return []
        case .dashed: return [4.5 * w, 2.5 * w]
        case .dotted: return [0.01, 2.2 * w]
        case .dashDot: return [3.5 * w, 2.6 * w, 0.01, 2.6 * w]
        }
    }

    /// Dots are zero-length dashes drawn by round caps.
    var usesRoundCaps: Bool { self == .dotted || self == .dashDot }
}

/// The colour and dash of one series.
public struct SeriesStyle: Sendable, Hashable {
    /// Line, band and marker colour.
    public var color: Color
    /// Dash pattern of the line.
    public var dash: Dash

    /// A style from a colour and a dash.
    public init(color: Color, dash: Dash = .solid) {
        self.color = color; self.dash = dash
    }

    /// The automatic style of series number `index`: Okabe-Ito colours in order (without
    /// yellow), and a dash that also changes when the colours wrap, so no two of the first
    /// 28 series look alike.
    /// Yellow is left out: it is too light for thin lines on white.
    public static func automatic(_ index: Int) -> SeriesStyle {
        let palette = lineColors
        let i = max(index, 0)
        let dashes = Dash.allCases
        return SeriesStyle(color: palette[i % palette.count],
                           dash: dashes[(i + 2 * (i / palette.count)) % dashes.count])
    }

    /// A style for series that vary in two factors (e.g. frequency and depth): colour number
    /// `color` of the line palette (Okabe-Ito without yellow) and dash number `dash`.
    public static func paired(color: Int, dash: Int) -> SeriesStyle {
        let palette = lineColors
        return SeriesStyle(color: palette[max(color, 0) % palette.count],
                           dash: Dash.allCases[max(dash, 0) % Dash.allCases.count])
    }

    /// Okabe-Ito without yellow: the colours used for lines.
    public static let lineColors: [Color] = Color.okabeIto.filter { $0 != Color(hex: 0xF0E442) }
}
