/// An elementwise tanh over a contiguous row, applied in place.
protocol TanhKernel {
    /// Replaces `x[0..<n]` by `tanh(x[0..<n])`.
    static func apply(_ x: UnsafeMutablePointer<Double>, _ n: Int)
}

/// The C library's `tanh`, element by element.
enum LibMTanh: TanhKernel {
    @inline(__always)
    static func apply(_ x: UnsafeMutablePointer<Double>, _ n: Int) {
        for i in 0..<n { x[i] = LibM.tanh(x[i]) }
    }
}
