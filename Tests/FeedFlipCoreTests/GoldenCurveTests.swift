import FeedFlipCore
import XCTest

/// Differential tests against the original NumPy implementation (../shared/golden).
final class GoldenCurveTests: XCTestCase {
    /// Every curve of every variant, depth and frequency for seeds 0-2 (reference mode, golden
    /// noise) within |a - b| <= 1e-9 max(|a|, |b|) + 1e-300; a failure names each run and its
    /// first differing epoch. On x86-64 it also requires every run to be bit-identical (the
    /// reference mode reproduces NumPy's generators, tanh, summation orders and QR exactly).
    func testEveryCurveMatchesTheOriginal() throws {
        let depths = [1, 2, 4], freqs = [1, 3, 5], epochs = 300
        var failures: [String] = []
        var worst = 0.0
        var identical = 0, total = 0, identicalRuns = 0
        var differing: [String: [String]] = [:]
        for seed in 0..<3 {
            let golden = try Golden.float64("upstream-timeseries/curves-seed\(seed).npy")
            XCTAssertEqual(golden.shape, [10, 3, 3, 300])
            let noise = try Golden.noise(seed: seed)
            for (vi, variant) in Variant.timeSeries.enumerated() {
                for (di, depth) in depths.enumerated() {
                    for (fi, k) in freqs.enumerated() {
                        let spec = TimeSeriesSpec(variant: variant, depth: depth, frequency: k,
                                                  seed: seed, epochs: epochs, mode: .reference)
                        let ours = TimeSeriesEngine.run(spec, noise: noise).mse
                        let base = ((vi * 3 + di) * 3 + fi) * epochs
                        let ref = Array(golden.values[base..<(base + epochs)])
                        var firstBad: Int?
                        let same = zip(ours, ref).filter { $0.bitPattern == $1.bitPattern }.count
                        identical += same
                        total += epochs
                        if same == epochs { identicalRuns += 1 } else { differing[variant.name, default: []].append("d\(depth)k\(k)s\(seed)@\((0..<epochs).first { e in e >= ours.count || ours[e].bitPattern != ref[e].bitPattern } ?? -1)") }
                        for e in 0..<epochs {
                            let r = e < ours.count ? ours[e] : .nan
                            if r.isFinite && ref[e].isFinite {
                                worst = max(worst, abs(r - ref[e]) / max(abs(ref[e]), 1e-300))
                            }
                            if !relativelyClose(r, ref[e], 1e-9), firstBad == nil { firstBad = e }
                        }
                        if let e = firstBad {
                            failures.append("\(variant.name) d\(depth) k\(k) seed\(seed): epoch \(e) \(e < ours.count ? ours[e] : .nan) vs \(ref[e])")
                        }
                    }
                }
            }
        }
        print("golden curves: worst relative difference \(worst); \(identical) of \(total) values and "
              + "\(identicalRuns) of 270 runs bit-identical")
        for (name, runs) in differing.sorted(by: { $0.key < $1.key }) {
            print("  not bit-identical: \(name): \(runs.joined(separator: " "))")
        }
        XCTAssertTrue(failures.isEmpty, "\(failures.count) runs differ:\n" + failures.joined(separator: "\n"))
        #if arch(x86_64)
        XCTAssertEqual(identicalRuns, 270, "runs not bit-identical: \(differing)")
        #endif
    }

    /// With its own data noise the reference mode reproduces the original's committed table
    /// (Backprop, 500 epochs, seed 0, depths 1 2, frequencies 1 3) within 1e-12 relative.
    func testReferenceModeReproducesTheCommittedTable() {
        let expected: [[Double]] = [[0.1320558514171195, 0.49357554517092084],
                                    [0.12241912863488302, 0.4883272453502001]]
        for (i, depth) in [1, 2].enumerated() {
            for (j, k) in [1, 3].enumerated() {
                let spec = TimeSeriesSpec(variant: .backprop, depth: depth, frequency: k,
                                          seed: 0, epochs: 500, mode: .reference)
                let result = TimeSeriesEngine.run(spec)
                XCTAssertEqual(result.mse.count, 500)
                XCTAssertTrue(relativelyClose(result.finalMSE, expected[i][j], 1e-12),
                              "d\(depth) k\(k): \(result.finalMSE) vs \(expected[i][j])")
                #if arch(x86_64)
                XCTAssertEqual(result.finalMSE, expected[i][j], "bit for bit")
                #endif
            }
        }
    }
}
