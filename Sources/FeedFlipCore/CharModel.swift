/// The character-level language model of the TinyStories benchmark, trained by any variant.
///
/// Architecture: the previous `context` symbols -> an embedding gather ((context * embedDim)
/// inputs, `EmbeddingEncoder`) -> `depth` tanh layers of `width` -> linear + softmax over the
/// vocabulary. Training is the minibatch engine's (`MinibatchNetwork.train`): an epoch is
/// `windowsPerEpoch` training windows taken from a running random order of all training windows
/// (stream `.shuffle` of the run's seed, reshuffled when used up), so epochs see different,
/// deterministic windows. After every epoch the model is evaluated on `validationWindows` fixed,
/// evenly spaced validation windows (`evaluationWindows`); `EpochMetrics.bitsPerCharacter` is
/// their mean cross-entropy in bits (loss / ln 2), over characters and end-of-story symbols.
public enum CharModel {
    /// The outcome of one run: the per-epoch record and the generated sample.
    public struct Outcome: Sendable {
        /// Per-epoch metrics (bits per character filled) and the divergence epoch, if any.
        public var result: MinibatchResult
        /// The prompt and its continuation (see `CharSampler`); empty when the run diverged.
        public var sample: String
        /// The vocabulary size (the softmax width).
        public var vocabularySize: Int
    }

    /// The fixed validation windows of a run: `min(count, available)` indices spread evenly
    /// over 0..<available, index i being `(i * available) / count` (integer division).
    public static func evaluationWindows(count: Int, available: Int) -> [Int] {
        let m = min(max(count, 0), available)
        guard m > 0 else { return [] }
        return (0..<m).map { Int((Int64($0) * Int64(available)) / Int64(m)) }
    }

    /// The next symbol of every window of `w`, in window order.
    public static func labels(of w: CharWindows) -> [Int32] {
        w.stream.withUnsafeBufferPointer { s in w.targetPositions.map { s[Int($0)] } }
    }

    /// Trains the model of `config` on `data` and generates the sample.
    /// `progress` is called after each completed epoch with its 0-based index and metrics.
    /// - Throws: `MinibatchError` for an invalid configuration (the message names the field),
    ///   a context that does not match `data`, or a width below the vocabulary size for the
    ///   ortho-feedback variants.
    public static func train(config: CharModelConfig, data: CharDataset,
                             progress: ((Int, EpochMetrics) -> Void)? = nil) throws(MinibatchError) -> Outcome {
        if let p = config.validationProblem() { throw .invalidConfig(p) }
        guard data.train.context == config.context else {
            throw .shapeMismatch("the dataset's windows hold \(data.train.context) characters, the configuration's context is \(config.context)")
        }
        guard data.validation.count > 0 else { throw .shapeMismatch("the validation split has no windows") }
        let v = data.vocabulary.count
        let net = try MinibatchNetwork(config: config.minibatch, inputDim: config.context * config.embedDim, classes: v)
        let testWindows = evaluationWindows(count: config.validationWindows, available: data.validation.count)
        var encoder = EmbeddingEncoder(train: data.train, validation: data.validation, testWindows: testWindows,
                                       vocabularySize: v, embedDim: config.embedDim, seed: config.seed)
        let validationLabels = labels(of: data.validation)
        let testLabels = testWindows.map { validationLabels[$0] }
        let result = try net.train(encoder: &encoder, trainLabels: labels(of: data.train), testLabels: testLabels,
                                   progress: progress)
        var sample = ""
        if result.divergedAtEpoch == nil {
            sample = generate(network: net, encoder: encoder, vocabulary: data.vocabulary, prompt: config.samplePrompt,
                              length: config.sampleLength, temperature: config.sampleTemperature, seed: config.seed)
        }
        return Outcome(result: result, sample: sample, vocabularySize: v)
    }

    /// Generates text with a trained network and its embedding (see `CharSampler`).
    public static func generate(network: MinibatchNetwork, encoder: EmbeddingEncoder, vocabulary: CharVocabulary,
                                prompt: String, length: Int, temperature: Double, seed: UInt64) -> String {
        let e = encoder.embedDim, k = encoder.context
        let table = encoder.table
        var row = [Float](repeating: 0, count: k * e)
        return CharSampler.sample(prompt: prompt, length: length, context: k, vocabulary: vocabulary,
                                  temperature: temperature, seed: seed) { ids in
            for (p, id) in ids.enumerated() {
                let base = Int(id) * e
                for j in 0..<e { row[p * e + j] = table[base + j] }
            }
            return network.logits(rows: row, count: 1)
        }
    }
}
