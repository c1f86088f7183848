import Foundation

/// Ratio and difference metrics over seeds, with 95% intervals.
///
/// Method (stated in the report): ratios use the **delta method on the ratio of means**.
/// For numerator samples `v` (e.g. a variant's grid-mean final MSE per seed) and denominator
/// samples `b` (Backprop's, same seeds), `R = v̄ / b̄` and
/// - paired (same count n, sample i of both from seed i):
///   `Var(R) ≈ (s_v² − 2R·s_vb + R²·s_b²) / (n·b̄²)`, `df = n − 1`;
/// - unpaired (different counts): `Var(R) ≈ s_v²/(n_v·b̄²) + R²·s_b²/(n_b·b̄²)`,
///   `df = min(n_v, n_b) − 1`;
/// and the interval is `R ± t_{0.975}(df)·√Var(R)`. With one sample on each side the
/// interval is the point. `perSeedRatios` is offered as the alternative (mean of the
/// per-seed ratios with a plain t-interval).
public enum RatioStatistics {
    /// `v̄ / b̄` with a delta-method 95% interval (see the type's documentation); nil if a side is empty.
    public static func ratioOfMeans(numerator v: [Double], denominator b: [Double]) -> Estimate? {
        guard !v.isEmpty, !b.isEmpty else { return nil }
        let mv = Statistics.mean(v), mb = Statistics.mean(b)
        let r = mv / mb
        let n = min(v.count, b.count)
        guard v.count >= 2 || b.count >= 2 else { return .point(r) }
        let sv = Statistics.sampleStandardDeviation(v), sb = Statistics.sampleStandardDeviation(b)
        let variance: Double
        let df: Double
        if v.count == b.count {
            let cov = Statistics.sampleCovariance(v, b)
            variance = (sv * sv - 2 * r * cov + r * r * sb * sb) / (Double(n) * mb * mb)
            df = Double(n - 1)
        } else {
            variance = sv * sv / (Double(v.count) * mb * mb)
                + r * r * sb * sb / (Double(b.count) * mb * mb)
            df = Double(max(n - 1, 1))
        }
        let se = max(variance, 0).squareRoot()
        let half = StudentT.quantile(0.975, degreesOfFreedom: df) * se
        return Estimate(mean: r, std: se * Double(n).squareRoot(), lower: r - half,
                        upper: r + half, n: n)
    }

    /// The relative increase `100·(v̄/b̄ − 1)` in percent, with the delta-method interval of the ratio.
    public static func relativeIncreasePercent(variant v: [Double], baseline b: [Double]) -> Estimate? {
        ratioOfMeans(numerator: v, denominator: b)?.affine(scale: 100, offset: -100)
    }

    /// The mean of the per-seed ratios `v_i / b_i` with a t-interval over seeds; nil unless
    /// both arrays are non-empty and of equal length.
    public static func perSeedRatios(numerator v: [Double], denominator b: [Double]) -> Estimate? {
        guard !v.isEmpty, v.count == b.count else { return nil }
        return Estimate(samples: zip(v, b).map { $0 / $1 })
    }

    /// The difference of means `ā − b̄` with a 95% interval: a paired t-interval on the
    /// per-seed differences when the counts are equal, else Welch's interval with
    /// Welch–Satterthwaite degrees of freedom. Nil if a side is empty.
    public static func difference(_ a: [Double], minus b: [Double]) -> Estimate? {
        guard !a.isEmpty, !b.isEmpty else { return nil }
        if a.count == b.count { return Estimate(samples: zip(a, b).map { $0 - $1 }) }
        let ma = Statistics.mean(a), mb = Statistics.mean(b)
        let d = ma - mb
        let va = a.count >= 2 ? pow(Statistics.sampleStandardDeviation(a), 2) / Double(a.count) : 0
        let vb = b.count >= 2 ? pow(Statistics.sampleStandardDeviation(b), 2) / Double(b.count) : 0
        let se = (va + vb).squareRoot()
        let n = min(a.count, b.count)
        guard se > 0 else { return Estimate(mean: d, std: 0, lower: d, upper: d, n: n) }
        var dfDen = 0.0
        if a.count >= 2 { dfDen += va * va / Double(a.count - 1) }
        if b.count >= 2 { dfDen += vb * vb / Double(b.count - 1) }
        let df = (va + vb) * (va + vb) / dfDen
        let half = StudentT.quantile(0.975, degreesOfFreedom: df) * se
        return Estimate(mean: d, std: se * Double(n).squareRoot(), lower: d - half,
                        upper: d + half, n: n)
    }
}
