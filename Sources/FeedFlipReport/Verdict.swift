import Foundation

/// The outcome of checking one claim.
public enum Verdict: Equatable, Sendable {
    /// The reproduced value satisfies the claim's inequality.
    case pass
    /// It does not, and no deviation was expected: fails CI.
    case fail
    /// It does not, as `claims.json` documents (`expect: deviation`); does not fail CI.
    case knownDeviation(reason: String)
    /// A deviation was expected but the claim passed: `claims.json` should be updated.
    case unexpectedPass(reason: String)
    /// The metric was not measured (e.g. the benchmark is not in the profile).
    case notRun(reason: String)
    /// Nothing to check (the paper's "TBD").
    case notApplicable(reason: String)

    /// The label the report prints: `pass`, `FAIL`, `known deviation`, `unexpected pass`, `not run`, `n/a`.
    public var label: String {
        switch self {
        case .pass: return "pass"
        case .fail: return "FAIL"
        case .knownDeviation: return "known deviation"
        case .unexpectedPass: return "unexpected pass"
        case .notRun: return "not run"
        case .notApplicable: return "n/a"
        }
    }

    /// The reason attached to the state, if any.
    public var reason: String? {
        switch self {
        case .pass, .fail: return nil
        case let .knownDeviation(r), let .unexpectedPass(r), let .notRun(r), let .notApplicable(r): return r
        }
    }

    /// Whether this verdict fails a `--check` build (only `.fail`).
    public var failsCheck: Bool { self == .fail }
}

/// One claim with its verdict and the numbers behind it.
public struct ClaimResult: Equatable, Sendable {
    /// The claim checked.
    public var claim: Claim
    /// The verdict.
    public var verdict: Verdict
    /// The reproduced value of the claim's metric, if measured.
    public var value: Estimate?
    /// The value of the other metric of an ordering claim, if measured.
    public var comparedTo: Estimate?
    /// The check with its numbers, e.g. `[3.1, 8.2] ∩ [0, 15] ≠ ∅`, or why it was not made.
    public var detail: String
    /// Whether the raw check passes only because of the tolerance: with a zero tolerance the
    /// reproduced interval would miss the reference. False for checks that failed, were not made,
    /// or carry no tolerance (exact claims, "unstable").
    public var needsTolerance = false

    /// A result from its parts.
    public init(claim: Claim, verdict: Verdict, value: Estimate?, comparedTo: Estimate? = nil, detail: String) {
        self.claim = claim
        self.verdict = verdict
        self.value = value
        self.comparedTo = comparedTo
        self.detail = detail
    }

    /// The reproduced value as the tables show it (`—` when not measured); for exact claims the
    /// point with 10 significant digits.
    public var valueText: String {
        guard let value else { return "—" }
        if case .exact = claim.reference { return NumberFormat.significant(value.mean, digits: 10) }
        return NumberFormat.estimate(value, count: MetricKey.isCount(claim.metric))
    }
}

/// Counts of each verdict state, for summaries and exit codes.
public struct VerdictCounts: Equatable, Sendable {
    /// Claims that passed.
    public var pass = 0
    /// Claims that failed unexpectedly.
    public var fail = 0
    /// Documented known deviations.
    public var knownDeviation = 0
    /// Expected deviations that passed.
    public var unexpectedPass = 0
    /// Claims whose metric was not measured.
    public var notRun = 0
    /// Claims with nothing to check.
    public var notApplicable = 0

    /// Counts the verdicts of `results`.
    public init(_ results: [ClaimResult]) {
        for r in results {
            switch r.verdict {
            case .pass: pass += 1
            case .fail: fail += 1
            case .knownDeviation: knownDeviation += 1
            case .unexpectedPass: unexpectedPass += 1
            case .notRun: notRun += 1
            case .notApplicable: notApplicable += 1
            }
        }
    }

    /// The total number of claims.
    public var total: Int { pass + fail + knownDeviation + unexpectedPass + notRun + notApplicable }

    /// One line, e.g. `12 pass, 1 FAIL, 2 known deviation, 0 unexpected pass, 3 not run, 1 n/a (19 claims)`.
    public var line: String {
        "\(pass) pass, \(fail) FAIL, \(knownDeviation) known deviation, \(unexpectedPass) unexpected pass, "
            + "\(notRun) not run, \(notApplicable) n/a (\(total) claims)"
    }
}
