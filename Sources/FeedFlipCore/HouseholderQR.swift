/// Householder QR of a square matrix with LAPACK semantics: `dgeqr2` (the unblocked `dgeqrf`
/// that LAPACK uses at this size) followed by `dorg2r` (unblocked `dorgqr`), as
/// `np.linalg.qr` calls them. The reflectors follow `dlarfg` (`beta = -sign(alpha) * norm`), and
/// the signs of Q's columns are not normalised, so Q matches NumPy's Q up to rounding.
public enum HouseholderQR {
    /// The orthogonal factor Q of `a`, an n x n matrix given and returned row-major.
    /// - Precondition: `a.count == n * n`, `n >= 1`.
    public static func q(_ a: [Double], n: Int) -> [Double] {
        precondition(n >= 1 && a.count == n * n, "HouseholderQR.q: a must hold n*n values")
        // Column-major working copy, as LAPACK sees it: A[i + j*n] = a[i*n + j].
        var c = [Double](repeating: 0, count: n * n)
        for i in 0..<n { for j in 0..<n { c[i + j * n] = a[i * n + j] } }
        var tau = [Double](repeating: 0, count: n)
        // dgeqr2
        for i in 0..<n {
            tau[i] = larfg(&c, n: n, row: i, col: i, length: n - i)
            if i < n - 1 {
                let aii = c[i + i * n]
                c[i + i * n] = 1
                applyReflector(&c, n: n, row: i, col: i, length: n - i,
                               tau: tau[i], firstColumn: i + 1, lastColumn: n - 1)
                c[i + i * n] = aii
            }
        }
        // dorg2r with m = n = k
        for i in stride(from: n - 1, through: 0, by: -1) {
            if i < n - 1 {
                c[i + i * n] = 1
                applyReflector(&c, n: n, row: i, col: i, length: n - i,
                               tau: tau[i], firstColumn: i + 1, lastColumn: n - 1)
            }
            if i < n - 1 {
                let s = -tau[i]
                for r in (i + 1)..<n { c[r + i * n] *= s }
            }
            c[i + i * n] = 1 - tau[i]
            for r in 0..<i { c[r + i * n] = 0 }
        }
        var q = [Double](repeating: 0, count: n * n)
        for i in 0..<n { for j in 0..<n { q[i * n + j] = c[i + j * n] } }
        return q
    }

    /// `dlarfg` on column `col` from `row` downwards (`length` entries): overwrites the column
    /// with beta and the scaled reflector vector, returns tau.
    private static func larfg(_ c: inout [Double], n: Int, row: Int, col: Int, length: Int) -> Double {
        guard length > 1 else { return 0 }
        let base = row + col * n
        var ssq = 0.0
        for r in 1..<length { ssq += c[base + r] * c[base + r] }
        let xnorm = ssq.squareRoot()
        if xnorm == 0 { return 0 }
        let alpha = c[base]
        let beta = -copysign(lapy2(alpha, xnorm), alpha)
        let tau = (beta - alpha) / beta
        let scale = 1 / (alpha - beta)
        for r in 1..<length { c[base + r] *= scale }
        c[base] = beta
        return tau
    }

    /// `dlapy2`: sqrt(x^2 + y^2) without needless overflow.
    private static func lapy2(_ x: Double, _ y: Double) -> Double {
        let xa = abs(x), ya = abs(y)
        let w = max(xa, ya), z = min(xa, ya)
        if z == 0 { return w }
        let q = z / w
        return w * (1 + q * q).squareRoot()
    }

    /// `dlarf('L')`: C := (I - tau v v^T) C on rows row..<row+length and the given columns,
    /// where v is column `col` from `row` (its first entry set to 1 by the caller).
    private static func applyReflector(_ c: inout [Double], n: Int, row: Int, col: Int, length: Int,
                                       tau: Double, firstColumn: Int, lastColumn: Int) {
        guard tau != 0, firstColumn <= lastColumn else { return }
        let vBase = row + col * n
        for j in firstColumn...lastColumn {
            let cBase = row + j * n
            var w = 0.0
            for r in 0..<length { w += c[cBase + r] * c[vBase + r] }
            let s = tau * w
            for r in 0..<length { c[cBase + r] -= c[vBase + r] * s }
        }
    }
}

@inline(__always)
private func copysign(_ magnitude: Double, _ sign: Double) -> Double {
    sign.sign == .minus ? -abs(magnitude) : abs(magnitude)
}
