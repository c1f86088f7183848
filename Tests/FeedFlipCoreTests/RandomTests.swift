import FeedFlipCore
import XCTest

final class RandomTests: XCTestCase {
    func testMT19937RawWordsMatchNumPy() throws {
        for seed in Golden.seeds {
            let golden = try Golden.uint32("numpy-random/legacy-seed\(seed)-mt19937-raw32-1000.npy")
            XCTAssertEqual(golden.shape, [1000])
            var mt = MT19937(seed: UInt32(seed))
            let ours = (0..<1000).map { _ in mt.next() }
            XCTAssertEqual(ours, golden.values, "seed \(seed)")
        }
    }

    func testLegacySequenceMatchesNumPyBitForBit() throws {
        for seed in Golden.seeds {
            let golden = try Golden.float64("numpy-random/legacy-seed\(seed)-sequence.npy").values
            XCTAssertEqual(golden.count, 1001 + 1000 + 1000 + 64 + 64)
            var rs = LegacyRandomState(seed: UInt32(seed))
            var ours: [Double] = []
            for _ in 0..<1001 { ours.append(rs.standardNormal()) }
            XCTAssertNotNil(rs.cachedGauss, "an odd count leaves a cached normal")
            for _ in 0..<1000 { ours.append(rs.choiceTernary()) }
            for _ in 0..<1000 { ours.append(rs.uniform(-0.3, 0.3)) }
            for _ in 0..<64 { ours.append(rs.standardNormal()) }
            for i in 0..<(ours.count) where ours[i] != golden[i] {
                XCTFail("seed \(seed): value \(i) is \(ours[i]), NumPy gives \(golden[i])")
                break
            }
        }
    }

    func testDefaultRNGNormalsMatchNumPyExactly() throws {
        for seed in Golden.seeds {
            let golden = try Golden.float64("numpy-random/default_rng-seed\(seed)-standard_normal-10000.npy").values
            var g = DefaultRNG(seed: UInt64(seed))
            let ours = g.standardNormal(count: 10_000)
            var mismatches = 0
            for i in 0..<10_000 where ours[i] != golden[i] { mismatches += 1 }
            XCTAssertEqual(mismatches, 0, "seed \(seed)")
        }
    }

    func testDataNoiseIsTheDefaultRNGStream() throws {
        for seed in 0..<3 {
            XCTAssertEqual(TimeSeriesEngine.dataNoise(seed: seed, mode: .reference), try Golden.noise(seed: seed))
        }
    }

    func testHouseholderQRMatchesNumPy() throws {
        for seed in Golden.seeds {
            let golden = try Golden.float64("numpy-random/legacy-seed\(seed)-sequence.npy").values
            let a = Array(golden[3001..<3065]), qNumPy = Array(golden[3065..<3129])
            let q = HouseholderQR.q(a, n: 8)
            for i in 0..<64 {
                XCTAssertTrue(relativelyClose(q[i], qNumPy[i], 1e-12),
                              "seed \(seed) Q[\(i / 8)][\(i % 8)]: \(q[i]) vs \(qNumPy[i])")
            }
            #if arch(x86_64)
            XCTAssertEqual(q.map(\.bitPattern), qNumPy.map(\.bitPattern), "seed \(seed): Q bit for bit")
            #endif
        }
    }
}
