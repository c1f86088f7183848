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

    /// `np.tanh` outputs recorded with NumPy 2.4.6 on x86-64 (AVX-512): (x, tanh x) bit patterns,
    /// one per interval of NumPy's table plus signs, tiny and huge arguments. 0.7 is one where
    /// NumPy and glibc differ.
    func testNumPyTanhReproducesNumPy() {
        let known: [(UInt64, UInt64)] = [
            (0x0000000000000000, 0x0000000000000000), (0x8000000000000000, 0x8000000000000000),
            (0x01A56E1FC2F8F359, 0x01A56E1FC2F8F359), (0x3FB999999999999A, 0x3FB983D7795F413A),
            (0xBFC8000000000000, 0xBFC7B8FF903BF776), (0x3FD0000000000000, 0x3FCF597EA69A1C86),
            (0x3FD3333333333333, 0x3FD2A4DDA7D914FA), (0x3FE6666666666666, 0x3FE356FB17AF2E90),
            (0xBFF4CCCCCCCCCCCD, 0xBFEB933C726E9B3A), (0x4004000000000000, 0x3FEF9258260A71C2),
            (0x4014000000000000, 0x3FEFFF419668DF11), (0xC023800000000000, 0xBFEFFFFFFC59E429),
            (0x4030000000000000, 0x3FEFFFFFFFFFFF1C), (0x4033000000000000, 0x3FF0000000000000),
            (0x4037E66666666666, 0x3FF0000000000000), (0x4038000000000000, 0x3FF0000000000000),
            (0xFFE1CCF385EBC8A0, 0xBFF0000000000000), (0x7FF0000000000000, 0x3FF0000000000000),
        ]
        for (x, t) in known {
            let ours = NumPyTanh.tanh(Double(bitPattern: x))
            XCTAssertEqual(ours.bitPattern, t, "np.tanh(\(Double(bitPattern: x)))")
        }
        XCTAssertNotEqual(NumPyTanh.tanh(0.7), tanh(0.7), "NumPy's kernel is not glibc's")
        XCTAssertTrue(NumPyTanh.tanh(.nan).isNaN)
        XCTAssertEqual(NumPyTanh.tanh(-.infinity), -1)
    }
}
