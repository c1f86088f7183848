import Foundation

/// A statistic over seeds: mean, sample standard deviation and a 95% Student-t interval.
///
/// For `n ≥ 2`: `lower, upper = mean ∓ t_{0.975}(df)·std/√n` with `df = n − 1` (or the
/// degrees of freedom of the method that produced it, see `RatioStatistics`).
/// For `n = 1` the interval is the point itself (`lower = upper = mean`, `std = 0`) and
/// `hasInterval` is false: the report marks such values as single runs.
public struct Estimate: Codable, Equatable, Sendable {
    /// The point estimate (mean over seeds, or the ratio of means for ratio metrics).
    public var mean: Double
    /// The sample standard deviation over seeds (divisor n − 1); 0 when `n = 1`.
    public var std: Double
    /// The lower end of the 95% interval.
    public var lower: Double
    /// The upper end of the 95% interval.
    public var upper: Double
    /// The number of seeds (independent runs) behind the estimate.
    public var n: Int

    /// An estimate with explicit fields (for values computed elsewhere).
    public init(mean: Double, std: Double, lower: Double, upper: Double, n: Int) {
        self.mean = mean
        self.std = std
        self.lower = lower
        self.upper = upper
        self.n = n
    }

    /// A single value without an interval (`n = 1`): a count, a baseline, a one-seed run.
    public static func point(_ value: Double) -> Estimate {
        Estimate(mean: value, std: 0, lower: value, upper: value, n: 1)
    }

    /// Whether the estimate has a real interval (`n ≥ 2`); false for a single run.
    public var hasInterval: Bool { n >= 2 }

    /// Whether mean and both interval ends are finite numbers.
    public var isFinite: Bool { mean.isFinite && lower.isFinite && upper.isFinite }

    /// Mean, sample std and 95% t-interval of `samples` (one value per seed).
    ///
    /// - Returns: nil for an empty array. NaN/inf samples propagate into the result.
    public init?(samples: [Double]) {
        guard !samples.isEmpty else { return nil }
        let m = Statistics.mean(samples)
        guard samples.count >= 2 else {
            self = .point(m)
            return
        }
        let s = Statistics.sampleStandardDeviation(samples)
        let half = StudentT.quantile(0.975, degreesOfFreedom: Double(samples.count - 1))
            * s / Double(samples.count).squareRoot()
        self.init(mean: m, std: s, lower: m - half, upper: m + half, n: samples.count)
    }

    /// This estimate under the affine map `x ↦ scale·x + offset` (interval ends reorder if
    /// `scale < 0`); `std` scales by `|scale|`.
    public func affine(scale: Double, offset: Double) -> Estimate {
        let a = scale * lower + offset, b = scale * upper + offset
        return Estimate(mean: scale * mean + offset, std: abs(scale) * std,
                        lower: min(a, b), upper: max(a, b), n: n)
    }
}

/// Plain sample statistics.
public enum Statistics {
    /// The arithmetic mean; NaN for an empty array.
    public static func mean(_ xs: [Double]) -> Double {
        guard !xs.isEmpty else { return .nan }
        return xs.reduce(0, +) / Double(xs.count)
    }

    /// The sample standard deviation `sqrt(Σ(x − x̄)² / (n − 1))`; 0 for `n = 1`, NaN for `n = 0`.
    public static func sampleStandardDeviation(_ xs: [Double]) -> Double {
        guard !xs.isEmpty else { return .nan }
        guard xs.count >= 2 else { return 0 }
        let m = mean(xs)
        let ss = xs.reduce(0) { $0 + ($1 - m) * ($1 - m) }
        return (ss / Double(xs.count - 1)).squareRoot()
    }

    /// The sample covariance `Σ(x − x̄)(y − ȳ) / (n − 1)` of paired samples of equal length ≥ 2.
    public static func sampleCovariance(_ xs: [Double], _ ys: [Double]) -> Double {
        guard xs.count == ys.count, xs.count >= 2 else { return .nan }
        let mx = mean(xs), my = mean(ys)
        var s = 0.0
        for i in xs.indices { s += (xs[i] - mx) * (ys[i] - my) }
        return s / Double(xs.count - 1)
    }
}
