import XCTest
import FeedFlipCore

/// The optimised kernels of the minibatch engine against their naive references.
final class MinibatchKernelTests: XCTestCase {
    private func randoms(_ n: Int, seed: UInt64, scale: Float = 1) -> [Float] {
        var rng = MinibatchRandom(seed: seed, stream: 99)
        return (0..<n).map { _ in Float(rng.nextNormal()) * scale }
    }

    func testGemmMatchesReferenceForAllTransposes() {
        let (m, n, k) = (7, 5, 9)
        for transA in [false, true] {
            for transB in [false, true] {
                let a = randoms(m * k, seed: 1), b = randoms(k * n, seed: 2)
                var c1 = randoms(m * n, seed: 3), c2 = c1
                let lda = transA ? m : k, ldb = transB ? k : n
                a.withUnsafeBufferPointer { pa in b.withUnsafeBufferPointer { pb in
                    c1.withUnsafeMutableBufferPointer { pc in
                        MinibatchKernels.gemm(transA: transA, transB: transB, m: m, n: n, k: k, alpha: 0.7,
                                              a: pa.baseAddress!, lda: lda, b: pb.baseAddress!, ldb: ldb,
                                              beta: 0.3, c: pc.baseAddress!, ldc: n)
                    }
                    c2.withUnsafeMutableBufferPointer { pc in
                        MinibatchKernels.gemmReference(transA: transA, transB: transB, m: m, n: n, k: k, alpha: 0.7,
                                                       a: pa.baseAddress!, lda: lda, b: pb.baseAddress!, ldb: ldb,
                                                       beta: 0.3, c: pc.baseAddress!, ldc: n)
                    }
                } }
                for i in 0..<(m * n) { XCTAssertEqual(c1[i], c2[i], accuracy: 1e-5, "transA \(transA) transB \(transB) entry \(i)") }
            }
        }
    }

    func testBiasTanhMatchesReference() {
        let (rows, cols) = (13, 37)
        var z1 = randoms(rows * cols, seed: 4, scale: 4) + []
        z1[0] = 0.0001; z1[1] = -12; z1[2] = 30; z1[3] = 0
        var z2 = z1
        let bias = randoms(cols, seed: 5)
        bias.withUnsafeBufferPointer { b in
            z1.withUnsafeMutableBufferPointer { MinibatchKernels.addBiasTanh($0.baseAddress!, bias: b.baseAddress!, rows: rows, cols: cols) }
            z2.withUnsafeMutableBufferPointer { MinibatchKernels.addBiasTanhReference($0.baseAddress!, bias: b.baseAddress!, rows: rows, cols: cols) }
        }
        for i in 0..<(rows * cols) { XCTAssertEqual(z1[i], z2[i], accuracy: 2e-6, "entry \(i)") }
        // Odd symmetry and saturation of the approximation.
        XCTAssertEqual(MinibatchKernels.fastTanh(-0.5), -MinibatchKernels.fastTanh(0.5))
        XCTAssertEqual(MinibatchKernels.fastTanh(50), 1, accuracy: 1e-6)
        XCTAssertEqual(MinibatchKernels.fastTanh(1e-5), 1e-5)
    }

    func testTanhDerivativeMatchesReference() {
        let a = randoms(100, seed: 6).map { MinibatchKernels.fastTanh($0) }
        var d1 = randoms(100, seed: 7), d2 = d1
        a.withUnsafeBufferPointer { pa in
            d1.withUnsafeMutableBufferPointer { MinibatchKernels.multiplyTanhDerivative($0.baseAddress!, activation: pa.baseAddress!, count: 100) }
            d2.withUnsafeMutableBufferPointer { MinibatchKernels.multiplyTanhDerivativeReference($0.baseAddress!, activation: pa.baseAddress!, count: 100) }
        }
        for i in 0..<100 { XCTAssertEqual(d1[i], d2[i], accuracy: 1e-6) }
    }

    func testSoftmaxCrossEntropyMatchesReference() {
        let (rows, classes) = (11, 10)
        var z1 = randoms(rows * classes, seed: 8, scale: 5)
        z1[0] = 80 // large logits must not overflow
        var z2 = z1
        let labels: [Int32] = (0..<rows).map { Int32($0 % classes) }
        let r1 = labels.withUnsafeBufferPointer { l in z1.withUnsafeMutableBufferPointer {
            MinibatchKernels.softmaxCrossEntropy($0.baseAddress!, labels: l.baseAddress!, rows: rows, classes: classes) } }
        let r2 = labels.withUnsafeBufferPointer { l in z2.withUnsafeMutableBufferPointer {
            MinibatchKernels.softmaxCrossEntropyReference($0.baseAddress!, labels: l.baseAddress!, rows: rows, classes: classes) } }
        XCTAssertTrue(r1.lossSum.isFinite)
        XCTAssertEqual(r1.lossSum, r2.lossSum, accuracy: 1e-4 * max(1, r2.lossSum))
        XCTAssertEqual(r1.correct, r2.correct)
        for i in 0..<(rows * classes) { XCTAssertEqual(z1[i], z2[i], accuracy: 1e-6) }
        // Each error row sums to zero (p sums to one, minus the one-hot).
        for i in 0..<rows { XCTAssertEqual(z1[(i * classes)..<((i + 1) * classes)].reduce(0, +), 0, accuracy: 1e-5) }
    }

    func testQuantizers() {
        var x: [Float] = [0.8, -0.8, 0.1, -0.1, 0, 0.5, -2]
        x.withUnsafeMutableBufferPointer { MinibatchQuantizers.fixed($0.baseAddress!, count: $0.count) }
        XCTAssertEqual(x, [1, -1, 1, -1, 0, 1, -1])
        let v: [Float] = [0.8, -0.8, 0.1, -0.1, 0, 0.5, -2]
        var q = [Float](repeating: 9, count: v.count)
        v.withUnsafeBufferPointer { pv in q.withUnsafeMutableBufferPointer {
            MinibatchQuantizers.deterministic(pv.baseAddress!, count: pv.count, threshold: 0.3, into: $0.baseAddress!) } }
        XCTAssertEqual(q, [1, -1, 0, 0, 0, 1, -1])
        let s = v.withUnsafeBufferPointer { MinibatchQuantizers.twnScale($0.baseAddress!, count: $0.count, threshold: 0.3) }
        XCTAssertEqual(s, (0.8 + 0.8 + 0.5 + 2) / 4, accuracy: 1e-6)
        // Qs: entries far beyond the threshold are deterministic; in between, the flip rate
        // follows the dither: P(x + u > t) = x / (2t) for 0 <= x <= 2t.
        var dither = MinibatchDither(seed: 3)
        var y = [Float](repeating: 0.25, count: 20000) + [3, -3]
        y.withUnsafeMutableBufferPointer { MinibatchQuantizers.stochastic($0.baseAddress!, count: $0.count, threshold: 0.5, dither: &dither) }
        XCTAssertEqual(y[20000], 1); XCTAssertEqual(y[20001], -1)
        let ones = y[0..<20000].filter { $0 == 1 }.count
        XCTAssertEqual(Double(ones) / 20000, 0.25, accuracy: 0.015)
        XCTAssertEqual(y[0..<20000].filter { $0 == -1 }.count, 0)
    }

    func testVectorisedReductionsMatchReferences() {
        for n in [0, 1, 15, 16, 17, 5000, 9001] {
            let x = randoms(n, seed: UInt64(n) + 20, scale: 0.3)
            x.withUnsafeBufferPointer { p in
                let b = p.baseAddress ?? UnsafePointer(bitPattern: 16)!
                XCTAssertEqual(MinibatchKernels.meanAbs(b, count: n), MinibatchKernels.meanAbsReference(b, count: n), accuracy: 1e-6, "n \(n)")
                for t: Float in [0, 0.2, 5] {
                    XCTAssertEqual(MinibatchQuantizers.twnScale(b, count: n, threshold: t),
                                   MinibatchQuantizers.twnScaleReference(b, count: n, threshold: t), accuracy: 1e-6, "n \(n) t \(t)")
                }
            }
        }
        // The dither is uniform on [0, 1) in every lane and reproducible from its seed.
        var d1 = MinibatchDither(seed: 9), d2 = MinibatchDither(seed: 9)
        var sum = SIMD8<Float>(), lo = SIMD8<Float>(repeating: 1), hi = SIMD8<Float>()
        for _ in 0..<4000 {
            let u = d1.next()
            XCTAssertEqual(u, d2.next())
            sum += u; lo = pointwiseMin(lo, u); hi = pointwiseMax(hi, u)
        }
        for i in 0..<8 {
            XCTAssertEqual(sum[i] / 4000, 0.5, accuracy: 0.02)
            XCTAssertGreaterThanOrEqual(lo[i], 0); XCTAssertLessThan(hi[i], 1)
        }
    }

    func testOrthoFeedbackHasOrthonormalColumnsAndMatchesHouseholderSemantics() {
        var rng = MinibatchRandom(seed: 1, .feedback)
        let b = MinibatchFeedback.orthoColumns(width: 32, classes: 10, rng: &rng)
        for i in 0..<10 {
            for j in 0..<10 {
                var dot = 0.0
                for r in 0..<32 { dot += Double(b[r * 10 + i]) * Double(b[r * 10 + j]) }
                XCTAssertEqual(dot, i == j ? 1 : 0, accuracy: 1e-5)
            }
        }
        // Q R = A for a small case: Q's first column is ±A's first column normalised, with the
        // LAPACK sign convention (R[0,0] = -sign(A[0,0]) ||A[:,0]||).
        let a: [Double] = [3, 1, 4, 1, 5, 9, 2, 6, 5]
        let q = MinibatchFeedback.householderQ(a, n: 3, columns: 3)
        let norm = (9.0 + 1 + 4).squareRoot() // first column (3, 1, 2)
        XCTAssertEqual(q[0], -3 / norm, accuracy: 1e-12)
        XCTAssertEqual(q[3], -1 / norm, accuracy: 1e-12)
        XCTAssertEqual(q[6], -2 / norm, accuracy: 1e-12)
        // Qᵀ A is upper triangular.
        for i in 0..<3 { for j in 0..<i {
            var s = 0.0
            for r in 0..<3 { s += q[r * 3 + i] * a[r * 3 + j] }
            XCTAssertEqual(s, 0, accuracy: 1e-12)
        } }
    }

    func testCalibrationRecoversAnExactLinearMap() {
        // T = e Bᵀ exactly (rows 40 > classes 4, e full rank): the fit returns B up to the rescale.
        let (rows, width, classes) = (40, 6, 4)
        let bTrue = randoms(width * classes, seed: 11)
        let e = randoms(rows * classes, seed: 12)
        var t = [Float](repeating: 0, count: rows * width)
        for i in 0..<rows { for w in 0..<width {
            var s: Float = 0
            for c in 0..<classes { s += e[i * classes + c] * bTrue[w * classes + c] }
            t[i * width + w] = s
        } }
        let fit = t.withUnsafeBufferPointer { pt in e.withUnsafeBufferPointer { pe in
            MinibatchFeedback.calibrated(t: pt.baseAddress!, e: pe.baseAddress!, rows: rows, width: width,
                                         classes: classes, targetNorm: 2) } }
        guard let b = fit else { return XCTFail("calibration failed") }
        let trueNorm = bTrue.reduce(0.0) { $0 + Double($1 * $1) }.squareRoot()
        for i in 0..<(width * classes) { XCTAssertEqual(Double(b[i]), Double(bTrue[i]) * 2 / trueNorm, accuracy: 1e-4) }
    }

    func testRandomGeneratorIsSeededAndStreamsDiffer() {
        var a = MinibatchRandom(seed: 5, .weights), b = MinibatchRandom(seed: 5, .weights)
        var c = MinibatchRandom(seed: 5, .shuffle), d = MinibatchRandom(seed: 6, .weights)
        let xa = (0..<8).map { _ in a.next() }
        XCTAssertEqual(xa, (0..<8).map { _ in b.next() })
        XCTAssertNotEqual(xa, (0..<8).map { _ in c.next() })
        XCTAssertNotEqual(xa, (0..<8).map { _ in d.next() })
        var g = MinibatchRandom(seed: 1, stream: 7)
        let normals = (0..<20000).map { _ in g.nextNormal() }
        let mean = normals.reduce(0, +) / 20000
        let variance = normals.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / 20000
        XCTAssertEqual(mean, 0, accuracy: 0.03)
        XCTAssertEqual(variance, 1, accuracy: 0.05)
        var order = Array(0..<50)
        g.shuffle(&order)
        XCTAssertEqual(order.sorted(), Array(0..<50))
        XCTAssertNotEqual(order, Array(0..<50))
    }
}
