import FeedFlipReport
import Foundation
import XCTest

final class StatisticsTests: XCTestCase {
    func testStudentTQuantilesMatchTables() {
        // Published two-sided 95% critical values (four decimals) and high-precision values.
        let table: [(Double, Double, Double)] = [
            (1, 12.7062, 12.706204736174707), (2, 4.3027, 4.302652729749464),
            (9, 2.2622, 2.2621571627982053), (29, 2.0452, 2.045229642132703),
        ]
        for (df, rounded, precise) in table {
            let t = StudentT.quantile(0.975, degreesOfFreedom: df)
            XCTAssertEqual(t, rounded, accuracy: 5e-5, "df = \(df)")
            XCTAssertEqual(t, precise, accuracy: 1e-9 * precise, "df = \(df)")
        }
    }

    func testStudentTQuantileClosedForms() {
        for p in [0.6, 0.9, 0.975, 0.995, 0.9995] {
            // df = 1 is Cauchy: tan(π(p − ½)); df = 2: (2p − 1)/sqrt(2p(1 − p)).
            XCTAssertEqual(StudentT.quantile(p, degreesOfFreedom: 1), tan(Double.pi * (p - 0.5)),
                           accuracy: 1e-10 * tan(Double.pi * (p - 0.5)))
            let two = (2 * p - 1) / (2 * p * (1 - p)).squareRoot()
            XCTAssertEqual(StudentT.quantile(p, degreesOfFreedom: 2), two, accuracy: 1e-10 * two)
        }
        // Large df tends to the normal quantile 1.959963984540054.
        XCTAssertEqual(StudentT.quantile(0.975, degreesOfFreedom: 1e7), 1.959963984540054, accuracy: 1e-6)
        XCTAssertEqual(StudentT.quantile(0.025, degreesOfFreedom: 9), -2.2621571627982053, accuracy: 1e-9)
        XCTAssertEqual(StudentT.quantile(0.5, degreesOfFreedom: 3), 0)
        XCTAssertTrue(StudentT.quantile(1, degreesOfFreedom: 3).isNaN)
        XCTAssertTrue(StudentT.quantile(0.9, degreesOfFreedom: 0).isNaN)
    }

    func testStudentTCDFRoundTripsAndIsSymmetric() {
        for df in [1.0, 2.5, 4, 17, 120] {
            for t in [-7.0, -1.3, 0, 0.4, 3.2] {
                let p = StudentT.cdf(t, degreesOfFreedom: df)
                XCTAssertEqual(p + StudentT.cdf(-t, degreesOfFreedom: df), 1, accuracy: 1e-14)
                XCTAssertEqual(StudentT.quantile(p, degreesOfFreedom: df), t, accuracy: 1e-9 * max(1, abs(t)), "df \(df) t \(t)")
            }
        }
    }

    func testEstimateFromSamples() throws {
        let e = try XCTUnwrap(Estimate(samples: [1, 2, 3, 4, 5]))
        XCTAssertEqual(e.mean, 3)
        XCTAssertEqual(e.std, 1.5811388300841898, accuracy: 1e-15)
        // t(0.975, 4) = 2.7764451051977987; half width = t·s/√5.
        let half = 2.7764451051977987 * 1.5811388300841898 / 5.0.squareRoot()
        XCTAssertEqual(e.lower, 3 - half, accuracy: 1e-12)
        XCTAssertEqual(e.upper, 3 + half, accuracy: 1e-12)
        XCTAssertEqual(e.n, 5)
        XCTAssertTrue(e.hasInterval)
    }

    func testSingleRunIsAFlaggedPoint() throws {
        let e = try XCTUnwrap(Estimate(samples: [0.25]))
        XCTAssertEqual(e, Estimate(mean: 0.25, std: 0, lower: 0.25, upper: 0.25, n: 1))
        XCTAssertFalse(e.hasInterval)
        XCTAssertNil(Estimate(samples: []))
        XCTAssertEqual(NumberFormat.estimate(e), "0.2500")
        XCTAssertEqual(NumberFormat.estimate(.point(3), count: true), "3", "a count reads as an integer")
        XCTAssertEqual(NumberFormat.estimate(.point(98)), "98.00", "an integral accuracy of one run keeps its digits")
        XCTAssertTrue(MetricKey.isCount("ts.diverged[+Momentum]"))
        XCTAssertFalse(MetricKey.isCount("tiny.bpc[FeedFlip|d=2]"))
        XCTAssertEqual(NumberFormat.estimate(.point(-0.0)), "0")
        XCTAssertEqual(NumberFormat.estimate(.point(.nan)), "NaN")
    }

    func testRatioOfMeansDeltaMethod() throws {
        // Exactly proportional pairs: the ratio has no uncertainty.
        let b = [1.0, 2, 3, 4]
        let r = try XCTUnwrap(RatioStatistics.ratioOfMeans(numerator: b.map { 2 * $0 }, denominator: b))
        XCTAssertEqual(r.mean, 2)
        XCTAssertEqual(r.lower, 2, accuracy: 1e-12)
        XCTAssertEqual(r.upper, 2, accuracy: 1e-12)
        // Hand-computed paired case: v = [2, 3, 4], b = [1, 1, 2]: v̄ = 3, b̄ = 4/3, R = 2.25,
        // s_v² = 1, s_b² = 1/3, s_vb = 0.5; Var = (1 − 2·2.25·0.5 + 2.25²/3)/(3·16/9) = 0.08203125.
        let p = try XCTUnwrap(RatioStatistics.ratioOfMeans(numerator: [2, 3, 4], denominator: [1, 1, 2]))
        XCTAssertEqual(p.mean, 2.25, accuracy: 1e-15)
        let half = 4.302652729749464 * 0.08203125.squareRoot()
        XCTAssertEqual(p.upper - p.mean, half, accuracy: 1e-12)
        XCTAssertEqual(p.mean - p.lower, half, accuracy: 1e-12)
        // Relative increase in percent is the affine image.
        let pct = try XCTUnwrap(RatioStatistics.relativeIncreasePercent(variant: [2, 3, 4], baseline: [1, 1, 2]))
        XCTAssertEqual(pct.mean, 125, accuracy: 1e-12)
        XCTAssertEqual(pct.upper, 100 * p.upper - 100, accuracy: 1e-10)
    }

    func testPerSeedRatiosAndDifferences() throws {
        let r = try XCTUnwrap(RatioStatistics.perSeedRatios(numerator: [2, 3, 4], denominator: [1, 1, 2]))
        XCTAssertEqual(r.mean, (2 + 3 + 2) / 3, accuracy: 1e-15)
        XCTAssertNil(RatioStatistics.perSeedRatios(numerator: [1], denominator: [1, 2]))
        let d = try XCTUnwrap(RatioStatistics.difference([97, 98, 96], minus: [95, 95, 95]))
        XCTAssertEqual(d, Estimate(samples: [2, 3, 1]))
        // Welch with unequal counts: a = [1, 2, 3], b = [2, 4]: se² = 1/3 + 2/2 = 4/3,
        // df = (4/3)² / ((1/3)²/2 + 1²/1) = 1.6842105263157894.
        let w = try XCTUnwrap(RatioStatistics.difference([1, 2, 3], minus: [2, 4]))
        XCTAssertEqual(w.mean, -1, accuracy: 1e-15)
        let tq = StudentT.quantile(0.975, degreesOfFreedom: 1.6842105263157894)
        XCTAssertEqual(w.upper - w.mean, tq * (4.0 / 3).squareRoot(), accuracy: 1e-10)
    }

    func testNumberFormatting() {
        XCTAssertEqual(NumberFormat.significant(12.3456), "12.35")
        XCTAssertEqual(NumberFormat.significant(0.1320558514171195), "0.1321")
        XCTAssertEqual(NumberFormat.significant(-0.00001234), "-1.234e-05")
        XCTAssertEqual(NumberFormat.significant(-0.00000), "0")
        XCTAssertEqual(NumberFormat.plain(5), "5")
        XCTAssertEqual(NumberFormat.plain(0.25), "0.25")
        XCTAssertEqual(NumberFormat.plain(1e-9), "1e-09")
        XCTAssertEqual(NumberFormat.estimate(Estimate(mean: 7, std: 1, lower: 6, upper: 8, n: 3)),
                       "7.000 [6.000, 8.000], n = 3")
    }
}

final class MetricKeyTests: XCTestCase {
    func testParsesAndPrintsCanonicalKeys() throws {
        let key = try MetricKey.parse("ts.final_mse[Vanilla DFA|d=2|k=3]", variants: ["Vanilla DFA"])
        XCTAssertEqual(key, MetricKey(family: "ts.final_mse", variant: "Vanilla DFA", depth: 2, frequency: 3))
        XCTAssertEqual(key.description, MetricKey.tsFinalMSE("Vanilla DFA", depth: 2, frequency: 3))
        XCTAssertEqual(try MetricKey.parse("ts.rel_mse_pct[\"Vanilla DFA\"]").description, "ts.rel_mse_pct[Vanilla DFA]")
        XCTAssertEqual(try MetricKey.parse("tiny.bigram_bpc").description, MetricKey.tinyBigramBPC)
        XCTAssertEqual(key.benchmark, "ts")
        XCTAssertThrowsError(try MetricKey.parse("ts.final_mse[Vanilla DFA|d=0|k=3]"))
        XCTAssertThrowsError(try MetricKey.parse("ts.committed[d=1|k=1"))
        XCTAssertThrowsError(try MetricKey.parse("tiny.bigram_bpc[Backprop]"))
        XCTAssertEqual(MetricKey.templates.count, MetricKey.families.count)
    }
}
