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

    /// The number of processors OpenBLAS sees.
    public static var processors: Int { Int(openblas_get_num_procs()) }
}
