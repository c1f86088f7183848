/// What the held-out metric of a minibatch run is.
public enum MinibatchMetric: String, Codable, Hashable, Sendable {
    /// Classification: `EpochMetrics.testAccuracy` is filled (MNIST).
    case accuracy
    /// Language modelling: `EpochMetrics.bitsPerCharacter` (= test loss / ln 2) is filled as well.
    case bitsPerCharacter
}

/// The resolved configuration of one minibatch training run (MNIST, TinyStories).
///
/// Every field that changes the numbers is here, so a hash of this value (plus the data checksum
/// and `MinibatchConfig.numericsVersion`) identifies a run's result.
public struct MinibatchConfig: Codable, Hashable, Sendable {
    /// The training variant (METHODS.md Part 2).
    public var variant: Variant
    /// Number of tanh hidden layers (depth 2 = input-256-256-C).
    public var depth: Int
    /// Units per hidden layer.
    public var width: Int
    /// Number of passes (or `examplesPerEpoch` blocks) over the training examples.
    public var epochs: Int
    /// Examples per SGD step; the last step of an epoch may be smaller.
    public var batchSize: Int
    /// SGD step size, applied to the batch-mean gradient.
    public var learningRate: Double
    /// The run's seed; every random draw (init, feedback, shuffling, dither) derives from it.
    public var seed: UInt64
    /// Examples per epoch; `nil` means one full pass over the training split.
    public var examplesPerEpoch: Int?
    /// Calibrated variants refit `B_l` every this many SGD steps, starting at step 0.
    public var calibrationPeriod: Int
    /// Ternary threshold factor: Δ = alpha · mean|W| (METHODS.md: 0.7).
    public var alpha: Double
    /// Momentum factor of the +Momentum variant (METHODS.md: 0.9).
    public var beta: Double
    /// Held-out metric to report.
    public var metric: MinibatchMetric
    /// Held-out examples evaluated per forward pass (memory only; does not change results).
    public var evaluationChunk: Int

    /// Creates a configuration; defaults follow METHODS.md Part 2 (alpha 0.7, beta 0.9), the
    /// minibatch calibration cadence of 50 steps, and the MNIST choice made once on Backprop and
    /// Vanilla DFA (width 256, batch 64, lr 0.1: 98.25% / 97.83% at depth 2 after 20 epochs).
    public init(variant: Variant, depth: Int = 2, width: Int = 256, epochs: Int = 20,
                batchSize: Int = 64, learningRate: Double = 0.1, seed: UInt64 = 0,
                examplesPerEpoch: Int? = nil, calibrationPeriod: Int = 50,
                alpha: Double = 0.7, beta: Double = 0.9,
                metric: MinibatchMetric = .accuracy, evaluationChunk: Int = 1000) {
        self.variant = variant
        self.depth = depth
        self.width = width
        self.epochs = epochs
        self.batchSize = batchSize
        self.learningRate = learningRate
        self.seed = seed
        self.examplesPerEpoch = examplesPerEpoch
        self.calibrationPeriod = calibrationPeriod
        self.alpha = alpha
        self.beta = beta
        self.metric = metric
        self.evaluationChunk = evaluationChunk
    }

    /// Version of the minibatch engine's numerics; bump it whenever results can change.
    public static let numericsVersion = 1

    /// Checks the values a run needs; returns a message naming the bad field, or nil when valid.
    public func validationProblem() -> String? {
        if depth < 1 { return "depth must be at least 1, got \(depth)" }
        if width < 1 { return "width must be at least 1, got \(width)" }
        if epochs < 0 { return "epochs must be non-negative, got \(epochs)" }
        if batchSize < 1 { return "batch size must be at least 1, got \(batchSize)" }
        if !(learningRate > 0) || !learningRate.isFinite { return "learning rate must be positive, got \(learningRate)" }
        if let n = examplesPerEpoch, n < 1 { return "examples per epoch must be at least 1, got \(n)" }
        if calibrationPeriod < 1 { return "calibration period must be at least 1, got \(calibrationPeriod)" }
        if evaluationChunk < 1 { return "evaluation chunk must be at least 1, got \(evaluationChunk)" }
        return nil
    }
}
