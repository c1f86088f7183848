import Foundation

/// Turns claims and measured metrics into verdicts, applying the inequalities documented on
/// `Reference` exactly (boundaries included: a value exactly at `ref ± tol` passes).
public enum Verdicts {
    /// The verdict of every claim, in claim order.
    public static func evaluate(claims: ClaimSet, metrics: MetricTable) -> [ClaimResult] {
        evaluate(claims: claims.claims, metrics: metrics)
    }

    /// The verdict of every claim, in the order given.
    public static func evaluate(claims: [Claim], metrics: MetricTable) -> [ClaimResult] {
        claims.map { evaluate($0, metrics: metrics) }
    }

    /// The verdict of one claim: the raw check, then the claim's expectation applied
    /// (an expected deviation turns fail into known deviation and pass into unexpected pass).
    public static func evaluate(_ claim: Claim, metrics: MetricTable) -> ClaimResult {
        var result = check(claim, metrics: metrics)
        if result.verdict == .pass, claim.tolerance != .zero {
            var strict = claim
            strict.tolerance = .zero
            result.needsTolerance = check(strict, metrics: metrics).verdict == .fail
        }
        if case let .deviation(reason)? = claim.expectation {
            switch result.verdict {
            case .pass: result.verdict = .unexpectedPass(reason: reason)
            case .fail: result.verdict = .knownDeviation(reason: reason)
            default: break
            }
        }
        return result
    }

    private static func check(_ claim: Claim, metrics: MetricTable) -> ClaimResult {
        let value = metrics[claim.metric]
        if case let .notApplicable(reason) = claim.reference {
            return ClaimResult(claim: claim, verdict: .notApplicable(reason: reason), value: value,
                               detail: "reported, not checked: \(reason)")
        }
        if case .unstable = claim.reference { return checkUnstable(claim, metrics: metrics) }
        guard let value else {
            let reason = metrics.reasonMissing(claim.metric)
            return ClaimResult(claim: claim, verdict: .notRun(reason: reason), value: nil, detail: reason)
        }
        guard value.isFinite else {
            return ClaimResult(claim: claim, verdict: .fail, value: value,
                               detail: "the reproduced value is not finite (a run diverged)")
        }
        let lo = value.lower, hi = value.upper
        let tol = claim.tolerance
        let f = NumberFormat.significant
        func outcome(_ ok: Bool, _ detail: String, other: Estimate? = nil) -> ClaimResult {
            ClaimResult(claim: claim, verdict: ok ? .pass : .fail, value: value, comparedTo: other, detail: detail)
        }
        switch claim.reference {
        case let .point(r):
            let t = tol.allowance(at: r)
            let ok = lo <= r + t && hi >= r - t
            return outcome(ok, "[\(f(lo, 4)), \(f(hi, 4))] ∩ [\(f(r - t, 4)), \(f(r + t, 4))] \(ok ? "≠" : "=") ∅")
        case let .range(a, b):
            let low = a - tol.allowance(at: a), high = b + tol.allowance(at: b)
            let ok = lo <= high && hi >= low
            return outcome(ok, "[\(f(lo, 4)), \(f(hi, 4))] ∩ [\(f(low, 4)), \(f(high, 4))] \(ok ? "≠" : "=") ∅")
        case let .atMost(r):
            let bound = r + tol.allowance(at: r)
            let ok = lo <= bound
            return outcome(ok, "lo = \(f(lo, 4)) \(ok ? "≤" : ">") \(f(bound, 4))")
        case let .atLeast(r):
            let bound = r - tol.allowance(at: r)
            let ok = hi >= bound
            return outcome(ok, "hi = \(f(hi, 4)) \(ok ? "≥" : "<") \(f(bound, 4))")
        case let .below(other), let .above(other):
            guard let b = metrics[other] else {
                let reason = metrics.reasonMissing(other)
                return ClaimResult(claim: claim, verdict: .notRun(reason: reason), value: value, detail: reason)
            }
            guard b.isFinite else {
                return outcome(false, "the compared value \(other) is not finite", other: b)
            }
            let t = tol.allowance(at: b.mean)
            if case .below = claim.reference {
                let ok = lo < b.upper + t
                return outcome(ok, "lo = \(f(lo, 4)) \(ok ? "<" : "≥") hi(\(other)) + tol = \(f(b.upper + t, 4))", other: b)
            }
            let ok = hi > b.lower - t
            return outcome(ok, "hi = \(f(hi, 4)) \(ok ? ">" : "≤") lo(\(other)) − tol = \(f(b.lower - t, 4))", other: b)
        case let .exact(r, rtol):
            let diff = abs(value.mean - r), bound = rtol * abs(r)
            let ok = diff <= bound
            return outcome(ok, "|x − ref| = \(f(diff, 3)) \(ok ? "≤" : ">") \(f(bound, 3))")
        case .unstable, .notApplicable:
            return outcome(false, "unreachable")
        }
    }

    private static func checkUnstable(_ claim: Claim, metrics: MetricTable) -> ClaimResult {
        let value = metrics[claim.metric]
        guard let variant = (try? MetricKey.parse(claim.metric))?.variant else {
            return ClaimResult(claim: claim, verdict: .fail, value: value,
                               detail: "the metric \(claim.metric) names no variant")
        }
        let diverged = metrics[MetricKey.tsDiverged(variant)]?.mean
        let spreads = metrics.seedSpreads()
        let spread = spreads[variant]
        if diverged == nil && spread == nil {
            let reason = metrics.reasonMissing(MetricKey.tsSeedSpread(variant))
            return ClaimResult(claim: claim, verdict: .notRun(reason: reason), value: value, detail: reason)
        }
        var parts: [String] = []
        var ok = false
        if let diverged {
            parts.append("diverged runs = \(NumberFormat.plain(diverged))")
            if diverged >= 1 { ok = true }
        }
        if let spread {
            let others = spreads.filter { $0.key != variant }
            let largestOther = others.values.filter { !$0.isNaN }.max()
            let isLargest = spread.isNaN ? false : (largestOther.map { spread >= $0 } ?? true)
            var text = "seed spread = \(NumberFormat.significant(spread))"
            if let largestOther {
                let who = others.filter { $0.value == largestOther }.keys.sorted().joined(separator: ", ")
                text += isLargest ? " ≥ every other variant's (largest other: \(who), \(NumberFormat.significant(largestOther)))"
                    : " < \(who)'s \(NumberFormat.significant(largestOther))"
            }
            parts.append(text)
            if isLargest { ok = true }
        }
        return ClaimResult(claim: claim, verdict: ok ? .pass : .fail, value: value,
                           detail: parts.joined(separator: "; "))
    }
}
