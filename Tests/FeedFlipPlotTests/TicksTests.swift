import FeedFlipPlot
import XCTest

final class TicksTests: XCTestCase {
    func testNiceStepRoundsUpToOneTwoFive() {
        XCTAssertEqual(NiceStep.atLeast(0.3), NiceStep(mantissa: 5, exponent: -1))
        XCTAssertEqual(NiceStep.atLeast(0.1), NiceStep(mantissa: 1, exponent: -1))
        XCTAssertEqual(NiceStep.atLeast(1.5), NiceStep(mantissa: 2, exponent: 0))
        XCTAssertEqual(NiceStep.atLeast(7), NiceStep(mantissa: 1, exponent: 1))
        XCTAssertEqual(NiceStep.atLeast(2000), NiceStep(mantissa: 2, exponent: 3))
        XCTAssertEqual(NiceStep(mantissa: 1, exponent: -1).multiple(3), 0.3)
    }

    func testLinearUnitRange() {
        let t = Ticks.linear(0, 1)
        XCTAssertEqual(t.values, [0, 0.2, 0.4, 0.6, 0.8, 1.0])
        XCTAssertEqual(t.labels, ["0", "0.2", "0.4", "0.6", "0.8", "1.0"])
        XCTAssertEqual(t.lower, 0)
        XCTAssertEqual(t.upper, 1)
    }

    func testLinearExpandsToNiceEnds() {
        let t = Ticks.linear(0.013, 0.0731)
        XCTAssertLessThanOrEqual(t.lower, 0.013)
        XCTAssertGreaterThanOrEqual(t.upper, 0.0731)
        XCTAssertEqual(t.labels.first, "0")
        XCTAssertEqual(t.labels.last, "0.08")
    }

    func testLabelsNeverShowFloatNoise() {
        var state: UInt64 = 42
        func next() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double(state >> 11) / Double(1 << 53)
        }
        for _ in 0..<2000 {
            let scale = pow(10, Double(Int(next() * 10) - 5))
            let a = (next() - 0.5) * scale, b = a + (0.01 + next()) * scale
            for expand in [true, false] {
                let t = Ticks.linear(a, b, expand: expand)
                XCTAssertEqual(t.values.count, t.labels.count)
                XCTAssertGreaterThanOrEqual(t.values.count, 2, "\(a)...\(b)")
                for (v, label) in zip(t.values, t.labels) {
                    XCTAssertLessThanOrEqual(label.count, 12, "label \(label) for \(v)")
                    let fraction = label.split(separator: ".").dropFirst().first ?? ""
                    XCTAssertLessThanOrEqual(fraction.prefix { $0.isNumber }.count, 6, "label \(label) for \(v)")
                    if label.allSatisfy({ "0123456789.−".contains($0) }) {
                        let parsed = Double(label.replacingOccurrences(of: "−", with: "-"))
                        XCTAssertNotNil(parsed, label)
                        XCTAssertEqual(parsed ?? .nan, v, accuracy: 1e-9 * max(abs(v), scale), label)
                    }
                }
            }
        }
    }

    func testPointThreeIsWrittenPointThree() {
        let t = Ticks.linear(0, 0.6, target: 7)
        XCTAssertTrue(t.labels.contains("0.3"), "\(t.labels)")
        XCTAssertFalse(t.labels.joined().contains("0.30000000000000004"))
        XCTAssertEqual(t.values[3], 0.3)
    }

    func testNegativeLabelsUseMinusSign() {
        let t = Ticks.linear(-1, 1)
        XCTAssertEqual(t.labels.first, "−1.0")
        XCTAssertTrue(t.labels.contains("0"))
    }

    func testHugeAndTinyUsePowersOfTen() {
        let huge = Ticks.linear(0, 3e7)
        XCTAssertTrue(huge.labels.contains { $0.contains("×10⁷") || $0 == "10⁷" }, "\(huge.labels)")
        let tiny = Ticks.linear(0, 4e-5)
        XCTAssertTrue(tiny.labels.contains { $0.contains("10⁻⁵") }, "\(tiny.labels)")
    }

    func testDegenerateRanges() {
        let same = Ticks.linear(5, 5)
        XCTAssertLessThan(same.lower, 5)
        XCTAssertGreaterThan(same.upper, 5)
        XCTAssertGreaterThanOrEqual(same.values.count, 2)
        let zero = Ticks.linear(0, 0)
        XCTAssertLessThan(zero.lower, 0)
        XCTAssertGreaterThan(zero.upper, 0)
        let bad = Ticks.linear(.nan, .infinity)
        XCTAssertEqual(bad.lower, 0)
        XCTAssertEqual(bad.upper, 1)
        let reversed = Ticks.linear(1, 0)
        XCTAssertEqual(reversed.lower, 0)
        XCTAssertEqual(reversed.upper, 1)
    }

    func testLogTicksAtPowersOfTen() {
        let t = Ticks.log(0.001, 10)
        XCTAssertEqual(t.values, [0.001, 0.01, 0.1, 1, 10])
        XCTAssertEqual(t.labels, ["10⁻³", "10⁻²", "10⁻¹", "10⁰", "10¹"])
        XCTAssertTrue(t.minor.contains(0.02))
        XCTAssertTrue(t.minor.contains(5))
        XCTAssertFalse(t.minor.contains(1))
    }

    func testLogManyDecadesThinsMajors() {
        let t = Ticks.log(1e-12, 1e2)
        XCTAssertLessThanOrEqual(t.values.count, 8)
        XCTAssertGreaterThanOrEqual(t.values.count, 3)
        for v in t.values {
            XCTAssertEqual(log10(v), log10(v).rounded(), accuracy: 1e-9)
        }
    }

    func testLogOverTwoDecadesUsesOneTwoFive() {
        let t = Ticks.log(0.06, 3)
        XCTAssertEqual(t.labels, ["0.1", "0.2", "0.5", "1", "2"])
        XCTAssertTrue(t.minor.contains(0.3))
        XCTAssertFalse(t.minor.contains(0.2))
    }

    func testLogWithinOneDecadeUsesOneTwoFive() {
        let t = Ticks.log(0.15, 0.9)
        XCTAssertEqual(t.labels, ["0.2", "0.5"])
        let narrow = Ticks.log(0.21, 0.29)
        XCTAssertGreaterThanOrEqual(narrow.values.count, 2, "\(narrow.labels)")
        XCTAssertTrue(narrow.values.allSatisfy { $0 >= 0.21 && $0 <= 0.29 })
    }

    func testLogBadInputFallsBack() {
        let t = Ticks.log(-1, 0)
        XCTAssertEqual(t.lower, 1)
        XCTAssertEqual(t.upper, 10)
    }

    func testSignificantDigits() {
        XCTAssertEqual(NumberText.significant(0.021041, digits: 3), "0.0210")
        XCTAssertEqual(NumberText.significant(12345, digits: 3), "12300")
        XCTAssertEqual(NumberText.significant(1.234e-5, digits: 3), "1.23e−5")
        XCTAssertEqual(NumberText.significant(9.996, digits: 3), "10.0")
        XCTAssertEqual(NumberText.significant(-0.5, digits: 2), "−0.50")
        XCTAssertEqual(NumberText.significant(.nan), "NaN")
        XCTAssertEqual(NumberText.significant(-.infinity), "−∞")
        XCTAssertEqual(NumberText.significant(0), "0")
    }

    func testSuperscripts() {
        XCTAssertEqual(Ticks.superscript(-12), "⁻¹²")
        XCTAssertEqual(Ticks.powerLabel(3), "10³")
    }
}
