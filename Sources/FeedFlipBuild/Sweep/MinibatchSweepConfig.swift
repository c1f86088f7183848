import Foundation
import FeedFlipCore
import FeedFlipData

/// The datasets of a minibatch sweep (`feedflip sweep --dataset ...`).
public enum MinibatchSweepDataset: String, CaseIterable, Codable, Hashable, Sendable {
    /// Handwritten digits (classification, test accuracy).
    case mnist
    /// Zalando's Fashion-MNIST (same format as MNIST).
    case fashionMNIST = "fashion-mnist"
    /// Character-level language modelling on TinyStories (bits per character).
    case tinystories

    /// The image dataset this names, or nil for TinyStories.
    public var imageKind: ImageDatasetKind? {
        switch self {
        case .mnist: return .mnist
        case .fashionMNIST: return .fashionMNIST
        case .tinystories: return nil
        }
    }

    /// The name shown in titles: `MNIST`, `Fashion-MNIST`, `TinyStories`.
    public var displayName: String {
        switch self {
        case .mnist: return "MNIST"
        case .fashionMNIST: return "Fashion-MNIST"
        case .tinystories: return "TinyStories"
        }
    }

    /// Epochs per run when `--epochs` is not given: 20 (images), 50 (TinyStories).
    public var defaultEpochs: Int { self == .tinystories ? 50 : 20 }

    /// The final metric's column name: `test_accuracy_pct` (percent, higher is better) or `bpc`
    /// (validation bits per character, lower is better).
    public var metricName: String { self == .tinystories ? "bpc" : "test_accuracy_pct" }

    /// The held-out loss's column name: `test_loss` or `validation_loss` (nats per example).
    public var lossName: String { self == .tinystories ? "validation_loss" : "test_loss" }

    /// The final metric of one epoch: test accuracy in percent, or bits per character.
    public func metric(_ m: EpochMetrics) -> Double? {
        self == .tinystories ? m.bitsPerCharacter : m.testAccuracy.map { 100 * $0 }
    }
}

/// One run of a minibatch sweep: a variant, a depth and a seed.
public struct MinibatchSweepRun: Codable, Hashable, Sendable {
    /// The training variant.
    public var variant: Variant
    /// Number of tanh hidden layers.
    public var depth: Int
    /// The run's seed (every random draw of the run derives from it).
    public var seed: Int
}

/// The resolved configuration of a minibatch sweep: the grid and every hyperparameter of its
/// runs (all of it goes into `summary.json`).
public struct MinibatchSweepConfig: Codable, Hashable, Sendable {
    /// Which dataset the runs train on.
    public var dataset: MinibatchSweepDataset
    /// The variants, in output order.
    public var variants: [Variant]
    /// Numbers of tanh hidden layers.
    public var depths: [Int]
    /// Seeds per (variant, depth).
    public var seeds: [Int]
    /// Epochs per run (images: passes over the training images; text: `windowsPerEpoch` windows).
    public var epochs: Int
    /// Units per hidden layer.
    public var width: Int
    /// Examples (images or windows) per SGD step.
    public var batchSize: Int
    /// SGD step size on the batch-mean gradient.
    public var learningRate: Double
    /// Calibrated variants refit feedback every this many SGD steps (engine default, recorded).
    public var calibrationPeriod: Int
    /// Ternary threshold factor (METHODS.md Part 2; engine default, recorded).
    public var alpha: Double
    /// Momentum factor of +Momentum (METHODS.md Part 2; engine default, recorded).
    public var beta: Double
    /// Images: only the first `trainLimit` training images (nil: all 60,000).
    public var trainLimit: Int?
    /// TinyStories: characters of context before the predicted one (nil for images).
    public var context: Int?
    /// TinyStories: embedding dimension per character.
    public var embedDim: Int?
    /// TinyStories: training windows per epoch.
    public var windowsPerEpoch: Int?
    /// TinyStories: fixed validation windows evaluated after every epoch.
    public var validationWindows: Int?
    /// TinyStories: the prompt every trained model's sample continues.
    public var samplePrompt: String?
    /// TinyStories: characters generated per sample.
    public var sampleLength: Int?
    /// TinyStories: sampling temperature (0 is greedy).
    public var sampleTemperature: Double?

    /// A configuration whose omitted values take the defaults: for images width, batch size and
    /// learning rate of `MinibatchConfig` (the MNIST choice made on Backprop and Vanilla DFA);
    /// for TinyStories those of `CharModelConfig`; epochs from `dataset.defaultEpochs`.
    public init(dataset: MinibatchSweepDataset, variants: [Variant], depths: [Int], seeds: [Int],
                epochs: Int? = nil, width: Int? = nil, batchSize: Int? = nil, learningRate: Double? = nil,
                trainLimit: Int? = nil, context: Int? = nil, windowsPerEpoch: Int? = nil) {
        self.dataset = dataset
        self.variants = variants
        self.depths = depths
        self.seeds = seeds
        self.epochs = epochs ?? dataset.defaultEpochs
        let engine = MinibatchConfig(variant: .backprop)
        calibrationPeriod = engine.calibrationPeriod
        alpha = engine.alpha
        beta = engine.beta
        if dataset == .tinystories {
            let c = CharModelConfig(variant: .backprop)
            self.width = width ?? c.width
            self.batchSize = batchSize ?? c.batchSize
            self.learningRate = learningRate ?? c.learningRate
            self.context = context ?? c.context
            embedDim = c.embedDim
            self.windowsPerEpoch = windowsPerEpoch ?? c.windowsPerEpoch
            validationWindows = c.validationWindows
            samplePrompt = c.samplePrompt
            sampleLength = c.sampleLength
            sampleTemperature = c.sampleTemperature
        } else {
            self.width = width ?? engine.width
            self.batchSize = batchSize ?? engine.batchSize
            self.learningRate = learningRate ?? engine.learningRate
            self.trainLimit = trainLimit
        }
    }

    /// Every run, in the order variant, depth, seed.
    public var runs: [MinibatchSweepRun] {
        variants.flatMap { v in depths.flatMap { d in seeds.map { MinibatchSweepRun(variant: v, depth: d, seed: $0) } } }
    }

    /// The engine configuration of an image run.
    public func imageConfig(_ r: MinibatchSweepRun) -> MinibatchConfig {
        MinibatchConfig(variant: r.variant, depth: r.depth, width: width, epochs: epochs, batchSize: batchSize,
                        learningRate: learningRate, seed: UInt64(r.seed), calibrationPeriod: calibrationPeriod,
                        alpha: alpha, beta: beta)
    }

    /// The character-model configuration of a TinyStories run.
    public func charConfig(_ r: MinibatchSweepRun) -> CharModelConfig {
        let d = CharModelConfig(variant: r.variant)
        return CharModelConfig(variant: r.variant, depth: r.depth, width: width, context: context ?? d.context,
                               embedDim: embedDim ?? d.embedDim, windowsPerEpoch: windowsPerEpoch ?? d.windowsPerEpoch,
                               validationWindows: validationWindows ?? d.validationWindows, batchSize: batchSize,
                               learningRate: learningRate, epochs: epochs, seed: UInt64(r.seed),
                               sampleLength: sampleLength ?? d.sampleLength, samplePrompt: samplePrompt ?? d.samplePrompt,
                               sampleTemperature: sampleTemperature ?? d.sampleTemperature)
    }

    /// Checks the grid and the hyperparameters before any data is read.
    /// - Throws: `BuildError.invalid` naming the option and the bad value.
    public func validate() throws(BuildError) {
        if variants.isEmpty { throw .invalid("the sweep has no variants; give at least one with --methods") }
        if depths.isEmpty || seeds.isEmpty { throw .invalid("the sweep is empty; give at least one depth and seed") }
        if epochs < 1 { throw .invalid("--epochs must be at least 1, got \(epochs)") }
        if let d = depths.first(where: { $0 < 1 }) { throw .invalid("--depths: depth must be at least 1, got \(d)") }
        if let s = seeds.first(where: { $0 < 0 }) { throw .invalid("--seeds: seed must be >= 0, got \(s)") }
        for (name, list) in [("depths", depths), ("seeds", seeds)] where Set(list).count != list.count {
            throw .invalid("--\(name) lists a value twice")
        }
        if Set(variants).count != variants.count { throw .invalid("--methods lists a variant twice") }
        if width < 1 { throw .invalid("--width must be at least 1, got \(width)") }
        if batchSize < 1 { throw .invalid("--batch-size must be at least 1, got \(batchSize)") }
        if !(learningRate > 0) || !learningRate.isFinite { throw .invalid("--lr must be a positive number, got \(learningRate)") }
        if let n = trainLimit, n < 1 { throw .invalid("--train-limit must be at least 1, got \(n)") }
        if let k = context, k < 1 { throw .invalid("--context must be at least 1, got \(k)") }
        if let n = windowsPerEpoch, n < 1 { throw .invalid("--windows-per-epoch must be at least 1, got \(n)") }
        guard let r = runs.first else { return }
        let problem = dataset == .tinystories ? charConfig(r).validationProblem() : imageConfig(r).validationProblem()
        if let problem { throw .invalid("sweep: \(problem)") }
    }

    /// Checks what depends on the data: the ortho-feedback variants need `width >= classes`.
    /// - Throws: `BuildError.invalid` naming the variants and the width they need.
    public func validate(classes: Int) throws(BuildError) {
        let ortho = variants.filter { $0.feedback == .orthoColumn || $0.feedback == .blockOrtho }
        if width < classes, !ortho.isEmpty {
            let what = dataset == .tinystories ? "the vocabulary's \(classes) symbols" : "\(classes) classes"
            throw .invalid("--width \(width) is below \(what), but \(ortho.map { "\"\($0.name)\"" }.joined(separator: ", ")) "
                           + "use\(ortho.count == 1 ? "s" : "") ortho feedback, which needs width >= \(classes): raise --width or drop those --methods")
        }
    }

    /// The hyperparameters for `summary.json`, by name.
    public var hyperparameters: [String: Double] {
        var h: [String: Double] = ["hidden_width": Double(width), "batch_size": Double(batchSize),
                                   "learning_rate": learningRate, "calibration_period": Double(calibrationPeriod),
                                   "alpha": alpha, "beta": beta]
        if let n = trainLimit { h["train_limit"] = Double(n) }
        if let k = context { h["context"] = Double(k) }
        if let e = embedDim { h["embed_dim"] = Double(e) }
        if let n = windowsPerEpoch { h["windows_per_epoch"] = Double(n) }
        if let n = validationWindows { h["validation_windows"] = Double(n) }
        if let n = sampleLength { h["sample_length"] = Double(n) }
        if let t = sampleTemperature { h["sample_temperature"] = t }
        return h
    }
}
