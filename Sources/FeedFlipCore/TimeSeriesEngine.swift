/// The time-series engine: runs the ten variants of METHODS.md Part 1 in Double.
///
/// Both modes share the optimised `TimeSeriesRun` (SIMD over the 8 hidden units, activations
/// and DFA gradients reused while the weights they depend on are unchanged) and the same
/// arithmetic: NumPy's pairwise summation for means and sums, and the summation orders of the
/// OpenBLAS kernels NumPy calls for each product (see `Kernels`). They differ only here:
///
/// - `.reference` reproduces the original NumPy implementation: the data noise is
///   `default_rng(seed).standard_normal(200)` (SeedSequence -> PCG64 -> ziggurat); weights,
///   feedback and dither come from one legacy `RandomState` stream after `np.random.seed(seed)`
///   in the original's draw order; tanh is `NumPyTanh`, a bit-exact port of NumPy's own float64
///   kernel; the ortho feedback is `HouseholderQR`, which reproduces LAPACK's QR with
///   OpenBLAS's kernels. On x86-64 all 270 golden curves of the original (seeds 0-2) and the
///   committed table are reproduced bit for bit (elsewhere the QR's norm falls back from x87
///   extended precision to Double, so last bits may differ there).
/// - `.fast` draws from independent `Xoshiro256StarStar` streams per `RandomPurpose` (data
///   noise by NumPy's ziggurat on its stream, initialisation, feedback, dither; seeded from
///   (seed, purpose) as that type documents), so its curves are statistically equivalent to
///   the reference but not equal; and tanh is `FastTanh`, a vectorised kernel that differs from
///   NumPy's and glibc's in the last bits (at most 4 ulp). Everything else is identical.
public enum TimeSeriesEngine {
    /// Version of the time-series engine's numerics; bump it whenever any result can change,
    /// so that stored results of the old engine are recomputed.
    public static let numericsVersion = 2

    /// eps of y = sin(k*pi*x) + 0.1*eps, 200 values (reference: default_rng(seed).standard_normal(200)).
    /// The reference mode requires 0 <= seed (NumPy rejects negative seeds); the fast mode
    /// accepts any seed.
    public static func dataNoise(seed: Int, mode: RandomMode) -> [Double] {
        let n = TimeSeriesHyper.points
        switch mode {
        case .reference:
            var g = DefaultRNG(seed: UInt64(max(seed, 0)))
            return g.standardNormal(count: n)
        case .fast:
            var g = Xoshiro256StarStar(seed: seed, purpose: .dataNoise)
            return (0..<n).map { _ in g.standardNormal() }
        }
    }

    /// Runs one training run; `noise` overrides the generated data noise (for golden tests).
    ///
    /// Preconditions (the CLI validates them): `spec.depth >= 1`, `spec.epochs >= 0`,
    /// `noise` (when given) has 200 values; in the reference mode `0 <= spec.seed < 2^32`.
    /// A run whose loss becomes NaN or infinite stops and reports `divergedAtEpoch`.
    public static func run(_ spec: TimeSeriesSpec, noise: [Double]? = nil) -> TimeSeriesResult {
        precondition(spec.depth >= 1, "TimeSeriesEngine.run: depth must be >= 1")
        precondition(spec.epochs >= 0, "TimeSeriesEngine.run: epochs must be >= 0")
        let eps = noise ?? dataNoise(seed: spec.seed, mode: spec.mode)
        precondition(eps.count == TimeSeriesHyper.points, "TimeSeriesEngine.run: noise must hold 200 values")
        switch spec.mode {
        case .reference:
            var rng = LegacyRandomState(seed: UInt32(truncatingIfNeeded: spec.seed))
            return execute(spec, eps, rng: &rng, tanh: NumPyTanh.self)
        case .fast:
            var rng = FastRunRandom(seed: spec.seed)
            return execute(spec, eps, rng: &rng, tanh: FastTanh.self)
        }
    }

    /// The same run by the naive reference implementation (row-major buffers, plain loops, no
    /// caching): slow, kept so that tests can check the optimised engine against it bit for bit.
    public static func runNaive(_ spec: TimeSeriesSpec, noise: [Double]? = nil) -> TimeSeriesResult {
        precondition(spec.depth >= 1 && spec.epochs >= 0, "TimeSeriesEngine.runNaive: bad spec")
        let eps = noise ?? dataNoise(seed: spec.seed, mode: spec.mode)
        precondition(eps.count == TimeSeriesHyper.points, "TimeSeriesEngine.runNaive: noise must hold 200 values")
        func go<R: RunRandomSource, T: TanhKernel>(_ rng: inout R, _ tanh: T.Type) -> TimeSeriesResult {
            let run = NaiveTimeSeriesRun<R, T>(variant: spec.variant, depth: spec.depth)
            defer { run.deallocate() }
            eps.withUnsafeBufferPointer { buffer in
                if let base = buffer.baseAddress { run.setData(frequency: spec.frequency, noise: base) }
            }
            run.initialise(&rng)
            return run.train(epochs: spec.epochs, rng: &rng)
        }
        switch spec.mode {
        case .reference:
            var rng = LegacyRandomState(seed: UInt32(truncatingIfNeeded: spec.seed))
            return go(&rng, NumPyTanh.self)
        case .fast:
            var rng = FastRunRandom(seed: spec.seed)
            return go(&rng, FastTanh.self)
        }
    }

    /// Runs every spec in order on the calling thread (the timing entry point of `feedflip bench`).
    public static func runGrid(_ specs: [TimeSeriesSpec]) -> [TimeSeriesResult] {
        specs.map { run($0) }
    }

    private static func execute<R: RunRandomSource, T: TanhKernel>(
        _ spec: TimeSeriesSpec, _ eps: [Double], rng: inout R, tanh: T.Type
    ) -> TimeSeriesResult {
        let run = TimeSeriesRun<R, T>(variant: spec.variant, depth: spec.depth)
        eps.withUnsafeBufferPointer { buffer in
            if let base = buffer.baseAddress { run.setData(frequency: spec.frequency, noise: base) }
        }
        run.initialise(&rng)
        return run.train(epochs: spec.epochs, rng: &rng)
    }
}
