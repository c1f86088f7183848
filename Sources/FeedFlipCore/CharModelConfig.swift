/// The resolved configuration of one character-model run on TinyStories.
///
/// Every field that changes the numbers is here, so a hash of this value (plus the data
/// checksum and `MinibatchConfig.numericsVersion`) identifies a run's result.
public struct CharModelConfig: Codable, Hashable, Sendable {
    /// The training variant (METHODS.md Part 2).
    public var variant: Variant
    /// Number of tanh hidden layers.
    public var depth: Int
    /// Units per hidden layer.
    public var width: Int
    /// Previous characters a window holds (k).
    public var context: Int
    /// Embedding dimension per character; the first layer sees context * embedDim inputs.
    public var embedDim: Int
    /// Training windows per epoch, drawn by the engine's per-epoch shuffle of all windows.
    public var windowsPerEpoch: Int
    /// Fixed validation windows evaluated after every epoch (evenly spaced over the validation split).
    public var validationWindows: Int
    /// Windows per SGD step.
    public var batchSize: Int
    /// SGD step size (batch-mean gradient), shared by the embedding and the layers.
    public var learningRate: Double
    /// Number of epochs.
    public var epochs: Int
    /// The run's seed (initialisation, feedback, window order, dither, sampling).
    public var seed: UInt64
    /// Characters generated for the report's sample.
    public var sampleLength: Int
    /// The fixed prompt the sample continues.
    public var samplePrompt: String
    /// Sampling temperature: 0 is greedy (arg-max); otherwise softmax(logits / temperature).
    public var sampleTemperature: Double

    /// Creates a configuration; the defaults are the benchmark's (measured to fit the time budget).
    public init(variant: Variant, depth: Int = 2, width: Int = 256, context: Int = 16, embedDim: Int = 16,
                windowsPerEpoch: Int = 30_000, validationWindows: Int = 10_000, batchSize: Int = 64,
                learningRate: Double = 0.1, epochs: Int = 50, seed: UInt64 = 0,
                sampleLength: Int = 200, samplePrompt: String = "Once upon a time",
                sampleTemperature: Double = 0.5) {
        self.variant = variant
        self.depth = depth
        self.width = width
        self.context = context
        self.embedDim = embedDim
        self.windowsPerEpoch = windowsPerEpoch
        self.validationWindows = validationWindows
        self.batchSize = batchSize
        self.learningRate = learningRate
        self.epochs = epochs
        self.seed = seed
        self.sampleLength = sampleLength
        self.samplePrompt = samplePrompt
        self.sampleTemperature = sampleTemperature
    }

    /// Checks the values a run needs; returns a message naming the bad field, or nil when valid.
    public func validationProblem() -> String? {
        if context < 1 { return "context must be at least 1, got \(context)" }
        if embedDim < 1 { return "embedDim must be at least 1, got \(embedDim)" }
        if windowsPerEpoch < 1 { return "windowsPerEpoch must be at least 1, got \(windowsPerEpoch)" }
        if validationWindows < 1 { return "validationWindows must be at least 1, got \(validationWindows)" }
        if sampleLength < 0 { return "sampleLength must be non-negative, got \(sampleLength)" }
        if !(sampleTemperature >= 0) || !sampleTemperature.isFinite {
            return "sampleTemperature must be >= 0, got \(sampleTemperature)"
        }
        return minibatch.validationProblem()
    }

    /// The engine configuration of this run (bits per character as the held-out metric).
    public var minibatch: MinibatchConfig {
        MinibatchConfig(variant: variant, depth: depth, width: width, epochs: epochs, batchSize: batchSize,
                        learningRate: learningRate, seed: seed, examplesPerEpoch: windowsPerEpoch,
                        metric: .bitsPerCharacter)
    }
}
