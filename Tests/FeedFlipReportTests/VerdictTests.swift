import FeedFlipReport
import XCTest

final class VerdictTests: XCTestCase {
    private func claim(_ reference: Reference, metric: String = "ts.rel_mse_pct[Vanilla DFA]",
                       tolerance: Tolerance = .paperDefault, expect: Expectation? = nil) -> Claim {
        Claim(id: "c", statement: "s", source: "src", interpretation: "i", metric: metric,
              reference: reference, tolerance: tolerance, expectation: expect)
    }

    private func verdict(_ c: Claim, _ lo: Double, _ hi: Double, extra: [String: Estimate] = [:]) -> Verdict {
        var estimates = extra
        estimates[c.metric] = Estimate(mean: (lo + hi) / 2, std: 1, lower: lo, upper: hi, n: 10)
        return Verdicts.evaluate(c, metrics: MetricTable(estimates: estimates)).verdict
    }

    func testToleranceIsTheLargerOfAbsoluteAndRelative() {
        XCTAssertEqual(Tolerance.paperDefault.allowance(at: 10), 5)
        XCTAssertEqual(Tolerance.paperDefault.allowance(at: 20), 5)
        XCTAssertEqual(Tolerance.paperDefault.allowance(at: 30), 7.5)
        XCTAssertEqual(Tolerance.paperDefault.allowance(at: -400), 100)
        XCTAssertEqual(Tolerance.paperDefault.formula, "max(5, 0.25·|ref|)")
    }

    private func result(_ c: Claim, _ lo: Double, _ hi: Double) -> ClaimResult {
        Verdicts.evaluate(c, metrics: MetricTable(estimates: [
            c.metric: Estimate(mean: (lo + hi) / 2, std: 1, lower: lo, upper: hi, n: 10)]))
    }

    func testNeedsToleranceMarksPassesThatMissTheUnwidenedReference() {
        // Range [5, 10]: [6, 8] meets it; [-2, 1.7] meets only [0, 15]; [20, 30] fails.
        let range = claim(.range(5, 10))
        XCTAssertEqual(result(range, 6, 8).verdict, .pass)
        XCTAssertFalse(result(range, 6, 8).needsTolerance)
        XCTAssertEqual(result(range, -2, 1.7).verdict, .pass)
        XCTAssertTrue(result(range, -2, 1.7).needsTolerance)
        XCTAssertEqual(result(range, 10, 12).verdict, .pass)
        XCTAssertFalse(result(range, 10, 12).needsTolerance, "the boundary itself is met")
        XCTAssertEqual(result(range, 20, 30).verdict, .fail)
        XCTAssertFalse(result(range, 20, 30).needsTolerance, "a failed check needs nothing")
        // Point 5: [7.8, 27.8] misses 5 and meets [0, 10].
        let point = claim(.point(5))
        XCTAssertTrue(result(point, 7.8, 27.8).needsTolerance)
        XCTAssertFalse(result(point, 4, 27.8).needsTolerance)
        // At most 1.5 with no tolerance of its own: never needs one.
        let bound = claim(.atMost(1.5), tolerance: .zero)
        XCTAssertEqual(result(bound, 0.2, 0.5).verdict, .pass)
        XCTAssertFalse(result(bound, 0.2, 0.5).needsTolerance)
        // An expected deviation that passes through the tolerance keeps the flag.
        let expected = claim(.point(5), expect: .deviation(reason: "r"))
        XCTAssertEqual(result(expected, 7.8, 27.8).verdict, .unexpectedPass(reason: "r"))
        XCTAssertTrue(result(expected, 7.8, 27.8).needsTolerance)
    }

    func testPointBoundaries() {
        // ref 30, tol 7.5: the widened point is [22.5, 37.5]; both ends are exact in binary.
        let c = claim(.point(30))
        XCTAssertEqual(verdict(c, 37.5, 40), .pass)
        XCTAssertEqual(verdict(c, 37.5.nextUp, 40), .fail)
        XCTAssertEqual(verdict(c, 10, 22.5), .pass)
        XCTAssertEqual(verdict(c, 10, 22.5.nextDown), .fail)
        XCTAssertEqual(verdict(c, 0, 100), .pass)
        XCTAssertTrue(c.criterion.contains("tol = max(5, 0.25·|ref|) = 7.5"), c.criterion)
    }

    func testRangeBoundaries() {
        // [5, 10] widened by tol(5) = 5 and tol(10) = 5: [0, 15].
        let c = claim(.range(5, 10))
        XCTAssertEqual(verdict(c, 15, 20), .pass)
        XCTAssertEqual(verdict(c, 15.nextUp, 20), .fail)
        XCTAssertEqual(verdict(c, -3, 0), .pass)
        XCTAssertEqual(verdict(c, -3, 0.0.nextDown), .fail)
        // [100, 200] widened by tol(100) = 25 and tol(200) = 50: [75, 250].
        let wide = claim(.range(100, 200))
        XCTAssertEqual(verdict(wide, 250, 300), .pass)
        XCTAssertEqual(verdict(wide, 250.nextUp, 300), .fail)
        XCTAssertEqual(verdict(wide, 0, 75), .pass)
        XCTAssertEqual(verdict(wide, 0, 75.nextDown), .fail)
    }

    func testBoundsAndOwnTolerance() {
        let atMost = claim(.atMost(1.5), tolerance: .zero)
        XCTAssertEqual(verdict(atMost, 1.5, 3), .pass)
        XCTAssertEqual(verdict(atMost, 1.5.nextUp, 3), .fail)
        let atLeast = claim(.atLeast(80))  // tol 20: pass iff hi ≥ 60
        XCTAssertEqual(verdict(atLeast, 50, 60), .pass)
        XCTAssertEqual(verdict(atLeast, 50, 60.nextDown), .fail)
    }

    func testExactRelativeTolerance() {
        let ref = 0.5
        let c = claim(.exact(ref, relativeTolerance: 0.25), metric: "ts.committed[d=1|k=1]")
        func v(_ x: Double) -> Verdict {
            Verdicts.evaluate(c, metrics: MetricTable(estimates: [c.metric: .point(x)])).verdict
        }
        XCTAssertEqual(v(0.625), .pass)   // |0.625 − 0.5| = 0.125 = 0.25·0.5 exactly
        XCTAssertEqual(v(0.625.nextUp), .fail)
        XCTAssertEqual(v(0.375), .pass)
        XCTAssertEqual(v(0.375.nextDown), .fail)
        let tight = claim(.exact(0.1320558514171195, relativeTolerance: 1e-9), metric: "ts.committed[d=1|k=1]")
        let ok = Verdicts.evaluate(tight, metrics: MetricTable(estimates: [tight.metric: .point(0.1320558514171195 * (1 + 5e-10))]))
        XCTAssertEqual(ok.verdict, .pass)
        let off = Verdicts.evaluate(tight, metrics: MetricTable(estimates: [tight.metric: .point(0.1320558514171195 * (1 + 2e-9))]))
        XCTAssertEqual(off.verdict, .fail)
    }

    func testOrderings() {
        let below = claim(.below(metric: "tiny.bigram_bpc"), metric: "tiny.bpc[Backprop|d=2]", tolerance: .zero)
        let bigram = ["tiny.bigram_bpc": Estimate.point(3)]
        XCTAssertEqual(verdict(below, 2.5, 2.9, extra: bigram), .pass)
        XCTAssertEqual(verdict(below, 3, 3.2, extra: bigram), .fail)  // strict: lo = 3 is not < 3
        XCTAssertEqual(verdict(below, 2.5, 2.9), .notRun(reason: "metric tiny.bigram_bpc was not produced by this build"))
        let above = claim(.above(metric: "mnist.test_accuracy[Vanilla DFA|d=2]"), metric: "mnist.test_accuracy[FeedFlip|d=2]",
                          tolerance: Tolerance(absolute: 2, relative: 0))
        let dfa = ["mnist.test_accuracy[Vanilla DFA|d=2]": Estimate(mean: 96, std: 1, lower: 95, upper: 97, n: 5)]
        XCTAssertEqual(verdict(above, 92, 93.5, extra: dfa), .pass)   // 93.5 > 95 − 2
        XCTAssertEqual(verdict(above, 92, 93, extra: dfa), .fail)     // 93 is not > 93
    }

    func testEveryVerdictState() {
        let reason = "the port uses the published noise level"
        XCTAssertEqual(verdict(claim(.point(30)), 29, 31), .pass)
        XCTAssertEqual(verdict(claim(.point(30)), 60, 70), .fail)
        XCTAssertEqual(verdict(claim(.point(30), expect: .deviation(reason: reason)), 60, 70),
                       .knownDeviation(reason: reason))
        XCTAssertEqual(verdict(claim(.point(30), expect: .deviation(reason: reason)), 29, 31),
                       .unexpectedPass(reason: reason))
        let missing = Verdicts.evaluate(claim(.point(30), metric: "mnist.acc_drop_pp[+Shadow|d=2]"),
                                        metrics: MetricTable(notRunReasons: ["mnist": "benchmark mnist is not in profile smoke"]))
        XCTAssertEqual(missing.verdict, .notRun(reason: "benchmark mnist is not in profile smoke"))
        XCTAssertNil(missing.value)
        let tbd = Verdicts.evaluate(claim(.notApplicable(reason: "TBD")), metrics: MetricTable())
        XCTAssertEqual(tbd.verdict, .notApplicable(reason: "TBD"))
        // An expected deviation that is not run stays not run.
        let notRun = Verdicts.evaluate(claim(.point(1), expect: .deviation(reason: reason)), metrics: MetricTable())
        XCTAssertEqual(notRun.verdict.label, "not run")
        // A diverged (NaN) value fails rather than disappearing.
        let nan = Verdicts.evaluate(claim(.point(1)), metrics: MetricTable(estimates: [
            "ts.rel_mse_pct[Vanilla DFA]": .point(.nan)]))
        XCTAssertEqual(nan.verdict, .fail)
        XCTAssertTrue(Verdict.fail.failsCheck)
        XCTAssertFalse(Verdict.knownDeviation(reason: reason).failsCheck)
        XCTAssertFalse(Verdict.unexpectedPass(reason: reason).failsCheck)
    }

    func testUnstable() {
        let c = claim(.unstable, metric: "ts.seed_spread[+Momentum]")
        func v(_ e: [String: Estimate]) -> Verdict { Verdicts.evaluate(c, metrics: MetricTable(estimates: e)).verdict }
        // Largest spread passes (ties count as largest), a smaller one fails unless a run diverged.
        XCTAssertEqual(v(["ts.seed_spread[+Momentum]": .point(0.3), "ts.seed_spread[Backprop]": .point(0.2)]), .pass)
        XCTAssertEqual(v(["ts.seed_spread[+Momentum]": .point(0.3), "ts.seed_spread[Backprop]": .point(0.3)]), .pass)
        XCTAssertEqual(v(["ts.seed_spread[+Momentum]": .point(0.1), "ts.seed_spread[Backprop]": .point(0.2)]), .fail)
        XCTAssertEqual(v(["ts.seed_spread[+Momentum]": .point(0.1), "ts.seed_spread[Backprop]": .point(0.2),
                          "ts.diverged[+Momentum]": .point(1)]), .pass)
        XCTAssertEqual(v(["ts.seed_spread[+Momentum]": .point(0.1), "ts.seed_spread[Backprop]": .point(0.2),
                          "ts.diverged[+Momentum]": .point(0)]), .fail)
        // The spread may come from ts.grid_mse's std or from per-seed samples instead.
        XCTAssertEqual(v(["ts.grid_mse[+Momentum]": Estimate(mean: 1, std: 0.5, lower: 0, upper: 2, n: 10),
                          "ts.grid_mse[Backprop]": Estimate(mean: 1, std: 0.1, lower: 0.9, upper: 1.1, n: 10)]), .pass)
        let samples = MetricTable(samples: ["ts.grid_mse[+Momentum]": [1, 1, 1], "ts.grid_mse[Backprop]": [1, 2, 3]])
        XCTAssertEqual(Verdicts.evaluate(c, metrics: samples).verdict, .fail)
        XCTAssertEqual(v([:]).label, "not run")
    }

    func testCountsAndLine() {
        let c = claim(.point(30))
        let results = [
            ClaimResult(claim: c, verdict: .pass, value: nil, detail: ""),
            ClaimResult(claim: c, verdict: .fail, value: nil, detail: ""),
            ClaimResult(claim: c, verdict: .notRun(reason: "r"), value: nil, detail: ""),
        ]
        let counts = VerdictCounts(results)
        XCTAssertEqual(counts.total, 3)
        XCTAssertEqual(counts.line, "1 pass, 1 FAIL, 0 known deviation, 0 unexpected pass, 1 not run, 0 n/a (3 claims)")
    }
}
