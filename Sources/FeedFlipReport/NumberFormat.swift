import Foundation

/// Deterministic number formatting shared by every writer (same text in Markdown and LaTeX).
public enum NumberFormat {
    /// The shortest round-tripping text, with integral values written without a fraction:
    /// `5`, `0.25`, `1e-09`, `0.1320558514171195`.
    public static func plain(_ x: Double) -> String {
        if x.isNaN { return "NaN" }
        if x.isInfinite { return x > 0 ? "∞" : "−∞" }
        if x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
        return "\(x)"
    }

    /// `x` with `digits` significant digits: fixed notation for 1e-4 ≤ |x| < 1e6, else
    /// scientific (`1.235e-05`). Zero is `0`, NaN is `NaN`, infinities are `∞`/`−∞`.
    public static func significant(_ x: Double, digits: Int = 4) -> String {
        if x.isNaN { return "NaN" }
        if x.isInfinite { return x > 0 ? "∞" : "−∞" }
        if x == 0 { return "0" }
        let exponent = Int(floor(log10(abs(x))))
        let text: String
        if exponent >= -4 && exponent < 6 {
            let decimals = max(0, digits - 1 - exponent)
            text = String(format: "%.\(decimals)f", x)
        } else {
            text = String(format: "%.\(max(0, digits - 1))e", x)
        }
        // Avoid "-0.000" for values that round to zero.
        if text.hasPrefix("-"), Double(text) == 0 { return String(text.dropFirst()) }
        return text
    }

    /// An estimate as text: `12.35 [10.10, 14.60], n = 10`. A single value without an interval
    /// (a baseline, a one-seed run) is the bare number: `12.35`; with `count` (a metric that
    /// counts runs, `MetricKey.isCount`) it is written as an integer: `0`. Captions and the
    /// report's statistics section say which benchmarks ran a single seed.
    public static func estimate(_ e: Estimate, digits: Int = 4, count: Bool = false) -> String {
        let m = significant(e.mean, digits: digits)
        guard e.hasInterval else { return count ? plain(e.mean.rounded()) : m }
        return "\(m) [\(significant(e.lower, digits: digits)), \(significant(e.upper, digits: digits))], n = \(e.n)"
    }
}
