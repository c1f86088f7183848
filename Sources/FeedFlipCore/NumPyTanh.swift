/// NumPy's float64 `np.tanh` on x86-64 with FMA (NumPy >= 1.25 dispatches its own SIMD
/// kernel, converted from Intel SVML, on AVX2/AVX-512 machines; it is not glibc's `tanh`),
/// reproduced bit for bit, one element at a time, for the reference mode.
///
/// For |x| the top exponent/mantissa bits pick one of 16 intervals (`NumPyTanhTable`); with
/// `y = |x| - b` the result is the degree-16 polynomial `c0 + c1 y + ... + c16 y^16` by Horner's
/// rule with fused multiply-adds, then the sign of x is OR-ed in. |x| >= 2^1022 (and ±inf)
/// gives ±1, NaN gives NaN.
public enum NumPyTanh: TanhKernel {
    /// `np.tanh(x)` for one float64.
    public static func tanh(_ x: Double) -> Double {
        NumPyTanhTable.bits.withUnsafeBufferPointer { t in
            guard let table = t.baseAddress else { return .nan }
            return tanh(x, table: table)
        }
    }

    /// `np.tanh(x)` with the coefficient table at hand.
    @inline(__always)
    static func tanh(_ x: Double, table t: UnsafePointer<UInt64>) -> Double {
        if x.isNaN { return .nan }
        let bits = x.bitPattern
        let ndnan = Int64(bitPattern: bits & 0x7ff8_0000_0000_0000)
        let signBit = bits & 0x8000_0000_0000_0000
        // NumPy clamps the high 32-bit half of (ndnan - 0x3fc0...) to [0, 0x780000], then >> 19.
        let high = (ndnan - 0x3fc0_0000_0000_0000) >> 32
        let idx = Int(min(max(high, 0), 0x78_0000) >> 19)
        var r = 1.0
        if ndnan <= 0x7fe0_0000_0000_0000 {
            let c = t + 18 * idx + 1
            let y = abs(x) - Double(bitPattern: t[18 * idx])
            @inline(__always) func k(_ j: Int) -> Double { Double(bitPattern: c[j]) }
            r = k(15).addingProduct(k(16), y)
            r = k(14).addingProduct(r, y); r = k(13).addingProduct(r, y)
            r = k(12).addingProduct(r, y); r = k(11).addingProduct(r, y)
            r = k(10).addingProduct(r, y); r = k(9).addingProduct(r, y)
            r = k(8).addingProduct(r, y); r = k(7).addingProduct(r, y)
            r = k(6).addingProduct(r, y); r = k(5).addingProduct(r, y)
            r = k(4).addingProduct(r, y); r = k(3).addingProduct(r, y)
            r = k(2).addingProduct(r, y); r = k(1).addingProduct(r, y)
            r = k(0).addingProduct(r, y)
        }
        return Double(bitPattern: r.bitPattern | signBit)
    }

    /// Replaces `x[0..<n]` by `np.tanh` of it.
    @inline(__always)
    static func apply(_ x: UnsafeMutablePointer<Double>, _ n: Int) {
        NumPyTanhTable.bits.withUnsafeBufferPointer { t in
            guard let table = t.baseAddress else { return }
            for i in 0..<n { x[i] = tanh(x[i], table: table) }
        }
    }
}
