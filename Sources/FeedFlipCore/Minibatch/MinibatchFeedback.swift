/// Feedback matrices `B_l` (width, C) of METHODS.md Part 2, row-major, and their calibration.
public enum MinibatchFeedback {
    /// Random feedback: N(0, 1) entries scaled by 1/sqrt(C); (width, classes) row-major.
    public static func random(width: Int, classes: Int, rng: inout MinibatchRandom) -> [Float] {
        let s = 1 / Double(classes).squareRoot()
        return (0..<(width * classes)).map { _ in Float(rng.nextNormal() * s) }
    }

    /// Ortho feedback: the first `classes` columns of Q from a Householder QR (LAPACK `dgeqrf`
    /// semantics, signs not normalised) of a (width, width) N(0, 1) matrix drawn row-major;
    /// returned as (width, classes) row-major. Requires width >= classes.
    public static func orthoColumns(width: Int, classes: Int, rng: inout MinibatchRandom) -> [Float] {
        precondition(width >= classes, "ortho feedback needs width (\(width)) >= classes (\(classes))")
        let a = (0..<(width * width)).map { _ in rng.nextNormal() }
        let q = householderQ(a, n: width, columns: classes)
        return q.map { Float($0) }
    }

    /// The first `columns` columns of Q of the Householder QR of the (n, n) row-major matrix `a`,
    /// as an (n, columns) row-major Double matrix (Q = H_0 H_1 ... H_{n-1}).
    public static func householderQ(_ a0: [Double], n: Int, columns: Int) -> [Double] {
        var a = a0
        var vs: [[Double]] = []
        var taus: [Double] = []
        for k in 0..<n {
            // x = a[k..<n, k]
            var norm2 = 0.0
            for i in k..<n { norm2 += a[i * n + k] * a[i * n + k] }
            let alpha = a[k * n + k]
            let xnorm = norm2.squareRoot()
            var v = [Double](repeating: 0, count: n)
            var tau = 0.0
            if norm2 - alpha * alpha > 0 { // dlarfg: H = I when the part below the diagonal is zero
                let beta = alpha >= 0 ? -xnorm : xnorm // LAPACK: beta = -sign(alpha) * norm
                tau = (beta - alpha) / beta
                let scale = 1 / (alpha - beta)
                v[k] = 1
                for i in (k + 1)..<n { v[i] = a[i * n + k] * scale }
                // Apply H = I - tau v v^T to the trailing columns k..<n.
                for j in k..<n {
                    var d = 0.0
                    for i in k..<n { d += v[i] * a[i * n + j] }
                    d *= tau
                    for i in k..<n { a[i * n + j] -= d * v[i] }
                }
            }
            vs.append(v)
            taus.append(tau)
        }
        // Q[:, j] = H_0 ... H_{n-1} e_j, applied right to left.
        var q = [Double](repeating: 0, count: n * columns)
        for j in 0..<columns {
            var x = [Double](repeating: 0, count: n)
            x[j] = 1
            for k in stride(from: n - 1, through: 0, by: -1) where taus[k] != 0 {
                var d = 0.0
                for i in k..<n { d += vs[k][i] * x[i] }
                d *= taus[k]
                for i in k..<n { x[i] -= d * vs[k][i] }
            }
            for i in 0..<n { q[i * columns + j] = x[i] }
        }
        return q
    }

    /// Calibration: the least-squares fit `B = Tᵀe (eᵀe + 1e-8 I)⁻¹` over a batch, where `t` is the
    /// backprop delta (rows, width) and `e` the output error (rows, classes), both row-major;
    /// the result (width, classes) is rescaled to Frobenius norm `targetNorm`. Solved in Double by
    /// Cholesky. Returns nil when the fit is not finite or is zero (the caller keeps its B).
    public static func calibrated(t: UnsafePointer<Float>, e: UnsafePointer<Float>, rows: Int, width: Int,
                                  classes c: Int, targetNorm: Double) -> [Float]? {
        // M = eᵀe + 1e-8 I (c, c); R = Tᵀe (width, c).
        var m = [Double](repeating: 0, count: c * c)
        var r = [Double](repeating: 0, count: width * c)
        for i in 0..<rows {
            let er = e + i * c, tr = t + i * width
            for a in 0..<c {
                let ea = Double(er[a])
                if ea == 0 { continue }
                for b in 0..<c { m[a * c + b] += ea * Double(er[b]) }
            }
            for w in 0..<width {
                let tw = Double(tr[w])
                if tw == 0 { continue }
                for a in 0..<c { r[w * c + a] += tw * Double(er[a]) }
            }
        }
        for a in 0..<c { m[a * c + a] += 1e-8 }
        // Cholesky M = L Lᵀ.
        var l = [Double](repeating: 0, count: c * c)
        for i in 0..<c {
            for j in 0...i {
                var s = m[i * c + j]
                for k in 0..<j { s -= l[i * c + k] * l[j * c + k] }
                if i == j {
                    guard s > 0 else { return nil }
                    l[i * c + i] = s.squareRoot()
                } else {
                    l[i * c + j] = s / l[j * c + j]
                }
            }
        }
        // Each row of B solves M bᵀ = rᵀ (M symmetric).
        var out = [Float](repeating: 0, count: width * c)
        var y = [Double](repeating: 0, count: c)
        var norm2 = 0.0
        var sol = [Double](repeating: 0, count: width * c)
        for w in 0..<width {
            for i in 0..<c {
                var s = r[w * c + i]
                for k in 0..<i { s -= l[i * c + k] * y[k] }
                y[i] = s / l[i * c + i]
            }
            for i in stride(from: c - 1, through: 0, by: -1) {
                var s = y[i]
                for k in (i + 1)..<c { s -= l[k * c + i] * sol[w * c + k] }
                sol[w * c + i] = s / l[i * c + i]
                norm2 += sol[w * c + i] * sol[w * c + i]
            }
        }
        let norm = norm2.squareRoot()
        guard norm.isFinite, norm > 0 else { return nil }
        let f = targetNorm / norm
        for i in 0..<(width * c) { out[i] = Float(sol[i] * f) }
        return out
    }
}
