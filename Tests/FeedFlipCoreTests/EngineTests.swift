import FeedFlipCore
import XCTest

final class EngineTests: XCTestCase {
    /// The optimised engine (SIMD, caching) and the naive one agree bit for bit in both modes.
    func testOptimisedEngineMatchesNaiveBitForBit() {
        for mode in RandomMode.allCases {
            for variant in Variant.timeSeries {
                for depth in [1, 2, 4] {
                    let spec = TimeSeriesSpec(variant: variant, depth: depth, frequency: 3, seed: 5,
                                              epochs: 120, mode: mode)
                    let fast = TimeSeriesEngine.run(spec), naive = TimeSeriesEngine.runNaive(spec)
                    XCTAssertEqual(fast.mse.map(\.bitPattern), naive.mse.map(\.bitPattern),
                                   "\(mode) \(variant.name) d\(depth)")
                    XCTAssertEqual(fast.divergedAtEpoch, naive.divergedAtEpoch)
                }
            }
        }
    }

    /// Deeper than the 8 columns of Q: ortho-column feedback wraps around (column l mod 8).
    func testDeepNetworksRunAndAgreeWithNaive() {
        for mode in RandomMode.allCases {
            for variant in Variant.timeSeries {
                let spec = TimeSeriesSpec(variant: variant, depth: 9, frequency: 2, seed: 11,
                                          epochs: 60, mode: mode)
                let fast = TimeSeriesEngine.run(spec), naive = TimeSeriesEngine.runNaive(spec)
                XCTAssertEqual(fast.mse.map(\.bitPattern), naive.mse.map(\.bitPattern), "\(mode) \(variant.name)")
                XCTAssertTrue(fast.divergedAtEpoch == nil && fast.mse.count == 60, "\(mode) \(variant.name)")
            }
        }
    }

    func testRunsAreDeterministicAndModesDiffer() {
        let spec = TimeSeriesSpec(variant: .momentum, depth: 2, frequency: 1, seed: 3, epochs: 60, mode: .fast)
        XCTAssertEqual(TimeSeriesEngine.run(spec), TimeSeriesEngine.run(spec))
        var reference = spec
        reference.mode = .reference
        XCTAssertNotEqual(TimeSeriesEngine.run(spec).mse, TimeSeriesEngine.run(reference).mse)
        XCTAssertNotEqual(TimeSeriesEngine.dataNoise(seed: 3, mode: .fast),
                          TimeSeriesEngine.dataNoise(seed: 3, mode: .reference))
        XCTAssertNotEqual(TimeSeriesEngine.dataNoise(seed: 3, mode: .fast),
                          TimeSeriesEngine.dataNoise(seed: 4, mode: .fast))
    }

    func testRunGridKeepsOrderAndEqualsSingleRuns() {
        let specs = [Variant.backprop, .shadow, .transformerLLM].map {
            TimeSeriesSpec(variant: $0, depth: 2, frequency: 5, seed: 1, epochs: 40, mode: .fast)
        }
        XCTAssertEqual(TimeSeriesEngine.runGrid(specs), specs.map { TimeSeriesEngine.run($0) })
    }

    /// Properties METHODS.md states for the reference: nothing diverges in 300 epochs, and
    /// Ternary static Δ freezes after about one epoch.
    func testKnownPropertiesHoldInBothModes() {
        for mode in RandomMode.allCases {
            for variant in Variant.timeSeries {
                let spec = TimeSeriesSpec(variant: variant, depth: 2, frequency: 1, seed: 0, epochs: 300, mode: mode)
                let r = TimeSeriesEngine.run(spec)
                XCTAssertNil(r.divergedAtEpoch, "\(mode) \(variant.name)")
                XCTAssertEqual(r.mse.count, 300)
                XCTAssertTrue(r.mse.allSatisfy { $0.isFinite && $0 >= 0 })
            }
            let frozen = TimeSeriesEngine.run(TimeSeriesSpec(variant: .ternaryStatic, depth: 2, frequency: 1,
                                                             seed: 0, epochs: 300, mode: mode)).mse
            XCTAssertEqual(Set(frozen.dropFirst(3)).count, 1, "\(mode): static Δ should freeze")
        }
    }

    /// A loss that is not finite stops the run and is reported, never recorded.
    func testNonFiniteLossStopsTheRun() {
        var noise = TimeSeriesEngine.dataNoise(seed: 0, mode: .fast)
        noise[17] = .nan
        for variant in Variant.timeSeries {
            let spec = TimeSeriesSpec(variant: variant, depth: 2, frequency: 1, seed: 0, epochs: 10, mode: .fast)
            let r = TimeSeriesEngine.run(spec, noise: noise)
            XCTAssertEqual(r.divergedAtEpoch, 0, variant.name)
            XCTAssertEqual(r.mse, [])
            XCTAssertEqual(TimeSeriesEngine.runNaive(spec, noise: noise), r)
        }
    }

    func testEpochCountAndEmptyRun() {
        let spec = TimeSeriesSpec(variant: .vanillaDFA, depth: 1, frequency: 1, seed: 0, epochs: 0, mode: .fast)
        let r = TimeSeriesEngine.run(spec)
        XCTAssertEqual(r.mse, [])
        XCTAssertTrue(r.finalMSE.isNaN)
    }

    func testQuantizers() {
        XCTAssertEqual([-2.0, -1e-300, 0, 1e-300, 0.4].map(TernaryQuantizer.fixed), [-1, -1, 0, 1, 1])
        XCTAssertTrue(TernaryQuantizer.fixed(.nan).isNaN)
        // v + u compared strictly with ±t.
        XCTAssertEqual(TernaryQuantizer.stochastic(0.5, threshold: 0.5, dither: 0.0), 0)
        XCTAssertEqual(TernaryQuantizer.stochastic(0.5, threshold: 0.5, dither: 0.25), 1)
        XCTAssertEqual(TernaryQuantizer.stochastic(-0.5, threshold: 0.5, dither: -0.25), -1)
        XCTAssertEqual(TernaryQuantizer.stochastic(1, threshold: 0, dither: 0), 1)
        XCTAssertEqual(TernaryQuantizer.stochastic(0, threshold: 0, dither: 0), 0)
        XCTAssertEqual(TernaryQuantizer.adaptiveThreshold([1, -1, 0, 0, 1, 0, 0, -1]), 0.7 * 0.5)
        // NumPy's pairwise order for 10 values: eight accumulators in a tree, then the rest in
        // turn. np.mean(np.abs(np.arange(10) * 0.1 - 0.45)) * 0.7 == 0.17500000000000002.
        let w = (0..<10).map { Double($0) * 0.1 - 0.45 }
        let r = w.map(abs)
        let pairwise = ((((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]))) + r[8]) + r[9]
        XCTAssertEqual(TernaryQuantizer.adaptiveThreshold(w), 0.7 * (pairwise / 10))
        XCTAssertEqual(TernaryQuantizer.adaptiveThreshold(w), 0.17500000000000002)
    }
}
