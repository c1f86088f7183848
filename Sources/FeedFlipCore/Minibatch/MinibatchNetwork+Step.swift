/// One SGD step of every variant (METHODS.md Part 2).
///
/// With `a_l` the input rows of layer l (n, fanIn), `delta_l` its delta (n, fanOut) and
/// `g_l = delta_lᵀ a_l / n` the batch-mean gradient of the forward weights:
/// - output delta: `e = p - onehot(y)`;
/// - Backprop: `delta_l = (delta_{l+1} W_{l+1}) ⊙ tanh'`, all deltas before any update;
/// - DFA variants: `delta_l = (e B_lᵀ) ⊙ tanh'`;
/// - layers are updated from the output down (the order of the dither draws);
/// - float: `W -= lr g`; shadows: `S -= lr g` (forward refreshed from S every step);
/// - ternary with fixed scale s: `U' = U - (lr/s) g`, then `Qf(U')` or `Qs(U', t)` with
///   `t = alpha mean|U|` before the update (hidden) or `alpha mean|U'|` (output);
///   +Momentum hidden layers then `M = beta M + (1-beta) g; U = Qs(U - (lr/s) M, alpha mean|U|)`;
/// - biases: `b -= lr · mean_rows(delta)`;
/// - calibrated variants, every `calibrationPeriod` steps from step 0, after the updates: the
///   backprop deltas `T_l` through the updated forward weights refit `B_l` (`MinibatchFeedback.calibrated`).
extension MinibatchNetwork {
    /// One SGD step on the `n` rows already in `acts[0]` with `labels`; returns the summed loss
    /// and the number of correct arg-max predictions. When `wantInputGradient`, `inputGradient`
    /// holds dLoss/d(rows) of the batch-mean loss afterwards.
    func step(rows n: Int, labels: UnsafePointer<Int32>, wantInputGradient: Bool) -> (lossSum: Double, correct: Int) {
        let d = config.depth
        let v = config.variant
        forward(rows: n)
        let e = acts[d + 1].p
        let r = MinibatchKernels.softmaxCrossEntropy(e, labels: labels, rows: n, classes: classes)
        guard r.lossSum.isFinite else { return r }

        // Deltas of the hidden layers.
        for l in stride(from: d - 1, through: 0, by: -1) {
            let layer = layers[l]
            if v.feedback == .backprop {
                let above = layers[l + 1]
                let src = l + 1 == d ? e : deltas[l + 1].p
                MinibatchKernels.gemm(transA: false, transB: false, m: n, n: above.fanIn, k: above.fanOut, alpha: 1,
                                      a: src, lda: above.fanOut, b: above.w.p, ldb: above.fanIn,
                                      beta: 0, c: deltas[l].p, ldc: above.fanIn)
            } else {
                MinibatchKernels.gemm(transA: false, transB: true, m: n, n: layer.fanOut, k: classes, alpha: 1,
                                      a: e, lda: classes, b: layer.feedback.p, ldb: classes,
                                      beta: 0, c: deltas[l].p, ldc: layer.fanOut)
            }
            MinibatchKernels.multiplyTanhDerivative(deltas[l].p, activation: acts[l + 1].p, count: n * layer.fanOut)
        }
        if wantInputGradient {
            let first = layers[0]
            let src = d == 0 ? e : deltas[0].p
            MinibatchKernels.gemm(transA: false, transB: false, m: n, n: first.fanIn, k: first.fanOut, alpha: 1 / Float(n),
                                  a: src, lda: first.fanOut, b: first.w.p, ldb: first.fanIn,
                                  beta: 0, c: inputGradient.p, ldc: first.fanIn)
        }
        for l in stride(from: d, through: 0, by: -1) {
            update(layer: l, rows: n, delta: l == d ? e : deltas[l].p)
        }
        if v.calibrated, steps % config.calibrationPeriod == 0 { calibrate(rows: n) }
        steps += 1
        return r
    }

    private func update(layer l: Int, rows n: Int, delta: UnsafeMutablePointer<Float>) {
        let layer = layers[l]
        let isOutput = l == config.depth
        let v = config.variant
        let lr = Float(config.learningRate)
        let count = layer.weightCount
        let a = acts[l].p
        // c += alpha · deltaᵀ a
        func accumulate(alpha: Float, beta: Float, into c: UnsafeMutablePointer<Float>) {
            MinibatchKernels.gemm(transA: true, transB: false, m: layer.fanOut, n: layer.fanIn, k: n, alpha: alpha,
                                  a: delta, lda: layer.fanOut, b: a, ldb: layer.fanIn, beta: beta, c: c, ldc: layer.fanIn)
        }
        switch v.forward {
        case .float:
            accumulate(alpha: -lr / Float(n), beta: 1, into: layer.w.p)
        case .signOfShadow, .ternaryOfShadow:
            accumulate(alpha: -lr / Float(n), beta: 1, into: layer.master.p)
            refreshForward(layer)
        case .fixedTernary, .stochasticTernary:
            let u = layer.master.p
            let s = layer.scale
            let alpha = config.alpha
            let tBefore = Float(alpha * MinibatchKernels.meanAbs(u, count: count))
            accumulate(alpha: -lr / (Float(n) * s), beta: 1, into: u)
            if v.forward == .fixedTernary {
                MinibatchQuantizers.fixed(u, count: count)
            } else {
                let t = isOutput ? Float(alpha * MinibatchKernels.meanAbs(u, count: count)) : tBefore
                MinibatchQuantizers.stochastic(u, count: count, threshold: t, dither: &dither)
                if v.momentum, !isOutput {
                    let g = gradient.p, m = layer.velocity.p
                    accumulate(alpha: 1 / Float(n), beta: 0, into: g)
                    let beta = Float(config.beta)
                    for i in 0..<count { m[i] = beta * m[i] + (1 - beta) * g[i] }
                    let t2 = Float(alpha * MinibatchKernels.meanAbs(u, count: count))
                    MinibatchKernels.axpy(-lr / s, m, u, count: count)
                    MinibatchQuantizers.stochastic(u, count: count, threshold: t2, dither: &dither)
                }
            }
            refreshForward(layer)
        }
        MinibatchKernels.columnSums(delta, rows: n, cols: layer.fanOut, into: biasGradient.p)
        MinibatchKernels.axpy(-lr / Float(n), biasGradient.p, layer.bias.p, count: layer.fanOut)
    }

    /// Refits every hidden layer's feedback from the backprop deltas through the updated weights.
    private func calibrate(rows n: Int) {
        let d = config.depth
        let e = acts[d + 1].p
        for l in stride(from: d - 1, through: 0, by: -1) {
            let layer = layers[l], above = layers[l + 1]
            let src = l + 1 == d ? e : deltas[l + 1].p
            MinibatchKernels.gemm(transA: false, transB: false, m: n, n: above.fanIn, k: above.fanOut, alpha: 1,
                                  a: src, lda: above.fanOut, b: above.w.p, ldb: above.fanIn,
                                  beta: 0, c: deltas[l].p, ldc: above.fanIn)
            MinibatchKernels.multiplyTanhDerivative(deltas[l].p, activation: acts[l + 1].p, count: n * layer.fanOut)
            if let b = MinibatchFeedback.calibrated(t: deltas[l].p, e: e, rows: n, width: layer.fanOut,
                                                    classes: classes, targetNorm: layer.feedbackNorm) {
                layer.feedback = MinibatchBuffer(b)
            }
        }
    }
}
