import Foundation

/// Student's t distribution: CDF and quantile, from the regularized incomplete beta function.
///
/// `cdf(t, df) = 1 − ½·I_{df/(df+t²)}(df/2, ½)` for `t ≥ 0` (and symmetric for `t < 0`), where
/// `I_x(a, b)` is evaluated with the modified Lentz continued fraction (relative accuracy about
/// 1e-15). The quantile inverts the CDF by bracketing and bisection on the CDF, refined by
/// Newton steps on the density, to a relative accuracy of about 1e-12. `df` may be fractional
/// (Welch–Satterthwaite degrees of freedom).
public enum StudentT {
    /// The probability `P(T ≤ t)` for `T ~ t(df)`; `df > 0`. Returns NaN for invalid input.
    public static func cdf(_ t: Double, degreesOfFreedom df: Double) -> Double {
        guard df > 0, !t.isNaN, !df.isNaN else { return .nan }
        if t.isInfinite { return t > 0 ? 1 : 0 }
        let x = df / (df + t * t)
        let tail = 0.5 * IncompleteBeta.regularized(x: x, a: df / 2, b: 0.5)
        return t >= 0 ? 1 - tail : tail
    }

    /// The density of `t(df)` at `t`.
    public static func density(_ t: Double, degreesOfFreedom df: Double) -> Double {
        let logNorm = lgamma((df + 1) / 2) - lgamma(df / 2) - 0.5 * log(df * Double.pi)
        return exp(logNorm - (df + 1) / 2 * log1p(t * t / df))
    }

    /// The quantile `t_p(df)`: the `t` with `cdf(t, df) = p`; `0 < p < 1`, `df > 0`.
    ///
    /// Examples: `quantile(0.975, 1) = 12.7062`, `quantile(0.975, 9) = 2.2622`.
    /// Returns NaN for `p` outside (0, 1) or `df ≤ 0`.
    public static func quantile(_ p: Double, degreesOfFreedom df: Double) -> Double {
        guard df > 0, p > 0, p < 1, !df.isNaN else { return .nan }
        if p == 0.5 { return 0 }
        // Solve tail(t) = q for t > 0 on the smaller tail, so that tiny tail probabilities keep
        // their relative accuracy; tail(t) = ½·I_{df/(df+t²)}(df/2, ½) decreases in t.
        let q = p > 0.5 ? 1 - p : p
        let t = upperTailQuantile(q, df: df)
        return p > 0.5 ? t : -t
    }

    /// The upper-tail probability `P(T > t)` for `t ≥ 0`.
    static func upperTail(_ t: Double, df: Double) -> Double {
        0.5 * IncompleteBeta.regularized(x: df / (df + t * t), a: df / 2, b: 0.5)
    }

    /// The `t ≥ 0` with `P(T > t) = q`, `0 < q < ½`: bracketing, then Newton steps kept inside
    /// the bracket (bisection whenever a step would leave it).
    private static func upperTailQuantile(_ q: Double, df: Double) -> Double {
        var lo = 0.0
        var hi = 1.0
        while upperTail(hi, df: df) > q {
            lo = hi
            hi *= 2
            if hi > 1e300 { return .infinity }
        }
        var t = 0.5 * (lo + hi)
        for _ in 0..<300 {
            let f = upperTail(t, df: df) - q
            if f > 0 { lo = t } else { hi = t }
            let d = density(t, degreesOfFreedom: df)
            var next = d > 0 ? t + f / d : .nan
            if !(next > lo && next < hi) { next = 0.5 * (lo + hi) }
            if abs(next - t) <= 1e-15 * max(1, abs(t)) || hi - lo <= 1e-15 * max(1, abs(t)) {
                return next
            }
            t = next
        }
        return t
    }
}

/// The regularized incomplete beta function `I_x(a, b)`.
enum IncompleteBeta {
    /// `I_x(a, b)` for `0 ≤ x ≤ 1`, `a, b > 0`.
    static func regularized(x: Double, a: Double, b: Double) -> Double {
        if x <= 0 { return 0 }
        if x >= 1 { return 1 }
        let logFront = lgamma(a + b) - lgamma(a) - lgamma(b) + a * log(x) + b * log1p(-x)
        let front = exp(logFront)
        // The continued fraction converges fast for x < (a+1)/(a+b+2); use symmetry otherwise.
        if x < (a + 1) / (a + b + 2) {
            return front * continuedFraction(x: x, a: a, b: b) / a
        }
        return 1 - front * continuedFraction(x: 1 - x, a: b, b: a) / b
    }

    /// The continued fraction of `I_x(a, b)` by the modified Lentz method.
    private static func continuedFraction(x: Double, a: Double, b: Double) -> Double {
        let tiny = 1e-300
        let eps = 1e-16
        let qab = a + b, qap = a + 1, qam = a - 1
        var c = 1.0
        var d = 1 - qab * x / qap
        if abs(d) < tiny { d = tiny }
        d = 1 / d
        var h = d
        for m in 1...10_000 {
            let m = Double(m), m2 = 2 * m
            var aa = m * (b - m) * x / ((qam + m2) * (a + m2))
            d = 1 + aa * d
            if abs(d) < tiny { d = tiny }
            c = 1 + aa / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            h *= d * c
            aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2))
            d = 1 + aa * d
            if abs(d) < tiny { d = tiny }
            c = 1 + aa / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let del = d * c
            h *= del
            if abs(del - 1) < eps { break }
        }
        return h
    }
}
