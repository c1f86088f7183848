/// A tanh MLP with a linear + softmax output, trained by one variant of METHODS.md Part 2.
///
/// Layers: input (inputDim) → `depth` tanh layers of `width` → linear (classes) → softmax.
/// Every product is a `cblas_sgemm` on row-major Float32; activations are (batch, units).
///
/// Initialisation (per seed, stream `.weights`, layers 0...depth in order, row-major):
/// - Backprop and the shadow variants (+Shadow, FeedFlip): W (or S, V) ~ N(0, 1)/sqrt(fanIn);
/// - every other variant: U uniform on {-1, 0, +1} (the same draws for all of them) and the
///   fixed scale s = 1/sqrt(fanIn · non-zero fraction of U); forward weights W = s · U.
///   Vanilla and Structured DFA then train W in float; the ternary ones keep U ternary.
/// Biases start at 0, are updated by SGD in every variant and are never quantized.
public final class MinibatchNetwork {
    /// The run's configuration.
    public let config: MinibatchConfig
    /// Length of one input row.
    public let inputDim: Int
    /// Number of output classes C.
    public let classes: Int

    let layers: [MinibatchLayer]
    /// Rows the workspace holds: max(batchSize, evaluationChunk).
    let capacity: Int
    /// acts[0] = input rows (capacity, inputDim); acts[l + 1] = output of layer l; the last holds
    /// logits, then the error p - onehot after the loss.
    let acts: [MinibatchBuffer]
    /// deltas[l] (capacity, fanOut_l) for hidden layers l < depth.
    let deltas: [MinibatchBuffer]
    let inputGradient: MinibatchBuffer
    let gradient: MinibatchBuffer
    let biasGradient: MinibatchBuffer
    var dither: MinibatchDither
    /// SGD steps taken so far.
    public internal(set) var steps = 0

    /// Builds and initialises the network of `config` for inputs of `inputDim` and `classes` outputs.
    /// - Throws: `MinibatchError` for an invalid configuration or ortho feedback with width < classes.
    public init(config: MinibatchConfig, inputDim: Int, classes: Int) throws(MinibatchError) {
        if let p = config.validationProblem() { throw .invalidConfig(p) }
        guard inputDim >= 1, classes >= 2 else {
            throw .shapeMismatch("input dimension \(inputDim) and classes \(classes): need at least 1 and 2")
        }
        let v = config.variant
        if v.feedback == .orthoColumn || v.feedback == .blockOrtho, config.width < classes {
            throw .widthBelowClasses(width: config.width, classes: classes, variant: v.name)
        }
        self.config = config
        self.inputDim = inputDim
        self.classes = classes
        let d = config.depth
        let hasMaster = v.forward != .float
        var ls: [MinibatchLayer] = []
        for l in 0...d {
            let fi = l == 0 ? inputDim : config.width
            let fo = l == d ? classes : config.width
            ls.append(MinibatchLayer(fanIn: fi, fanOut: fo, hasMaster: hasMaster, hasVelocity: v.momentum && l < d))
        }
        layers = ls
        let cap = max(config.batchSize, config.evaluationChunk)
        capacity = cap
        acts = [MinibatchBuffer(cap * inputDim)] + ls.map { MinibatchBuffer(cap * $0.fanOut) }
        deltas = ls.dropLast().map { MinibatchBuffer(cap * $0.fanOut) }
        inputGradient = MinibatchBuffer(cap * inputDim)
        gradient = MinibatchBuffer(v.momentum ? ls.map(\.weightCount).max() ?? 0 : 0)
        biasGradient = MinibatchBuffer(max(config.width, classes))
        dither = MinibatchDither(seed: config.seed)
        initialiseWeights()
        initialiseFeedback()
    }

    private func initialiseWeights() {
        var rng = MinibatchRandom(seed: config.seed, .weights)
        let v = config.variant
        let gaussian = v.feedback == .backprop || v.forward == .signOfShadow || v.forward == .ternaryOfShadow
        for layer in layers {
            let n = layer.weightCount
            if gaussian {
                let s = 1 / Double(layer.fanIn).squareRoot()
                let target = v.forward == .float ? layer.w.p : layer.master.p
                for i in 0..<n { target[i] = Float(rng.nextNormal() * s) }
            } else {
                let u = layer.w.p
                for i in 0..<n { u[i] = Float(rng.nextInt(below: 3) - 1) }
                let frac = max(MinibatchQuantizers.nonZeroFraction(u, count: n), 1 / Double(n))
                layer.scale = Float(1 / (Double(layer.fanIn) * frac).squareRoot())
                if v.forward != .float { layer.master.p.update(from: u, count: n) }
                for i in 0..<n { u[i] *= layer.scale }
            }
            refreshForward(layer)
        }
    }

    private func initialiseFeedback() {
        var rng = MinibatchRandom(seed: config.seed, .feedback)
        let hidden = layers.dropLast()
        switch config.variant.feedback {
        case .backprop:
            return
        case .random:
            for layer in hidden { layer.feedback = MinibatchBuffer(MinibatchFeedback.random(width: layer.fanOut, classes: classes, rng: &rng)) }
        case .orthoColumn:
            for layer in hidden { layer.feedback = MinibatchBuffer(MinibatchFeedback.orthoColumns(width: layer.fanOut, classes: classes, rng: &rng)) }
        case .blockOrtho:
            let q = MinibatchFeedback.orthoColumns(width: config.width, classes: classes, rng: &rng)
            for layer in hidden { layer.feedback = MinibatchBuffer(q) }
        }
        for layer in hidden {
            var s = 0.0
            for i in 0..<layer.feedback.count { s += Double(layer.feedback.p[i]) * Double(layer.feedback.p[i]) }
            layer.feedbackNorm = s.squareRoot()
        }
    }

    /// Recomputes the forward weights from the master copy (no-op for float variants).
    func refreshForward(_ layer: MinibatchLayer) {
        let n = layer.weightCount
        let w = layer.w.p, m = layer.master.p
        switch config.variant.forward {
        case .float:
            return
        case .fixedTernary, .stochasticTernary:
            let s = layer.scale
            for i in 0..<n { w[i] = s * m[i] }
        case .signOfShadow:
            let s = MinibatchQuantizers.twnScale(m, count: n, threshold: 0)
            for i in 0..<n { w[i] = m[i] > 0 ? s : (m[i] < 0 ? -s : 0) }
        case .ternaryOfShadow:
            let t = Float(config.alpha * MinibatchKernels.meanAbs(m, count: n))
            let s = MinibatchQuantizers.twnScale(m, count: n, threshold: t)
            for i in 0..<n { w[i] = m[i] > t ? s : (m[i] < -t ? -s : 0) }
        }
    }

    /// Forward pass of the `n` rows already in `acts[0]`; leaves logits in `acts.last`.
    func forward(rows n: Int) {
        let d = config.depth
        for (l, layer) in layers.enumerated() {
            MinibatchKernels.gemm(transA: false, transB: true, m: n, n: layer.fanOut, k: layer.fanIn, alpha: 1,
                                  a: acts[l].p, lda: layer.fanIn, b: layer.w.p, ldb: layer.fanIn,
                                  beta: 0, c: acts[l + 1].p, ldc: layer.fanOut)
            if l < d {
                MinibatchKernels.addBiasTanh(acts[l + 1].p, bias: layer.bias.p, rows: n, cols: layer.fanOut)
            } else {
                MinibatchKernels.addBias(acts[l + 1].p, bias: layer.bias.p, rows: n, cols: layer.fanOut)
            }
        }
    }

    /// Logits (count, classes) row-major for `count` input rows given as (count, inputDim) row-major.
    public func logits(rows: [Float], count: Int) -> [Float] {
        precondition(rows.count == count * inputDim, "logits: rows.count \(rows.count) != count \(count) x inputDim \(inputDim)")
        var out = [Float](repeating: 0, count: count * classes)
        var start = 0
        while start < count {
            let n = min(capacity, count - start)
            rows.minibatchWithPointer { acts[0].p.update(from: $0 + start * inputDim, count: n * inputDim) }
            forward(rows: n)
            out.minibatchWithMutablePointer { ($0 + start * classes).update(from: acts[layers.count].p, count: n * classes) }
            start += n
        }
        return out
    }

    /// Mean loss (nats per example) and accuracy of the network on `labels.count` examples of
    /// `split`, encoded by `encoder` in chunks of `config.evaluationChunk`.
    public func evaluate<E: InputEncoder>(_ encoder: E, split: SplitRole, labels: [Int32]) -> (loss: Double, accuracy: Double) {
        let total = labels.count
        guard total > 0 else { return (.nan, .nan) }
        var lossSum = 0.0, correct = 0
        var idx = [Int](repeating: 0, count: capacity)
        var start = 0
        while start < total {
            let n = min(capacity, total - start)
            for i in 0..<n { idx[i] = start + i }
            idx.withUnsafeBufferPointer { encoder.encode(split, examples: UnsafeBufferPointer(rebasing: $0[0..<n]), into: acts[0].p) }
            forward(rows: n)
            let r = labels.minibatchWithPointer {
                MinibatchKernels.softmaxCrossEntropy(acts[layers.count].p, labels: $0 + start, rows: n, classes: classes)
            }
            lossSum += r.lossSum
            correct += r.correct
            start += n
        }
        return (lossSum / Double(total), Double(correct) / Double(total))
    }

    /// The forward weights (fanOut, fanIn) row-major and the bias of layer `l` (0 = first hidden).
    public func parameters(layer l: Int) -> (weights: [Float], bias: [Float]) {
        (layers[l].w.array, layers[l].bias.array)
    }

    /// Sets layer `l`'s weights and bias; only for float-forward variants (Backprop, Vanilla and
    /// Structured DFA), whose forward weights are their trained parameters.
    public func setParameters(layer l: Int, weights: [Float], bias: [Float]) {
        precondition(config.variant.forward == .float, "setParameters: only float-forward variants")
        precondition(weights.count == layers[l].weightCount && bias.count == layers[l].fanOut, "setParameters: wrong sizes")
        weights.minibatchWithPointer { layers[l].w.p.update(from: $0, count: weights.count) }
        bias.minibatchWithPointer { layers[l].bias.p.update(from: $0, count: bias.count) }
    }

    /// The feedback matrix B_l (width, classes) of hidden layer `l`; empty for Backprop.
    public func feedback(layer l: Int) -> [Float] { layers[l].feedback.array }

    /// The fixed per-layer scale of layer `l` (1/sqrt(fanIn · non-zero fraction) for the
    /// non-shadow variants other than Backprop; 1 otherwise).
    public func scale(layer l: Int) -> Float { layers[l].scale }
}
