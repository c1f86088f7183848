/// Ternary quantizers of METHODS.md on Float buffers, in place. Values are in units of the
/// layer's scale; the caller multiplies by the scale to get forward weights.
public enum MinibatchQuantizers {
    /// `Qf`: x > 0 → +1, x < 0 → -1, else 0 (fixed threshold 0).
    public static func fixed(_ x: UnsafeMutablePointer<Float>, count: Int) {
        for i in 0..<count {
            let v = x[i]
            x[i] = v > 0 ? 1 : (v < 0 ? -1 : 0)
        }
    }

    /// `Qs(x, t)`: adds `u ~ U(-t, t)` (one draw per entry from `dither`, in index order), then
    /// +1 where x+u > t, -1 where x+u < -t, else 0. The draws happen even when t == 0.
    public static func stochastic(_ x: UnsafeMutablePointer<Float>, count: Int, threshold t: Float,
                                  dither: inout MinibatchDither) {
        let tv = SIMD8<Float>(repeating: t), one = SIMD8<Float>(repeating: 1), zero = SIMD8<Float>()
        var i = 0
        while i + 8 <= count {
            let u = (dither.next() * 2 - one) * tv
            let y = UnsafeRawPointer(x + i).loadUnaligned(as: SIMD8<Float>.self) + u
            var q = zero.replacing(with: one, where: y .> tv)
            q.replace(with: -one, where: y .< -tv)
            UnsafeMutableRawPointer(x + i).storeBytes(of: q, as: SIMD8<Float>.self)
            i += 8
        }
        if i < count {
            let u = (dither.next() * 2 - one) * tv
            for j in 0..<(count - i) {
                let y = x[i + j] + u[j]
                x[i + j] = y > t ? 1 : (y < -t ? -1 : 0)
            }
        }
    }

    /// `Qd(x, t)`: deterministic ternary: +1 where x > t, -1 where x < -t, else 0, written to `out`.
    public static func deterministic(_ x: UnsafePointer<Float>, count: Int, threshold t: Float,
                                     into out: UnsafeMutablePointer<Float>) {
        for i in 0..<count {
            let v = x[i]
            out[i] = v > t ? 1 : (v < -t ? -1 : 0)
        }
    }

    /// The ternary-weight-network scale: mean |x| over the entries with |x| > t; when no entry
    /// exceeds t, mean |x| over all entries (so a layer never collapses to zero by this rule).
    /// Vectorised; partial sums of 4096 entries in Float, totals in Double.
    public static func twnScale(_ x: UnsafePointer<Float>, count: Int, threshold t: Float) -> Float {
        let tv = SIMD16<Float>(repeating: t), one = SIMD16<Float>(repeating: 1), zero = SIMD16<Float>()
        var s = 0.0, n = 0.0, all = 0.0
        var i = 0
        while i < count {
            let end = Swift.min(i + 4096, count)
            var vs = zero, vn = zero, va = zero
            while i + 16 <= end {
                let v = UnsafeRawPointer(x + i).loadUnaligned(as: SIMD16<Float>.self)
                let a = v.replacing(with: -v, where: v .< zero)
                let m = a .> tv
                va += a
                vs += zero.replacing(with: a, where: m)
                vn += zero.replacing(with: one, where: m)
                i += 16
            }
            while i < end {
                let a = Swift.abs(x[i])
                all += Double(a)
                if a > t { s += Double(a); n += 1 }
                i += 1
            }
            s += Double(vs.sum()); n += Double(vn.sum()); all += Double(va.sum())
        }
        if n > 0 { return Float(s / n) }
        return count > 0 ? Float(all / Double(count)) : 0
    }

    /// Scalar reference for `twnScale`, in Double.
    public static func twnScaleReference(_ x: UnsafePointer<Float>, count: Int, threshold t: Float) -> Float {
        var s = 0.0, n = 0, all = 0.0
        for i in 0..<count {
            let a = Double(Swift.abs(x[i]))
            all += a
            if a > Double(t) { s += a; n += 1 }
        }
        if n > 0 { return Float(s / Double(n)) }
        return count > 0 ? Float(all / Double(count)) : 0
    }

    /// Fraction of non-zero entries (0 when empty).
    public static func nonZeroFraction(_ x: UnsafePointer<Float>, count: Int) -> Double {
        guard count > 0 else { return 0 }
        var n = 0
        for i in 0..<count where x[i] != 0 { n += 1 }
        return Double(n) / Double(count)
    }
}
