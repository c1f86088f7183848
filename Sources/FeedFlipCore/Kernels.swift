/// Naive matrix products of the engine, row-major, each sum an FMA chain in index order (the
/// order of OpenBLAS's kernels at these sizes, so that the reference mode agrees with NumPy).
enum Kernels {
    /// `c` (r x n) = `a` (r x k) @ `b` (k x n).
    @inline(__always)
    static func gemm(_ a: UnsafePointer<Double>, r: Int, k: Int,
                     _ b: UnsafePointer<Double>, n: Int, _ c: UnsafeMutablePointer<Double>) {
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
        for i in 0..<r {
            let pi = p + i * n
            for j in 0..<m {
                let aj = a + j * n
                var acc = pi[0] * aj[0]
                for t in 1..<n { acc = fmaAdd(acc, pi[t], aj[t]) }
                g[i * m + j] = acc
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
