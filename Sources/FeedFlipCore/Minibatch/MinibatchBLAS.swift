import CBLAS

/// Thread controls of the OpenBLAS library that runs every minibatch matrix product.
///
/// The setting is process-wide (it is OpenBLAS's own state, not ours): the scheduler sets it once,
/// for example to 1 when training several cells in parallel so results do not depend on scheduling.
public enum MinibatchBLAS {
    /// The number of threads OpenBLAS uses for one product.
    public static var threads: Int { Int(openblas_get_num_threads()) }

    /// Sets the number of threads OpenBLAS uses (clamped to at least 1).
    public static func setThreads(_ n: Int) { openblas_set_num_threads(Int32(max(1, n))) }

    /// OpenBLAS's build configuration and the kernel it chose for this CPU, e.g.
    /// `OpenBLAS 0.3.21 DYNAMIC_ARCH NO_AFFINITY SkylakeX MAX_THREADS=64 (core: SkylakeX)`.
    public static var configuration: String {
        let config = openblas_get_config().map { String(cString: $0) } ?? "OpenBLAS"
        let core = openblas_get_corename().map { String(cString: $0) } ?? "unknown"
        return "\(config) (core: \(core))"
    }

    /// The number of processors OpenBLAS sees.
    public static var processors: Int { Int(openblas_get_num_procs()) }
}
