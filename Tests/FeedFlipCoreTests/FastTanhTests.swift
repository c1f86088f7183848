import FeedFlipCore
import Foundation
import XCTest

final class FastTanhTests: XCTestCase {
    /// Distance in units in the last place between two finite doubles of the same sign.
    func ulps(_ a: Double, _ b: Double) -> UInt64 {
        if a == b { return 0 }
        let x = Int64(bitPattern: a.bitPattern), y = Int64(bitPattern: b.bitPattern)
        return x > y ? UInt64(x - y) : UInt64(y - x)
    }

    func testAgreesWithLibMWithinFourUlp() {
        var values: [Double] = []
        var g = Xoshiro256StarStar(rawSeed: 7)
        for _ in 0..<200_000 { values.append(g.uniform(-1, 1) * 25) }
        for _ in 0..<100_000 { values.append(g.uniform(-1, 1) * 1e-3) }
        for e in -40...5 { values.append(pow(2.0, Double(e))); values.append(-pow(2.0, Double(e))) }
        values += [0.0, 19.06, 20, 20.0000001, 40, 1e300, 5e-324]
        var fast = values
        FastTanh.apply(to: &fast)
        var worst: UInt64 = 0, differing = 0
        for (x, t) in zip(values, fast) {
            let u = ulps(t, tanh(x))
            worst = max(worst, u)
            if u > 0 { differing += 1 }
            XCTAssertEqual(t.sign, x.sign, "sign of tanh(\(x))")
        }
        print("fast tanh vs libm: worst \(worst) ulp, \(differing) of \(values.count) differ")
        XCTAssertLessThanOrEqual(worst, 4)
        XCTAssertGreaterThan(differing, 0, "the fast kernel is expected to differ in last bits somewhere")
    }

    func testSpecialValues() {
        var v: [Double] = [.infinity, -.infinity, .nan, -0.0, 0.0, 1, 2, 3, 4, 5, 6, 7]
        FastTanh.apply(to: &v)
        XCTAssertEqual(v[0], 1)
        XCTAssertEqual(v[1], -1)
        XCTAssertTrue(v[2].isNaN)
        XCTAssertEqual(v[3].bitPattern, (-0.0).bitPattern)
        XCTAssertEqual(v[4].bitPattern, (0.0).bitPattern)
        XCTAssertEqual(v[5], tanh(1.0), accuracy: 4e-16)
    }
}
