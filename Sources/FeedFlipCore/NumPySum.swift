/// Summation in NumPy's order (`pairwise_sum` in numpy/_core/src/umath/loops_utils.h.src), so
/// that means and sums agree with the reference to the last bit.
enum NumPySum {
    /// `np.sum` of `n` contiguous doubles: blocks of at most 128 summed with eight interleaved
    /// accumulators, larger ranges split in two at a multiple of 8.
    @inline(__always)
    static func pairwise(_ a: UnsafePointer<Double>, _ n: Int) -> Double {
        if n < 8 {
            var res = 0.0
            for i in 0..<n { res += a[i] }
            return res
        } else if n <= 128 {
            var r0 = a[0], r1 = a[1], r2 = a[2], r3 = a[3]
            var r4 = a[4], r5 = a[5], r6 = a[6], r7 = a[7]
            var i = 8
            let end = n - n % 8
            while i < end {
                r0 += a[i]; r1 += a[i + 1]; r2 += a[i + 2]; r3 += a[i + 3]
                r4 += a[i + 4]; r5 += a[i + 5]; r6 += a[i + 6]; r7 += a[i + 7]
                i += 8
            }
            var res = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7))
            while i < n { res += a[i]; i += 1 }
            return res
        } else {
            var n2 = n / 2
            n2 -= n2 % 8
            return pairwise(a, n2) + pairwise(a + n2, n - n2)
        }
    }

    /// `np.mean(np.abs(w))` of `n` contiguous doubles; `scratch` holds at least `n` values.
    @inline(__always)
    static func meanAbs(_ w: UnsafePointer<Double>, _ n: Int, scratch: UnsafeMutablePointer<Double>) -> Double {
        for i in 0..<n { scratch[i] = abs(w[i]) }
        return pairwise(scratch, n) / Double(n)
    }

    /// `np.mean(e ** 2)` of `n` contiguous doubles; `scratch` holds at least `n` values.
    @inline(__always)
    static func meanSquare(_ e: UnsafePointer<Double>, _ n: Int, scratch: UnsafeMutablePointer<Double>) -> Double {
        for i in 0..<n { scratch[i] = e[i] * e[i] }
        return pairwise(scratch, n) / Double(n)
    }
}
