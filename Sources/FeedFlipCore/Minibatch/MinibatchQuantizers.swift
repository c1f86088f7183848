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

    /// `Qs(x, t)`: adds `u ~ U(-t, t)` (one draw per entry from `rng`, in index order), then
    /// +1 where x+u > t, -1 where x+u < -t, else 0. The draws happen even when t == 0.
    public static func stochastic(_ x: UnsafeMutablePointer<Float>, count: Int, threshold t: Float,
                                  rng: inout MinibatchRandom) {
        var i = 0
        while i < count {
            let bits = rng.next()
            let u0 = (Float(UInt32(truncatingIfNeeded: bits) >> 8) * 0x1.0p-24 * 2 - 1) * t
            let y0 = x[i] + u0
            x[i] = y0 > t ? 1 : (y0 < -t ? -1 : 0)
            i += 1
            if i < count {
                let u1 = (Float(UInt32(truncatingIfNeeded: bits >> 32) >> 8) * 0x1.0p-24 * 2 - 1) * t
                let y1 = x[i] + u1
                x[i] = y1 > t ? 1 : (y1 < -t ? -1 : 0)
                i += 1
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
    public static func twnScale(_ x: UnsafePointer<Float>, count: Int, threshold t: Float) -> Float {
        var s = 0.0, n = 0
        var all = 0.0
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
