import Foundation

/// What a claim says about its metric, with the exact pass condition of each kind.
///
/// Notation: the reproduced 95% interval is `[lo, hi]` (a single run: `lo = hi = mean`),
/// `x̄` is the point estimate, `tol(r) = max(absolute, relative·|r|)` (see `Tolerance`).
public enum Reference: Equatable, Sendable {
    /// A point `r`: pass iff `[lo, hi] ∩ [r − tol(r), r + tol(r)] ≠ ∅`,
    /// i.e. `lo ≤ r + tol(r)` and `hi ≥ r − tol(r)`.
    case point(Double)
    /// A range `[a, b]`: pass iff `[lo, hi] ∩ [a − tol(a), b + tol(b)] ≠ ∅`.
    case range(Double, Double)
    /// An upper bound `r`: pass iff `lo ≤ r + tol(r)`.
    case atMost(Double)
    /// A lower bound `r`: pass iff `hi ≥ r − tol(r)`.
    case atLeast(Double)
    /// The claim's metric A is below metric B: pass iff `lo_A < hi_B + tol(B̄)`; the tolerance of
    /// an ordering is 0 unless the claim sets one (the file's default does not apply).
    case below(metric: String)
    /// The claim's metric A is above metric B: pass iff `hi_A > lo_B − tol(B̄)` (tolerance as for `below`).
    case above(metric: String)
    /// An exact value `r`: pass iff `|x̄ − r| ≤ relativeTolerance·|r|` (the interval is not used).
    case exact(Double, relativeTolerance: Double)
    /// "unstable": pass iff the variant has ≥ 1 diverged run (`ts.diverged[v] ≥ 1`) or its
    /// seed spread (`ts.seed_spread[v]`) is the largest of all variants (ties count as largest).
    case unstable
    /// No number to check (the paper's "TBD"): always the not-applicable state, with a reason.
    case notApplicable(reason: String)

    /// The reference as the report shows it, e.g. `5 to 10`, `≤ 1.5`, `< tiny.bigram_bpc`; exact
    /// values with 10 significant digits (the criterion text keeps every digit).
    public var text: String {
        switch self {
        case let .point(r): return NumberFormat.plain(r)
        case let .range(a, b): return "\(NumberFormat.plain(a)) to \(NumberFormat.plain(b))"
        case let .atMost(r): return "≤ \(NumberFormat.plain(r))"
        case let .atLeast(r): return "≥ \(NumberFormat.plain(r))"
        case let .below(m): return "< \(m)"
        case let .above(m): return "> \(m)"
        case let .exact(r, _): return NumberFormat.significant(r, digits: 10)
        case .unstable: return "unstable"
        case .notApplicable: return "TBD"
        }
    }
}

/// What the authors of `claims.json` expect of a claim beyond its reference.
public enum Expectation: Equatable, Sendable {
    /// A known non-reproduction: a failure is shown as "known deviation" and does not fail CI.
    case deviation(reason: String)
}

/// One reference number of the paper, with where it comes from and how it is checked.
public struct Claim: Equatable, Sendable {
    /// A stable identifier, e.g. `ts.vanilla-dfa`.
    public var id: String
    /// The claim in one sentence, as the report prints it.
    public var statement: String
    /// Where the number comes from (document, section, date).
    public var source: String
    /// How the number is read: what is measured, on which grid, with which statistic.
    public var interpretation: String
    /// The metric key the claim checks (see `MetricKey`).
    public var metric: String
    /// The reference and its kind.
    public var reference: Reference
    /// The tolerance in force (the claim's own, or the file's default; zero for orderings
    /// without their own).
    public var tolerance: Tolerance
    /// Whether `tolerance` was set by the claim itself rather than inherited.
    public var toleranceIsOwn: Bool
    /// A documented expected deviation, if any.
    public var expectation: Expectation?

    /// A claim from its parts.
    public init(id: String, statement: String, source: String, interpretation: String,
                metric: String, reference: Reference, tolerance: Tolerance = .paperDefault,
                toleranceIsOwn: Bool = false, expectation: Expectation? = nil) {
        self.id = id
        self.statement = statement
        self.source = source
        self.interpretation = interpretation
        self.metric = metric
        self.reference = reference
        self.tolerance = tolerance
        self.toleranceIsOwn = toleranceIsOwn
        self.expectation = expectation
    }

    /// The exact pass condition of this claim with its numbers filled in, e.g.
    /// `pass iff [lo, hi] ∩ [30 − tol, 30 + tol] ≠ ∅, tol = max(5, 0.25·|ref|) = 7.5`.
    public var criterion: String {
        let t = tolerance
        func tolText(_ r: Double) -> String {
            t.relative == 0 ? t.formula : "\(t.formula) = \(NumberFormat.plain(t.allowance(at: r)))"
        }
        switch reference {
        case let .point(r):
            return "pass iff [lo, hi] ∩ [\(NumberFormat.plain(r)) − tol, \(NumberFormat.plain(r)) + tol] ≠ ∅, "
                + "tol = \(tolText(r))"
        case let .range(a, b):
            return "pass iff [lo, hi] ∩ [\(NumberFormat.plain(a)) − tol(a), \(NumberFormat.plain(b)) + tol(b)] ≠ ∅, "
                + "tol(a) = \(tolText(a)), tol(b) = \(tolText(b))"
        case let .atMost(r):
            return "pass iff lo ≤ \(NumberFormat.plain(r)) + tol, tol = \(tolText(r))"
        case let .atLeast(r):
            return "pass iff hi ≥ \(NumberFormat.plain(r)) − tol, tol = \(tolText(r))"
        case let .below(m):
            return "pass iff lo < hi(\(m)) + tol, tol = \(t.formula) with ref = mean(\(m))"
        case let .above(m):
            return "pass iff hi > lo(\(m)) − tol, tol = \(t.formula) with ref = mean(\(m))"
        case let .exact(r, rtol):
            return "pass iff |x − \(NumberFormat.plain(r))| ≤ \(NumberFormat.plain(rtol))·|\(NumberFormat.plain(r))|"
        case .unstable:
            return "pass iff diverged runs ≥ 1 or the seed spread is the largest of all variants"
        case .notApplicable:
            return "not checked"
        }
    }

    /// The tolerance as the claims table shows it, e.g. `max(5, 0.25·|ref|)` or `rel 1e-09`.
    public var toleranceText: String {
        switch reference {
        case let .exact(_, rtol): return "rel \(NumberFormat.plain(rtol))"
        case .unstable, .notApplicable: return "—"
        default: return tolerance.formula
        }
    }
}
