/// An elementwise tanh over a contiguous row, applied in place: `NumPyTanh` (reference mode)
/// or `FastTanh` (fast mode).
protocol TanhKernel {
    /// Replaces `x[0..<n]` by `tanh(x[0..<n])`.
    static func apply(_ x: UnsafeMutablePointer<Double>, _ n: Int)
}
