#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The C library's elementary functions, named so that the engine's choice of implementation
/// is explicit: NumPy's generators call these same `log` and `exp`, and `np.sin` on this
/// platform agrees with glibc's `sin` (NumPy's `tanh` does not: see `NumPyTanh`).
enum LibM {
    /// The natural logarithm of the platform C library.
    @inline(__always) static func log(_ x: Double) -> Double { c_log(x) }
    /// The exponential of the platform C library.
    @inline(__always) static func exp(_ x: Double) -> Double { c_exp(x) }
    /// The sine of the platform C library.
    @inline(__always) static func sin(_ x: Double) -> Double { c_sin(x) }
}

@inline(__always) private func c_log(_ x: Double) -> Double { log(x) }
@inline(__always) private func c_exp(_ x: Double) -> Double { exp(x) }
@inline(__always) private func c_sin(_ x: Double) -> Double { sin(x) }
