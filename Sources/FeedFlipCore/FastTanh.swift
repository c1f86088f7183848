/// Eight doubles, the engine's vector unit (one hidden layer's activations at one point).
typealias V8 = SIMD8<Double>
/// Eight 64-bit words, for bit manipulation of `V8`.
typealias U8 = SIMD8<UInt64>

/// A vectorised tanh for the fast mode, eight lanes at a time, accurate to a few ulp.
///
/// Method: `tanh(x) = sign(x) * m / (m + 2)` with `m = expm1(2|x|)` (an exact identity, so small
/// arguments keep full relative accuracy). `expm1(y)` for `y = min(2|x|, 40)` reduces
/// `y = n ln2 + r` with `|r| <= ln2/2` (two FMAs with a split ln2), evaluates
/// `e^r - 1 = r + r^2 q(r)` with a degree-9 Chebyshev fit q by Horner's rule, and rebuilds `2^n (e^r - 1) + (2^n - 1)`.
/// NaN stays NaN; ±inf gives ±1. Its results differ from the C library's `tanh` in the last
/// bits only (measured: at most a few ulp, see `FastTanhTests`).
public enum FastTanh: TanhKernel {
    private static let magic = 6_755_399_441_055_744.0  // 1.5 * 2^52: rounds to an integer
    private static let log2e = 1.4426950408889634
    private static let ln2Hi = 0.6931471805599453
    private static let ln2Lo = 2.3190468138462996e-17

    /// tanh of eight lanes.
    @inline(__always)
    static func tanh8(_ x: V8) -> V8 {
        let bits = unsafeBitCast(x, to: U8.self)
        let signBits = bits & U8(repeating: 0x8000_0000_0000_0000)
        let ax = unsafeBitCast(bits & U8(repeating: 0x7fff_ffff_ffff_ffff), to: V8.self)
        let y = (ax + ax).replacing(with: 40, where: ax .> 20)
        let t = V8(repeating: magic).addingProduct(y, V8(repeating: log2e))
        let n = t - magic
        var r = y.addingProduct(-n, V8(repeating: ln2Hi))
        r = r.addingProduct(-n, V8(repeating: ln2Lo))
        // q(r) ~ (e^r - 1 - r) / r^2: Chebyshev fit of degree 9 on [-ln2/2, ln2/2]
        // (relative error of r + r^2 q(r) below 4e-17).
        var q = V8(repeating: 2.5100375832561234e-08)
        q = V8(repeating: 2.7620075879983367e-07).addingProduct(q, r)
        q = V8(repeating: 2.7557268480310024e-06).addingProduct(q, r)
        q = V8(repeating: 2.4801521322368692e-05).addingProduct(q, r)
        q = V8(repeating: 0.00019841269863040545).addingProduct(q, r)
        q = V8(repeating: 0.0013888888917196719).addingProduct(q, r)
        q = V8(repeating: 0.008333333333330065).addingProduct(q, r)
        q = V8(repeating: 0.041666666666624164).addingProduct(q, r)
        q = V8(repeating: 0.16666666666666669).addingProduct(q, r)
        q = V8(repeating: 0.5000000000000001).addingProduct(q, r)
        let er = r.addingProduct(r * r, q)                      // e^r - 1
        let k = unsafeBitCast(t, to: U8.self) &- U8(repeating: magic.bitPattern)
        let s = unsafeBitCast((k &+ U8(repeating: 1023)) &<< U8(repeating: 52), to: V8.self)  // 2^n
        let m = (s - 1).addingProduct(s, er)                    // expm1(y)
        let th = m / (m + 2)
        return unsafeBitCast(unsafeBitCast(th, to: U8.self) | signBits, to: V8.self)
    }

    /// Replaces `x[0..<n]` by tanh, eight at a time (a tail is padded with zeros).
    @inline(__always)
    static func apply(_ x: UnsafeMutablePointer<Double>, _ n: Int) {
        var i = 0
        let raw = UnsafeMutableRawPointer(x)
        while i + 8 <= n {
            let v = raw.loadUnaligned(fromByteOffset: i * 8, as: V8.self)
            raw.storeBytes(of: tanh8(v), toByteOffset: i * 8, as: V8.self)
            i += 8
        }
        if i < n {
            var v = V8(repeating: 0)
            for j in 0..<(n - i) { v[j] = x[i + j] }
            let t = tanh8(v)
            for j in 0..<(n - i) { x[i + j] = t[j] }
        }
    }

    /// tanh of every element of `values` by this kernel (public for tests and benchmarks).
    public static func apply(to values: inout [Double]) {
        let n = values.count
        values.withUnsafeMutableBufferPointer { b in
            if let base = b.baseAddress { apply(base, n) }
        }
    }
}
