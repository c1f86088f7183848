// "Nice" axis ticks: 1, 2, 5 x 10^k steps on linear axes, powers of ten on log axes,
// and labels without floating-point noise.

import Foundation

/// Tick positions and labels of one axis, with the axis range they were chosen for.
public struct TickSet: Sendable, Equatable {
    /// Lower end of the axis.
    public var lower: Double
    /// Upper end of the axis.
    public var upper: Double
    /// Major tick values, ascending, all within lower...upper.
    public var values: [Double]
    /// One label per major tick.
    public var labels: [String]
    /// Unlabelled minor ticks (log axes: 2...9 x 10^k).
    public var minor: [Double]

    /// A tick set from its parts.
    public init(lower: Double, upper: Double, values: [Double], labels: [String], minor: [Double] = []) {
        self.lower = lower; self.upper = upper; self.values = values; self.labels = labels; self.minor = minor
    }
}

/// A tick step m x 10^k with m in {1, 2, 5}.
public struct NiceStep: Sendable, Equatable {
    /// The leading digit: 1, 2 or 5.
    public var mantissa: Int
    /// The power of ten.
    public var exponent: Int

    /// A step m x 10^k (m should be 1, 2 or 5).
    public init(mantissa: Int, exponent: Int) {
        self.mantissa = mantissa; self.exponent = exponent
    }

    /// The step as a Double.
    public var value: Double { multiple(1) }

    /// i x step, computed as (i m) x 10^k or (i m) / 10^-k so that 3 x 0.1 gives 0.3 exactly.
    public func multiple(_ i: Int) -> Double {
        let n = Double(i * mantissa)
        return exponent >= 0 ? n * pow(10, Double(exponent)) : n / pow(10, Double(-exponent))
    }

    /// The smallest nice step >= `rough` (rough > 0 and finite).
    public static func atLeast(_ rough: Double) -> NiceStep {
        guard rough.isFinite, rough > 0 else { return NiceStep(mantissa: 1, exponent: 0) }
        var k = Int(floor(log10(rough)))
        let f = rough / pow(10, Double(k))
        let m: Int
        if f <= 1 + 1e-9 { m = 1 } else if f <= 2 + 1e-9 { m = 2 } else if f <= 5 + 1e-9 { m = 5 } else { m = 1; k += 1 }
        return NiceStep(mantissa: m, exponent: k)
    }
}

/// Tick generation for linear and logarithmic axes.
public enum Ticks {
    /// Ticks for lo...hi on a linear axis with about `target` major ticks.
    /// With `expand` the axis grows to the enclosing multiples of the step (loose labelling);
    /// without, the axis is exactly lo...hi and only ticks inside are returned.
    /// Non-finite input gives 0...1; a zero-width range is widened by 10% of |lo| (or 1).
    public static func linear(_ lo: Double, _ hi: Double, target: Int = 5, expand: Bool = true) -> TickSet {
        var (a, b) = sanitizedRange(lo, hi)
        if b - a <= 1e-12 * max(abs(a), abs(b)) || b == a {
            let d = a == 0 ? 1 : abs(a) * 0.1
            a -= d; b += d
        }
        let step = bestStep(a, b, target: max(target, 2), expand: expand)
        let s = step.value
        let iLo = expand ? Int(floor(a / s + 1e-9)) : Int(ceil(a / s - 1e-9))
        let iHi = expand ? Int(ceil(b / s - 1e-9)) : Int(floor(b / s + 1e-9))
        let values = iLo <= iHi ? (iLo...iHi).map { step.multiple($0) } : []
        let lower = expand ? step.multiple(iLo) : a
        let upper = expand ? step.multiple(iHi) : b
        let labels = values.map { label($0, step: step, largest: max(abs(lower), abs(upper))) }
        return TickSet(lower: lower, upper: upper, values: values, labels: labels)
    }

    /// Ticks for lo...hi on a log axis (lo, hi > 0; otherwise 1...10): over more than 2.2
    /// decades, majors at powers of ten (every n-th power when there are many) labelled 10ⁿ with
    /// minors at 2...9 x 10^k; over fewer, majors at 1, 2, 5 x 10^k (or 1...9 x 10^k, or linear
    /// nice ticks) with decimal labels such as 0.05, 0.1, 0.2.
    /// The axis range is exactly lo...hi.
    public static func log(_ lo: Double, _ hi: Double) -> TickSet {
        var a = lo, b = hi
        if !(a.isFinite && b.isFinite && a > 0 && b > 0) { a = 1; b = 10 }
        if a > b { swap(&a, &b) }
        if b / a < 1 + 1e-9 { a /= 2; b *= 2 }
        let eLo = Int(floor(log10(a) + 1e-9)), eHi = Int(ceil(log10(b) - 1e-9))
        let inside = { (v: Double) in v >= a * (1 - 1e-9) && v <= b * (1 + 1e-9) }
        let powers = (eLo...eHi).filter { inside(power($0)) }
        if powers.count >= 2 && log10(b / a) > 2.2 {
            let stride = max(1, Int(ceil(Double(powers.count) / 6)))
            let majors = powers.filter { $0 % stride == 0 }
            var minor: [Double] = []
            if eHi - eLo <= 12 {
                for e in eLo...eHi {
                    for m in 1...9 where m > 1 || e % stride != 0 {
                        let v = Double(m) * power(e)
                        if inside(v) { minor.append(v) }
                    }
                }
            }
            return TickSet(lower: a, upper: b, values: majors.map(power),
                           labels: majors.map(powerLabel), minor: minor.sorted())
        }
        for mantissas in [[1, 2, 5], [1, 2, 3, 4, 5, 6, 7, 8, 9]] {
            var values: [(Double, NiceStep)] = []
            var minor: [Double] = []
            for e in eLo...eHi {
                let step = NiceStep(mantissa: 1, exponent: e)
                for m in 1...9 where inside(step.multiple(m)) {
                    if mantissas.contains(m) { values.append((step.multiple(m), step)) } else { minor.append(step.multiple(m)) }
                }
            }
            if values.count >= 2 {
                return TickSet(lower: a, upper: b, values: values.map { $0.0 },
                               labels: values.map { label($0.0, step: $0.1, largest: b) }, minor: minor)
            }
        }
        let lin = linear(a, b, target: 3, expand: false)
        return TickSet(lower: a, upper: b, values: lin.values, labels: lin.labels)
    }

    /// `value` (a multiple of `step`) written with exactly the decimals the step needs, a true
    /// minus sign, and "m×10ⁿ" notation when the axis is huge (largest >= 1e6) or tiny (< 1e-3).
    public static func label(_ value: Double, step: NiceStep, largest: Double) -> String {
        if abs(value) < step.value * 1e-6 { return "0" }
        if largest >= 1e6 || largest < 1e-3 {
            let e = Int(floor(log10(abs(value)) + 1e-9))
            let decimals = max(0, e - step.exponent)
            let mantissa = value / pow(10, Double(e))
            let m = String(format: "%.\(min(decimals, 6))f", mantissa)
            let text = m == "1" ? powerLabel(e) : m == "-1" ? "−" + powerLabel(e) : "\(m)×\(powerLabel(e))"
            return text.replacingOccurrences(of: "-", with: "−")
        }
        let decimals = max(0, -step.exponent)
        return String(format: "%.\(decimals)f", value).replacingOccurrences(of: "-", with: "−")
    }

    /// "10" with the exponent in Unicode superscripts, e.g. 10⁻³.
    public static func powerLabel(_ exponent: Int) -> String {
        "10" + superscript(exponent)
    }

    /// An integer in Unicode superscript digits, e.g. −12 -> ⁻¹².
    public static func superscript(_ n: Int) -> String {
        let digits: [Character] = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"]
        let body = String(String(abs(n)).compactMap { $0.wholeNumberValue.map { digits[$0] } })
        return n < 0 ? "⁻" + body : body
    }

    static func power(_ e: Int) -> Double {
        e >= 0 ? pow(10, Double(e)) : 1 / pow(10, Double(-e))
    }

    static func sanitizedRange(_ lo: Double, _ hi: Double) -> (Double, Double) {
        guard lo.isFinite, hi.isFinite else { return (0, 1) }
        return lo <= hi ? (lo, hi) : (hi, lo)
    }

    /// The nice step whose tick count over a...b is closest to `target` (ties: the larger step).
    static func bestStep(_ a: Double, _ b: Double, target: Int, expand: Bool) -> NiceStep {
        let base = NiceStep.atLeast((b - a) / Double(target))
        var best = base
        var bestScore = Int.max
        for k in (base.exponent - 1)...(base.exponent + 1) {
            for m in [1, 2, 5] {
                let step = NiceStep(mantissa: m, exponent: k)
                let s = step.value
                let count = expand
                    ? Int(ceil(b / s - 1e-9)) - Int(floor(a / s + 1e-9)) + 1
                    : Int(floor(b / s + 1e-9)) - Int(ceil(a / s - 1e-9)) + 1
                if count < 2 && !expand { continue }
                let score = abs(count - target)
                if score < bestScore || (score == bestScore && s > best.value) {
                    best = step; bestScore = score
                }
            }
        }
        return best
    }
}
