/// Which part of a dataset an example index refers to.
public enum SplitRole: String, Codable, Hashable, Sendable {
    /// The training examples (shuffled every epoch, used for updates).
    case train
    /// The held-out examples (evaluated after every epoch).
    case test
}

/// Produces the first layer's input rows for a batch of examples: dense features (MNIST) or an
/// embedding gather (TinyStories). The engine never sees the raw data, only these rows.
///
/// Gradient contract: after each SGD step the engine calls `update` with dLoss/d(rows) of the
/// batch-mean loss, `rowGradient = delta_0 · W_0` ((examples.count, inputDim), row-major), where
/// `delta_0` is layer 0's delta as the variant defines it (backprop or DFA) and `W_0` the forward
/// weights used in that step's forward pass. It is computed only when `isTrainable` is true.
public protocol InputEncoder {
    /// Length of one input row.
    var inputDim: Int { get }
    /// Whether `update` trains parameters (when false the input gradient is not computed).
    var isTrainable: Bool { get }
    /// Writes the rows of `examples` (indices into `split`) to `rows`, (examples.count, inputDim) row-major.
    func encode(_ split: SplitRole, examples: UnsafeBufferPointer<Int>, into rows: UnsafeMutablePointer<Float>)
    /// Applies one SGD step with step size `learningRate`, given dLoss/d(rows) of the training `examples`.
    mutating func update(examples: UnsafeBufferPointer<Int>, rowGradient: UnsafePointer<Float>, learningRate: Float)
}

extension InputEncoder {
    /// Fixed inputs have nothing to train.
    public var isTrainable: Bool { false }
    /// Fixed inputs ignore the gradient.
    public mutating func update(examples: UnsafeBufferPointer<Int>, rowGradient: UnsafePointer<Float>, learningRate: Float) {}
}

/// Dense labelled examples: `features` is (count, dim) row-major, `labels[i]` in 0..<classes.
public struct DenseSplit: Sendable, Hashable {
    /// Row-major (count, dim) feature matrix.
    public var features: [Float]
    /// One class index per example.
    public var labels: [Int32]
    /// Number of examples.
    public var count: Int { labels.count }
    /// Features per example.
    public var dim: Int

    /// Creates a split; `features.count` must equal `labels.count * dim`.
    public init(features: [Float], labels: [Int32], dim: Int) {
        precondition(features.count == labels.count * dim, "DenseSplit: features.count \(features.count) != labels.count \(labels.count) x dim \(dim)")
        self.features = features
        self.labels = labels
        self.dim = dim
    }

    /// The first `n` examples (all when `n >= count`).
    public func prefix(_ n: Int) -> DenseSplit {
        let k = min(max(0, n), count)
        return DenseSplit(features: Array(features[0..<(k * dim)]), labels: Array(labels[0..<k]), dim: dim)
    }
}

/// The fixed input encoder over two dense splits: it copies feature rows.
public struct DenseEncoder: InputEncoder, Sendable {
    /// The training split.
    public let train: DenseSplit
    /// The held-out split.
    public let test: DenseSplit

    /// Wraps two splits of equal `dim`.
    public init(train: DenseSplit, test: DenseSplit) {
        precondition(train.dim == test.dim, "DenseEncoder: train dim \(train.dim) != test dim \(test.dim)")
        self.train = train
        self.test = test
    }

    /// Features per example.
    public var inputDim: Int { train.dim }

    /// Copies the feature rows of `examples` into `rows`.
    public func encode(_ split: SplitRole, examples: UnsafeBufferPointer<Int>, into rows: UnsafeMutablePointer<Float>) {
        let s = split == .train ? train : test
        let d = s.dim
        s.features.withUnsafeBufferPointer { f in
            guard let base = f.baseAddress else { return }
            for (r, i) in examples.enumerated() {
                (rows + r * d).update(from: base + i * d, count: d)
            }
        }
    }
}
