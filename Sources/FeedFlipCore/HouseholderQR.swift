/// Householder QR of a square matrix as `np.linalg.qr` computes it on x86-64: LAPACK's `dgeqr2`
/// (the unblocked `dgeqrf` used at these sizes) then `dorg2r` (unblocked `dorgqr`), with the
/// arithmetic of the OpenBLAS kernels NumPy ships (SkylakeX build), so that Q agrees with NumPy
/// bit for bit for n <= 8 (see `dotT` for the sizes this was established on). Reflectors follow
/// `dlarfg` (`beta = -sign(alpha) * norm`); the signs of Q's columns are not normalised.
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
                larf(&c, n: n, row: i, col: i, tau: tau[i], firstColumn: i + 1)
                c[i + i * n] = aii
            }
        }
        // dorg2r with m = n = k
        for i in stride(from: n - 1, through: 0, by: -1) {
            if i < n - 1 {
                c[i + i * n] = 1
                larf(&c, n: n, row: i, col: i, tau: tau[i], firstColumn: i + 1)
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
        let xnorm = nrm2(c, from: base + 1, count: length - 1)
        if xnorm == 0 { return 0 }
        let alpha = c[base]
        let beta = -copysign(lapy2(alpha, xnorm), alpha)
        let tau = (beta - alpha) / beta
        let scale = 1 / (alpha - beta)
        for r in 1..<length { c[base + r] *= scale }
        c[base] = beta
        return tau
    }

    /// OpenBLAS's x86-64 `dnrm2`: the sum of squares and its square root in x87 extended
    /// precision, rounded once to Double (plain Double where extended precision is missing).
    private static func nrm2(_ c: [Double], from start: Int, count: Int) -> Double {
        #if arch(x86_64) && !os(Windows)
        var s: Float80 = 0
        for r in 0..<count { let v = Float80(c[start + r]); s += v * v }
        return Double(s.squareRoot())
        #else
        var s = 0.0
        for r in 0..<count { s += c[start + r] * c[start + r] }
        return s.squareRoot()
        #endif
    }

    /// `dlapy2`: sqrt(x^2 + y^2) without needless overflow.
    private static func lapy2(_ x: Double, _ y: Double) -> Double {
        let xa = abs(x), ya = abs(y)
        let w = max(xa, ya), z = min(xa, ya)
        if z == 0 { return w }
        let q = z / w
        return w * (1 + q * q).squareRoot()
    }

    /// `dlarf('L')`: C := (I - tau v v^T) C on rows row..<n and columns firstColumn..<n, where v
    /// is column `col` from `row` (its first entry set to 1 by the caller): w = C^T v by
    /// OpenBLAS's dgemv_t (`dotT`), then dger: c = fma(-tau * w_j, v_i, c).
    private static func larf(_ c: inout [Double], n: Int, row: Int, col: Int, tau: Double, firstColumn: Int) {
        guard tau != 0, firstColumn < n else { return }
        let m = n - row, columns = n - firstColumn
        let v = Array(c[(row + col * n)..<(row + col * n + m)])
        var w = [Double](repeating: 0, count: columns)
        for j in 0..<columns {
            let base = row + (firstColumn + j) * n
            w[j] = dotT(Array(c[base..<(base + m)]), v, column: j, of: columns)
        }
        for j in 0..<columns {
            let t = -tau * w[j]
            let base = row + (firstColumn + j) * n
            for r in 0..<m { c[base + r] = c[base + r].addingProduct(t, v[r]) }
        }
    }

    /// One entry of OpenBLAS's SkylakeX `dgemv_t` (a . x, length m <= 8), which depends on m and
    /// on which kernel handles the column (columns go in groups of 4, then 2, then 1); checked
    /// against NumPy's OpenBLAS bit for bit for m <= 8, 1 to 7 columns. p_i = a_i x_i rounded.
    /// - m = 8: 4-column kernel: l_j = fma(a_{j+4}, x_{j+4}, p_j), (l0 + l2) + (l1 + l3);
    ///   2-column kernel: ((p0 + p2) + p4) + p6 plus ((p1 + p3) + p5) + p7; 1-column kernel:
    ///   l_j = p_j + p_{j+4}, (l0 + l2) + (l1 + l3).
    /// - m < 8: S = (p0 + p2) + (p1 + p3) over a first block of four, then a tail of one is
    ///   fma(a4, x4, S); a longer tail is T = fma(a_t, x_t, p_{t+1}) continued by FMAs, then S + T.
    static func dotT(_ a: [Double], _ x: [Double], column j: Int, of columns: Int) -> Double {
        let m = a.count
        if m == 8 {
            let q = 4 * (columns / 4)
            let kernel = j < q ? 4 : (columns - q >= 2 && j < q + 2 ? 2 : 1)
            var p = [Double](repeating: 0, count: 8)
            for i in 0..<8 { p[i] = a[i] * x[i] }
            switch kernel {
            case 4:
                let l = (0..<4).map { p[$0].addingProduct(a[$0 + 4], x[$0 + 4]) }
                return (l[0] + l[2]) + (l[1] + l[3])
            case 2:
                return (((p[0] + p[2]) + p[4]) + p[6]) + (((p[1] + p[3]) + p[5]) + p[7])
            default:
                let l = (0..<4).map { p[$0] + p[$0 + 4] }
                return (l[0] + l[2]) + (l[1] + l[3])
            }
        }
        let m4 = m & ~3
        var s: Double? = nil
        if m4 == 4 {
            let p = (0..<4).map { a[$0] * x[$0] }
            s = (p[0] + p[2]) + (p[1] + p[3])
        }
        let rest = m - m4
        if rest == 0 { return s ?? 0 }
        if rest == 1 {
            if let s { return s.addingProduct(a[m4], x[m4]) }
            return a[m4] * x[m4]
        }
        var t = (a[m4 + 1] * x[m4 + 1]).addingProduct(a[m4], x[m4])
        if rest > 2 { for i in (m4 + 2)..<m { t = t.addingProduct(a[i], x[i]) } }
        if let s { return s + t }
        return t
    }
}

@inline(__always)
private func copysign(_ magnitude: Double, _ sign: Double) -> Double {
    sign.sign == .minus ? -abs(magnitude) : abs(magnitude)
}
