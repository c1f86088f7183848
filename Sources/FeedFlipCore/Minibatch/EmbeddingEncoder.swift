/// The input layer of the character model: a trainable embedding table gathered per context
/// symbol (a lookup, never a product with one-hot vectors) and concatenated.
///
/// Shapes: `table` is (vocabularySize, embedDim) row-major; an input row is the concatenation of
/// the embeddings of a window's `context` symbols, oldest first: (context * embedDim).
///
/// Gradient: the engine passes dLoss/d(row) = `delta_0 · W_0` of the batch-mean loss, with
/// `delta_0` the first hidden layer's delta as the variant defines it (the backprop delta for
/// Backprop; the DFA delta `(B_0 e) ⊙ tanh'` for every DFA variant) and `W_0` the forward weights
/// of that step (the scaled ternary/binary weights for quantized variants). So under DFA the
/// embedding is trained by backpropagating the DFA delta of layer 0 through W_0 (one exact local
/// step), and it stays float in every variant. `update` scatters it: for each example and each
/// context position p, `table[symbol] -= learningRate * rowGradient[example, p*embedDim ..< (p+1)*embedDim]`
/// (a symbol used several times in a batch gets the sum).
public struct EmbeddingEncoder: InputEncoder, Sendable {
    /// Training windows; example i of `.train` is window i.
    public let train: CharWindows
    /// Held-out windows.
    public let validation: CharWindows
    /// Example i of `.test` is validation window `testWindows[i]` (a fixed subset).
    public let testWindows: [Int]
    /// Embedding dimension per symbol.
    public let embedDim: Int
    /// Number of symbols (rows of `table`).
    public let vocabularySize: Int
    /// The embedding table, (vocabularySize, embedDim) row-major.
    public var table: [Float]

    /// Creates an encoder with a table of N(0, 1) entries drawn from `MinibatchRandom(seed:, .encoder)`
    /// in row-major order (unit-variance inputs, like the standardised MNIST pixels).
    /// `testWindows` are the validation windows evaluated after each epoch.
    public init(train: CharWindows, validation: CharWindows, testWindows: [Int], vocabularySize: Int,
                embedDim: Int, seed: UInt64) {
        precondition(train.context == validation.context, "EmbeddingEncoder: context mismatch")
        precondition(embedDim >= 1 && vocabularySize >= 1, "EmbeddingEncoder: empty table")
        self.train = train
        self.validation = validation
        self.testWindows = testWindows
        self.embedDim = embedDim
        self.vocabularySize = vocabularySize
        var rng = MinibatchRandom(seed: seed, .encoder)
        self.table = (0..<(vocabularySize * embedDim)).map { _ in Float(rng.nextNormal()) }
    }

    /// Symbols per window.
    public var context: Int { train.context }

    /// Length of one input row: context * embedDim.
    public var inputDim: Int { train.context * embedDim }

    /// The embedding is trained.
    public var isTrainable: Bool { true }

    /// The windows and the window index of example `i` of a split.
    @inline(__always)
    private func window(_ split: SplitRole, _ i: Int) -> (CharWindows, Int) {
        split == .train ? (train, i) : (validation, testWindows[i])
    }

    /// The next symbol (the label) of each of `examples`, written to `labels` (examples.count).
    public func labels(_ split: SplitRole, examples: UnsafeBufferPointer<Int>, into labels: UnsafeMutablePointer<Int32>) {
        for (r, i) in examples.enumerated() {
            let (w, j) = window(split, i)
            labels[r] = w.stream[Int(w.targetPositions[j])]
        }
    }

    /// Gathers the embeddings of each example's context symbols into `rows`, (examples.count, inputDim).
    public func encode(_ split: SplitRole, examples: UnsafeBufferPointer<Int>, into rows: UnsafeMutablePointer<Float>) {
        let e = embedDim, k = context, d = inputDim
        table.withUnsafeBufferPointer { tb in
            guard let t = tb.baseAddress else { return }
            for (r, i) in examples.enumerated() {
                let (w, j) = window(split, i)
                let end = Int(w.targetPositions[j])
                w.stream.withUnsafeBufferPointer { s in
                    for p in 0..<k {
                        let sym = Int(s[end - k + p])
                        (rows + r * d + p * e).update(from: t + sym * e, count: e)
                    }
                }
            }
        }
    }

    /// One SGD step on the table rows the training `examples` used; `rowGradient` is
    /// (examples.count, inputDim).
    public mutating func update(examples: UnsafeBufferPointer<Int>, rowGradient: UnsafePointer<Float>, learningRate: Float) {
        let e = embedDim, k = context, d = inputDim
        let w = train
        table.withUnsafeMutableBufferPointer { tb in
            guard let t = tb.baseAddress else { return }
            w.stream.withUnsafeBufferPointer { s in
                for (r, i) in examples.enumerated() {
                    let end = Int(w.targetPositions[i])
                    for p in 0..<k {
                        let sym = Int(s[end - k + p])
                        MinibatchKernels.axpy(-learningRate, rowGradient + r * d + p * e, t + sym * e, count: e)
                    }
                }
            }
        }
    }
}
