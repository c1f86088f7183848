import CBLAS
import Foundation

/// The minibatch engine's kernels on row-major Float32 buffers, each with a naive reference
/// (`...Reference`) that the tests compare against. Matrices are row-major; `(r, c)` gives shapes.
public enum MinibatchKernels {
    /// `c = alpha · op(a) · op(b) + beta · c` by `cblas_sgemm`; op(a) is (m, k), op(b) is (k, n),
    /// c is (m, n); `lda`, `ldb`, `ldc` are the row strides of the stored matrices.
    @inline(__always)
    public static func gemm(transA: Bool, transB: Bool, m: Int, n: Int, k: Int, alpha: Float,
                            a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
                            beta: Float, c: UnsafeMutablePointer<Float>, ldc: Int) {
        cblas_sgemm(CblasRowMajor, transA ? CblasTrans : CblasNoTrans, transB ? CblasTrans : CblasNoTrans,
                    Int32(m), Int32(n), Int32(k), alpha, a, Int32(lda), b, Int32(ldb), beta, c, Int32(ldc))
    }

    /// Naive triple loop with Double accumulation; the reference for `gemm`.
    public static func gemmReference(transA: Bool, transB: Bool, m: Int, n: Int, k: Int, alpha: Float,
                                     a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
                                     beta: Float, c: UnsafeMutablePointer<Float>, ldc: Int) {
        for i in 0..<m {
            for j in 0..<n {
                var s = 0.0
                for p in 0..<k {
                    let x = transA ? a[p * lda + i] : a[i * lda + p]
                    let y = transB ? b[j * ldb + p] : b[p * ldb + j]
                    s += Double(x) * Double(y)
                }
                let old = beta == 0 ? 0 : Double(beta) * Double(c[i * ldc + j])
                c[i * ldc + j] = Float(Double(alpha) * s + old)
            }
        }
    }

    /// tanh(x) as a rational function (Eigen's float approximation: max error about 1e-7 absolute),
    /// written so the compiler vectorises the loops that call it.
    @inline(__always)
    public static func fastTanh(_ x0: Float) -> Float {
        let x = Swift.min(Swift.max(x0, -7.9053111076354980), 7.9053111076354980)
        let x2 = x * x
        var p: Float = -2.76076847742355e-16
        p = p * x2 + 2.00018790482477e-13
        p = p * x2 + -8.60467152213735e-11
        p = p * x2 + 5.12229709037114e-08
        p = p * x2 + 1.48572235717979e-05
        p = p * x2 + 6.37261928875436e-04
        p = p * x2 + 4.89352455891786e-03
        p = p * x
        var q: Float = 1.19825839466702e-06
        q = q * x2 + 1.18534705686654e-04
        q = q * x2 + 2.26843463243900e-03
        q = q * x2 + 4.89352518554385e-03
        let r = p / q
        return Swift.abs(x0) < 0.0004 ? x0 : r
    }

    /// In place: `z[i, j] = tanh(z[i, j] + bias[j])`; z is (rows, cols).
    public static func addBiasTanh(_ z: UnsafeMutablePointer<Float>, bias: UnsafePointer<Float>, rows: Int, cols: Int) {
        for i in 0..<rows {
            let row = z + i * cols
            for j in 0..<cols { row[j] = fastTanh(row[j] + bias[j]) }
        }
    }

    /// Reference for `addBiasTanh` using Foundation's `tanh` in Double.
    public static func addBiasTanhReference(_ z: UnsafeMutablePointer<Float>, bias: UnsafePointer<Float>, rows: Int, cols: Int) {
        for i in 0..<rows { for j in 0..<cols { z[i * cols + j] = Float(tanh(Double(z[i * cols + j]) + Double(bias[j]))) } }
    }

    /// In place: `z[i, j] += bias[j]`; z is (rows, cols).
    public static func addBias(_ z: UnsafeMutablePointer<Float>, bias: UnsafePointer<Float>, rows: Int, cols: Int) {
        for i in 0..<rows {
            let row = z + i * cols
            for j in 0..<cols { row[j] += bias[j] }
        }
    }

    /// In place: `delta[i] *= 1 - a[i]^2` (tanh' from the stored activation a = tanh(z)), `count` entries.
    public static func multiplyTanhDerivative(_ delta: UnsafeMutablePointer<Float>, activation a: UnsafePointer<Float>, count: Int) {
        for i in 0..<count { delta[i] *= 1 - a[i] * a[i] }
    }

    /// Reference for `multiplyTanhDerivative` in Double.
    public static func multiplyTanhDerivativeReference(_ delta: UnsafeMutablePointer<Float>, activation a: UnsafePointer<Float>, count: Int) {
        for i in 0..<count { delta[i] = Float(Double(delta[i]) * (1 - Double(a[i]) * Double(a[i]))) }
    }

    /// Fused softmax + cross-entropy over logits (rows, classes): replaces each row by the error
    /// `p - onehot(label)` and returns the summed loss `Σ -log p[label]` (nats, accumulated in
    /// Double) and the number of rows whose arg-max equals the label (first maximum wins).
    public static func softmaxCrossEntropy(_ logits: UnsafeMutablePointer<Float>, labels: UnsafePointer<Int32>,
                                           rows: Int, classes: Int) -> (lossSum: Double, correct: Int) {
        var loss = 0.0
        var correct = 0
        for i in 0..<rows {
            let z = logits + i * classes
            var mx = z[0]
            var arg = 0
            for j in 1..<max(classes, 1) where z[j] > mx { mx = z[j]; arg = j }
            let y = Int(labels[i])
            if arg == y { correct += 1 }
            var sum: Float = 0
            let zy = z[y]
            for j in 0..<classes { let ex = expf(z[j] - mx); z[j] = ex; sum += ex }
            // -log p_y = log(sum) - (z_y - max); NaN/inf logits propagate to the loss.
            loss += Double(logf(sum) - (zy - mx))
            let inv = 1 / sum
            for j in 0..<classes { z[j] *= inv }
            z[y] -= 1
        }
        return (loss, correct)
    }

    /// Reference for `softmaxCrossEntropy`, computed in Double without the max shift's fusion.
    public static func softmaxCrossEntropyReference(_ logits: UnsafeMutablePointer<Float>, labels: UnsafePointer<Int32>,
                                                    rows: Int, classes: Int) -> (lossSum: Double, correct: Int) {
        var loss = 0.0
        var correct = 0
        for i in 0..<rows {
            let z = (0..<classes).map { Double(logits[i * classes + $0]) }
            let mx = z.max() ?? 0
            let y = Int(labels[i])
            if z.firstIndex(of: mx) == y { correct += 1 }
            let e = z.map { exp($0 - mx) }
            let s = e.reduce(0, +)
            loss += -log(e[y] / s)
            for j in 0..<classes { logits[i * classes + j] = Float(e[j] / s - (j == y ? 1 : 0)) }
        }
        return (loss, correct)
    }

    /// `out[j] = Σ_i m[i, j]`, m is (rows, cols).
    public static func columnSums(_ m: UnsafePointer<Float>, rows: Int, cols: Int, into out: UnsafeMutablePointer<Float>) {
        out.update(repeating: 0, count: cols)
        for i in 0..<rows {
            let row = m + i * cols
            for j in 0..<cols { out[j] += row[j] }
        }
    }

    /// `x[i] += a · y[i]` for `count` entries.
    @inline(__always)
    public static func axpy(_ a: Float, _ y: UnsafePointer<Float>, _ x: UnsafeMutablePointer<Float>, count: Int) {
        for i in 0..<count { x[i] += a * y[i] }
    }

    /// Mean of |x| over `count` entries (0 when empty); vectorised, partial sums of 4096 entries
    /// in Float, totals in Double.
    public static func meanAbs(_ x: UnsafePointer<Float>, count: Int) -> Double {
        guard count > 0 else { return 0 }
        let zero = SIMD16<Float>()
        var total = 0.0
        var i = 0
        while i < count {
            let end = Swift.min(i + 4096, count)
            var acc = zero
            while i + 16 <= end {
                let v = UnsafeRawPointer(x + i).loadUnaligned(as: SIMD16<Float>.self)
                acc += v.replacing(with: -v, where: v .< zero)
                i += 16
            }
            while i < end { total += Double(Swift.abs(x[i])); i += 1 }
            total += Double(acc.sum())
        }
        return total / Double(count)
    }

    /// Scalar reference for `meanAbs`, in Double.
    public static func meanAbsReference(_ x: UnsafePointer<Float>, count: Int) -> Double {
        guard count > 0 else { return 0 }
        var s = 0.0
        for i in 0..<count { s += Double(Swift.abs(x[i])) }
        return s / Double(count)
    }
}
