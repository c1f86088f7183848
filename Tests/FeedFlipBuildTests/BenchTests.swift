import XCTest
import Foundation
import FeedFlipCore
import FeedFlipBuild

final class BenchTests: XCTestCase {
    /// A tiny benchmark: every shape and variant appears with finite, positive rates.
    func testSmallBenchReportsEveryShapeAndVariant() {
        var o = BenchOptions()
        o.depth = 1; o.width = 16; o.inputDim = 20; o.classes = 4; o.batchSize = 8; o.examples = 64
        o.variants = [.backprop, .vanillaDFA, .momentum, .ternaryAdaptiveOrthoCal]
        o.threadCounts = [1]
        o.gemmSeconds = 0.005
        let r = Bench.run(o)
        // depth 1: forward and weight gradient for 2 layers, 1 backprop delta, the feedback product.
        XCTAssertEqual(r.gemm.count, 6)
        XCTAssertEqual(r.variants.map(\.variant), o.variants.map(\.name))
        for v in r.variants {
            XCTAssertGreaterThan(v.samplesPerSecond, 0)
            XCTAssertTrue(v.achievedGFLOPS.isFinite && v.sgemmGFLOPS.isFinite && v.fractionOfSgemm > 0, v.variant)
        }
        // Flop counts: Backprop = forward + gradient (2 · 2·(20·16 + 16·4)) + backprop delta 2·16·4.
        XCTAssertEqual(r.variants[0].flopPerSample, 4 * Double(20 * 16 + 16 * 4) + 2 * 16 * 4)
        // Vanilla DFA replaces the backprop delta by e Bᵀ (2·4·16); +Momentum adds a gradient of layer 0.
        XCTAssertEqual(r.variants[1].flopPerSample, 4 * Double(20 * 16 + 16 * 4) + 2 * 4 * 16)
        XCTAssertEqual(r.variants[2].flopPerSample, r.variants[1].flopPerSample + 2 * 20 * 16)
        XCTAssertTrue(r.text.contains("| Backprop | 1 |"), r.text)
        XCTAssertTrue(r.text.contains("forward L0"))
    }

    /// The full benchmark at the MNIST shapes; only with `FEEDFLIP_BENCH=1` (prints the tables).
    func testFullBenchPrints() throws {
        guard ProcessInfo.processInfo.environment["FEEDFLIP_BENCH"] == "1" else { throw XCTSkip("set FEEDFLIP_BENCH=1") }
        print(Bench.run().text)
    }
}
