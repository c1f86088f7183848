// Continuous colour maps and the mapping of values to them (linear or logarithmic).

import Foundation

/// A continuous colour map sampled from a table of evenly spaced sRGB entries.
public struct Colormap: Sendable, Hashable {
    /// Entries as (r, g, b) triples in 0...1, flattened; entry i sits at t = i / (count - 1).
    let table: [Double]

    /// Viridis, the perceptually uniform default of matplotlib (256 entries, CC0).
    public static let viridis = Colormap(table: viridisTable)

    /// Number of table entries.
    public var count: Int { table.count / 3 }

    /// The colour at position `t` in 0...1 (clamped; NaN gives the low end), interpolated
    /// linearly between neighbouring table entries.
    public func color(at t: Double) -> Color {
        let n = count
        guard n > 1 else { return Color(grey: 0.5) }
        let clamped = t.isNaN ? 0 : min(max(t, 0), 1)
        let position = clamped * Double(n - 1)
        let i = min(Int(position), n - 2)
        let f = position - Double(i)
        func channel(_ c: Int) -> Double {
            table[3 * i + c] * (1 - f) + table[3 * (i + 1) + c] * f
        }
        return Color(red: channel(0), green: channel(1), blue: channel(2))
    }
}

/// How values map to positions along a colour map or an axis.
public enum ScaleType: String, Sendable, Hashable, Codable {
    /// Position proportional to the value.
    case linear
    /// Position proportional to log10 of the value; values <= 0 cannot be shown.
    case log
}

/// A value range with a scale type: maps values to 0...1 and back.
struct ValueNormalizer: Sendable {
    let lower: Double
    let upper: Double
    let type: ScaleType

    /// `nil` for values that cannot be placed (non-finite, or <= 0 on a log scale).
    func position(_ v: Double) -> Double? {
        guard v.isFinite else { return nil }
        switch type {
        case .linear:
            let span = upper - lower
            return span > 0 ? (v - lower) / span : 0.5
        case .log:
            guard v > 0, lower > 0, upper > 0 else { return nil }
            let span = log10(upper) - log10(lower)
            return span > 0 ? (log10(v) - log10(lower)) / span : 0.5
        }
    }
}
