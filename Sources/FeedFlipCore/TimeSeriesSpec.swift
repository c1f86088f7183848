/// One time-series training run (METHODS.md Part 1): which variant, network depth, target
/// frequency, seed, number of epochs, and which random streams.
public struct TimeSeriesSpec: Hashable, Codable, Sendable {
    /// The training variant (one of `Variant.timeSeries`).
    public var variant: Variant
    /// The number of hidden layers D (>= 1).
    public var depth: Int
    /// The frequency k of the target `sin(k*pi*x)` (>= 0).
    public var frequency: Int
    /// The run's seed; in the reference mode it must lie in 0 ..< 2^32 as NumPy requires.
    public var seed: Int
    /// The number of epochs (full-batch updates); the curve has this many entries (>= 1).
    public var epochs: Int
    /// Reference-compatible NumPy streams or the engine's fast generators.
    public var mode: RandomMode

    /// Creates a run description; validation is the caller's job (see `TimeSeriesEngine.run`).
    public init(variant: Variant, depth: Int, frequency: Int, seed: Int, epochs: Int, mode: RandomMode) {
        self.variant = variant
        self.depth = depth
        self.frequency = frequency
        self.seed = seed
        self.epochs = epochs
        self.mode = mode
    }
}

/// The fixed hyperparameters of the time-series task (METHODS.md Part 1).
public enum TimeSeriesHyper {
    /// Number of data points N.
    public static let points = 200
    /// Hidden width.
    public static let width = 8
    /// Learning rate.
    public static let learningRate = 0.01
    /// Threshold factor of the adaptive quantizer: t = alpha * mean|W|.
    public static let alpha = 0.7
    /// Momentum coefficient.
    public static let beta = 0.9
    /// Feedback calibration period in epochs.
    public static let calibrationPeriod = 50
}
