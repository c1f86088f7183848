/// The ternary quantizers of METHODS.md Part 1, elementwise.
public enum TernaryQuantizer {
    /// `Qf(v)`: +1 where v > 0, -1 where v < 0, else 0; NaN stays NaN (like `np.sign`), so a
    /// diverging run is detected rather than silently zeroed.
    @inline(__always)
    public static func fixed(_ v: Double) -> Double { v > 0 ? 1 : (v < 0 ? -1 : (v.isNaN ? v : 0)) }

    /// `Qs(v, t)` with the dither `u` (drawn from U(-t, t)): +1 where v + u > t, -1 where
    /// v + u < -t, else 0.
    @inline(__always)
    public static func stochastic(_ v: Double, threshold t: Double, dither u: Double) -> Double {
        let x = v + u
        return x > t ? 1 : (x < -t ? -1 : 0)
    }

    /// The adaptive threshold `0.7 * mean|w|`, the mean summed in NumPy's pairwise order.
    public static func adaptiveThreshold(_ w: [Double]) -> Double {
        var scratch = [Double](repeating: 0, count: w.count)
        return w.withUnsafeBufferPointer { wb in
            scratch.withUnsafeMutableBufferPointer { sb in
                guard let wp = wb.baseAddress, let sp = sb.baseAddress else { return 0 }
                return TimeSeriesHyper.alpha * NumPySum.meanAbs(wp, w.count, scratch: sp)
            }
        }
    }
}
