/// Naive matrix products of the engine, row-major, with the summation orders of the OpenBLAS
/// kernels NumPy calls at these shapes (found by comparing with `numpy @` bit for bit):
/// - `gemm`, k <= 8 (`W a`, `W^T d`, `B E`): one FMA chain over k in index order;
/// - `gemm` with one output row (`W_D a_D`, NumPy's dgemv_n): per block of four k,
///   fma(a0, b0, a1 b1) then FMAs of terms 2 and 3 (GCC's contraction of OpenBLAS's C kernel),
///   the two blocks summed;
/// - `gemmTransposedB` with one output row or column (dgemv, a dot product over the N = 200
///   points): four FMA chains over t mod 4, summed as (c0 + c2) + (c1 + c3);
/// - `gemmTransposedB` otherwise (dgemm with K = 200): eight FMA chains over t mod 8, summed as
///   ((c0 + c1) + (c2 + c3)) + ((c4 + c5) + (c6 + c7)).
enum Kernels {
    /// `c` (r x n) = `a` (r x k) @ `b` (k x n).
    @inline(__always)
    static func gemm(_ a: UnsafePointer<Double>, r: Int, k: Int,
                     _ b: UnsafePointer<Double>, n: Int, _ c: UnsafeMutablePointer<Double>) {
        if r == 1 && k == 8 {
            for p in 0..<n {
                var lo = fmaAdd(a[1] * b[n + p], a[0], b[p])
                var hi = fmaAdd(a[5] * b[5 * n + p], a[4], b[4 * n + p])
                for kk in 2..<4 {
                    lo = fmaAdd(lo, a[kk], b[kk * n + p])
                    hi = fmaAdd(hi, a[4 + kk], b[(4 + kk) * n + p])
                }
                c[p] = lo + hi
            }
            return
        }
        for i in 0..<r {
            let ci = c + i * n
            let a0 = a[i * k]
            for p in 0..<n { ci[p] = a0 * b[p] }
            if k > 1 {
                for kk in 1..<k {
                    let aik = a[i * k + kk]
                    let bk = b + kk * n
                    for p in 0..<n { ci[p] = fmaAdd(ci[p], aik, bk[p]) }
                }
            }
        }
    }

    /// `c` (r x n) = `a`^T @ `b`, where `a` is stored k x r and `b` is k x n.
    @inline(__always)
    static func gemmTransposedA(_ a: UnsafePointer<Double>, r: Int, k: Int,
                                _ b: UnsafePointer<Double>, n: Int, _ c: UnsafeMutablePointer<Double>) {
        for i in 0..<r {
            let ci = c + i * n
            let a0 = a[i]
            for p in 0..<n { ci[p] = a0 * b[p] }
            if k > 1 {
                for kk in 1..<k {
                    let aki = a[kk * r + i]
                    let bk = b + kk * n
                    for p in 0..<n { ci[p] = fmaAdd(ci[p], aki, bk[p]) }
                }
            }
        }
    }

    /// `g` (r x m) = `p` (r x n) @ `a`^T, where `a` is m x n: `g[i][j] = sum_t p[i][t] a[j][t]`.
    @inline(__always)
    static func gemmTransposedB(_ p: UnsafePointer<Double>, r: Int, n: Int,
                                _ a: UnsafePointer<Double>, m: Int, _ g: UnsafeMutablePointer<Double>) {
        let lanes = (r == 1 || m == 1) ? 4 : 8
        for i in 0..<r {
            let pi = p + i * n
            for j in 0..<m {
                let aj = a + j * n
                var acc = [Double](repeating: 0, count: lanes)
                for t in 0..<n {
                    acc[t % lanes] = t < lanes ? pi[t] * aj[t] : fmaAdd(acc[t % lanes], pi[t], aj[t])
                }
                g[i * m + j] = lanes == 4
                    ? (acc[0] + acc[2]) + (acc[1] + acc[3])
                    : ((acc[0] + acc[1]) + (acc[2] + acc[3])) + ((acc[4] + acc[5]) + (acc[6] + acc[7]))
            }
        }
    }

    /// `sqrt(x . x)` over `n` contiguous values (`np.linalg.norm` of a flattened array).
    @inline(__always)
    static func norm(_ x: UnsafePointer<Double>, _ n: Int) -> Double {
        var acc = 0.0
        for i in 0..<n { acc = fmaAdd(acc, x[i], x[i]) }
        return acc.squareRoot()
    }

    /// `acc + x * y` with a single rounding.
    @inline(__always)
    static func fmaAdd(_ acc: Double, _ x: Double, _ y: Double) -> Double {
        acc.addingProduct(x, y)
    }
}
