/// The minibatch training loop: epochs of shuffled SGD steps, held-out evaluation after each
/// epoch, divergence detection.
extension MinibatchNetwork {
    /// Trains for `config.epochs` epochs on the examples 0..<trainLabels.count of `encoder`'s
    /// train split and evaluates on 0..<testLabels.count of its test split after every epoch.
    ///
    /// Each epoch visits the examples in a fresh random order (stream `.shuffle`); with
    /// `examplesPerEpoch` set it takes that many from a running order that is reshuffled when
    /// used up. A batch loss or a test loss that is NaN or infinite stops the run and records
    /// `divergedAtEpoch` (0-based; `epochs` then holds only the completed epochs).
    /// `progress` is called after each completed epoch with its 0-based index.
    /// - Throws: `MinibatchError` when the encoder's width or a label does not fit the network.
    public func train<E: InputEncoder>(encoder: inout E, trainLabels: [Int32], testLabels: [Int32],
                                       progress: ((Int, EpochMetrics) -> Void)? = nil) throws(MinibatchError) -> MinibatchResult {
        guard encoder.inputDim == inputDim else {
            throw .shapeMismatch("encoder rows have \(encoder.inputDim) values, the network expects \(inputDim)")
        }
        guard !trainLabels.isEmpty else { throw .shapeMismatch("the training split is empty") }
        for (split, labels) in [(SplitRole.train, trainLabels), (.test, testLabels)] {
            if let i = labels.firstIndex(where: { $0 < 0 || Int($0) >= classes }) {
                throw .labelOutOfRange(split: split, index: i, label: labels[i], classes: classes)
            }
        }
        var shuffle = MinibatchRandom(seed: config.seed, .shuffle)
        var order = Array(0..<trainLabels.count)
        var cursor = order.count // forces a shuffle before the first batch
        let perEpoch = config.examplesPerEpoch ?? trainLabels.count
        let clock = ContinuousClock()
        var metrics: [EpochMetrics] = []
        var batchIdx = [Int](repeating: 0, count: config.batchSize)
        var batchLabels = [Int32](repeating: 0, count: config.batchSize)
        let trainable = encoder.isTrainable
        let lr = Float(config.learningRate)

        for epoch in 0..<config.epochs {
            let start = clock.now
            if config.examplesPerEpoch == nil { cursor = order.count }
            var seen = 0
            var lossSum = 0.0
            while seen < perEpoch {
                var n = 0
                while n < config.batchSize, seen + n < perEpoch {
                    if cursor == order.count { shuffle.shuffle(&order); cursor = 0 }
                    batchIdx[n] = order[cursor]
                    batchLabels[n] = trainLabels[order[cursor]]
                    cursor += 1
                    n += 1
                }
                let r = batchIdx.withUnsafeBufferPointer { idx in
                    let examples = UnsafeBufferPointer(rebasing: idx[0..<n])
                    encoder.encode(.train, examples: examples, into: acts[0].p)
                    return batchLabels.minibatchWithPointer {
                        step(rows: n, labels: $0, wantInputGradient: trainable)
                    }
                }
                guard r.lossSum.isFinite else { return MinibatchResult(epochs: metrics, divergedAtEpoch: epoch) }
                if trainable {
                    batchIdx.withUnsafeBufferPointer { idx in
                        encoder.update(examples: UnsafeBufferPointer(rebasing: idx[0..<n]),
                                       rowGradient: inputGradient.p, learningRate: lr)
                    }
                }
                lossSum += r.lossSum
                seen += n
            }
            let test = evaluate(encoder, split: .test, labels: testLabels)
            if !testLabels.isEmpty, !test.loss.isFinite {
                return MinibatchResult(epochs: metrics, divergedAtEpoch: epoch)
            }
            let elapsed = clock.now - start
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
            let m = EpochMetrics(trainLoss: lossSum / Double(seen), testLoss: test.loss,
                                 testAccuracy: test.accuracy,
                                 bitsPerCharacter: config.metric == .bitsPerCharacter ? test.loss / 0.6931471805599453 : nil,
                                 seconds: seconds)
            metrics.append(m)
            progress?(epoch, m)
        }
        return MinibatchResult(epochs: metrics, divergedAtEpoch: nil)
    }

    /// One SGD step on explicit rows ((labels.count, inputDim) row-major, at most `batchSize`
    /// rows); returns the summed loss (nats) and the number of correct predictions before the update.
    public func trainStep(rows: [Float], labels: [Int32]) -> (lossSum: Double, correct: Int) {
        let n = labels.count
        precondition(n >= 1 && n <= capacity && rows.count == n * inputDim, "trainStep: bad batch shape")
        rows.minibatchWithPointer { acts[0].p.update(from: $0, count: rows.count) }
        return labels.minibatchWithPointer { step(rows: n, labels: $0, wantInputGradient: false) }
    }

    /// The exact backprop gradients of the batch-mean cross-entropy with respect to every layer's
    /// forward weights and biases at the current parameters (no update), and the mean loss.
    /// `rows` is (labels.count, inputDim) row-major, at most `max(batchSize, evaluationChunk)` rows.
    public func backpropGradients(rows: [Float], labels: [Int32]) -> (loss: Double, weights: [[Float]], biases: [[Float]]) {
        let n = labels.count
        precondition(n >= 1 && n <= capacity && rows.count == n * inputDim, "backpropGradients: bad batch shape")
        let d = config.depth
        rows.minibatchWithPointer { acts[0].p.update(from: $0, count: rows.count) }
        forward(rows: n)
        let e = acts[d + 1].p
        let r = labels.minibatchWithPointer {
            MinibatchKernels.softmaxCrossEntropy(e, labels: $0, rows: n, classes: classes)
        }
        var gw = [[Float]](repeating: [], count: d + 1)
        var gb = [[Float]](repeating: [], count: d + 1)
        for l in stride(from: d, through: 0, by: -1) {
            let layer = layers[l]
            let delta = l == d ? e : deltas[l].p
            var g = [Float](repeating: 0, count: layer.weightCount)
            g.minibatchWithMutablePointer {
                MinibatchKernels.gemm(transA: true, transB: false, m: layer.fanOut, n: layer.fanIn, k: n, alpha: 1 / Float(n),
                                      a: delta, lda: layer.fanOut, b: acts[l].p, ldb: layer.fanIn, beta: 0,
                                      c: $0, ldc: layer.fanIn)
            }
            var b = [Float](repeating: 0, count: layer.fanOut)
            b.minibatchWithMutablePointer { MinibatchKernels.columnSums(delta, rows: n, cols: layer.fanOut, into: $0) }
            gw[l] = g
            gb[l] = b.map { $0 / Float(n) }
            if l > 0 {
                MinibatchKernels.gemm(transA: false, transB: false, m: n, n: layer.fanIn, k: layer.fanOut, alpha: 1,
                                      a: delta, lda: layer.fanOut, b: layer.w.p, ldb: layer.fanIn,
                                      beta: 0, c: deltas[l - 1].p, ldc: layer.fanIn)
                MinibatchKernels.multiplyTanhDerivative(deltas[l - 1].p, activation: acts[l].p, count: n * layer.fanIn)
            }
        }
        return (r.lossSum / Double(n), gw, gb)
    }
}

/// Convenience entry points for dense datasets.
public enum MinibatchTraining {
    /// Builds the network of `config` and trains it on dense `train`, evaluating on `test`.
    /// - Throws: `MinibatchError` for an invalid configuration, shapes or labels.
    public static func train(config: MinibatchConfig, train: DenseSplit, test: DenseSplit, classes: Int,
                             progress: ((Int, EpochMetrics) -> Void)? = nil) throws(MinibatchError) -> MinibatchResult {
        guard train.dim == test.dim else {
            throw .shapeMismatch("train rows have \(train.dim) features, test rows \(test.dim)")
        }
        let net = try MinibatchNetwork(config: config, inputDim: train.dim, classes: classes)
        var encoder = DenseEncoder(train: train, test: test)
        return try net.train(encoder: &encoder, trainLabels: train.labels, testLabels: test.labels, progress: progress)
    }
}
