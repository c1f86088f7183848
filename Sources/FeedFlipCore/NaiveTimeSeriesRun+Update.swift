extension NaiveTimeSeriesRun {
    /// Backprop: all deltas from the forward pass, then W_l -= (lr * delta_l a_l^T) / N.
    func backpropUpdate() {
        deltasFrom(top: depth, to: 0, recompute: false)
        let lr = TimeSeriesHyper.learningRate, nd = Double(n)
        for l in stride(from: depth, through: 0, by: -1) {
            let count = rows(l) * cols(l)
            Kernels.gemmTransposedB(delta[l], r: rows(l), n: n, act[l], m: cols(l), grad)
            for i in 0..<count { w[l][i] -= (lr * grad[i]) / nd }
        }
    }

    /// Backprop deltas for layers `top-1` down to `to`, from delta[depth] = e:
    /// `delta_l = (W_{l+1}^T delta_{l+1}) * (1 - tanh(W_l a_l)^2)`. With `recompute` the
    /// pre-activations are recomputed from the current weights; otherwise tanh(W_l a_l) is
    /// a_{l+1} of the forward pass.
    func deltasFrom(top: Int, to: Int, recompute: Bool) {
        guard top > to else { return }
        for l in stride(from: top - 1, through: to, by: -1) {
            let d = delta[l]
            Kernels.gemmTransposedA(w[l + 1], r: h, k: rows(l + 1), delta[l + 1], n: n, d)
            let t: UnsafeMutablePointer<Double>
            if recompute {
                Kernels.gemm(w[l], r: h, k: cols(l), act[l], n: n, zt)
                T.apply(zt, h * n)
                t = zt
            } else {
                t = act[l + 1]
            }
            for i in 0..<(h * n) { d[i] = d[i] * (1 - t[i] * t[i]) }
        }
    }

    /// One DFA epoch update (every variant but Backprop), in the reference's order.
    func dfaUpdate(epoch: Int, rng: inout R) {
        let lr = TimeSeriesHyper.learningRate, nd = Double(n)
        let e = delta[depth]
        // Output layer.
        let top = depth
        Kernels.gemmTransposedB(e, r: 1, n: n, act[top], m: h, grad)
        for i in 0..<h { grad[i] = grad[i] / nd }
        switch variant.forward {
        case .signOfShadow:
            for i in 0..<h {
                s[top][i] = s[top][i] - lr * grad[i]
                w[top][i] = sign(s[top][i])
            }
        case .float:
            for i in 0..<h { w[top][i] = w[top][i] - lr * grad[i] }
        case .fixedTernary:
            for i in 0..<h { w[top][i] = fixedQuantize(w[top][i] - lr * grad[i]) }
        case .stochasticTernary, .ternaryOfShadow:
            for i in 0..<h { tmp[i] = w[top][i] - lr * grad[i] }
            let t = TimeSeriesHyper.alpha * NumPySum.meanAbs(tmp, h, scratch: scratch)
            stochasticQuantize(tmp, count: h, threshold: t, into: w[top], rng: &rng)
        }
        // The error each hidden layer receives: e, or e replicated to 8 rows (block ortho).
        if fbCols > 1 {
            for r in 0..<fbCols { (err + r * n).update(from: e, count: n) }
        } else {
            err.update(from: e, count: n)
        }
        for l in stride(from: depth - 1, through: 0, by: -1) {
            hiddenUpdate(l, epoch: epoch, rng: &rng)
        }
        _ = lr
    }

    /// The update of hidden layer `l`.
    func hiddenUpdate(_ l: Int, epoch: Int, rng: inout R) {
        let lr = TimeSeriesHyper.learningRate, nd = Double(n)
        let c = cols(l), count = h * c
        // P = (B_l E) * tanh'(W~_l a_l)
        Kernels.gemm(fb[l], r: h, k: fbCols, err, n: n, pseudo)
        let t: UnsafeMutablePointer<Double>
        if variant.forward == .signOfShadow {
            Kernels.gemm(s[l], r: h, k: c, act[l], n: n, zt)
            T.apply(zt, h * n)
            t = zt
        } else {
            t = act[l + 1]
        }
        for i in 0..<(h * n) { pseudo[i] = pseudo[i] * (1 - t[i] * t[i]) }
        Kernels.gemmTransposedB(pseudo, r: h, n: n, act[l], m: c, grad)
        for i in 0..<count { grad[i] = grad[i] / nd }
        let wl = w[l]
        switch variant.forward {
        case .float:
            for i in 0..<count { wl[i] = wl[i] - lr * grad[i] }
        case .fixedTernary:
            for i in 0..<count { wl[i] = fixedQuantize(wl[i] - lr * grad[i]) }
        case .signOfShadow:
            for i in 0..<count {
                s[l][i] = s[l][i] - lr * grad[i]
                wl[i] = sign(s[l][i])
            }
        case .stochasticTernary, .ternaryOfShadow:
            let t1 = TimeSeriesHyper.alpha * NumPySum.meanAbs(wl, count, scratch: scratch)
            for i in 0..<count { tmp[i] = wl[i] - lr * grad[i] }
            stochasticQuantize(tmp, count: count, threshold: t1, into: wl, rng: &rng)
            if variant.momentum {
                let m = mom[l], b = TimeSeriesHyper.beta
                for i in 0..<count { m[i] = b * m[i] + (1 - b) * grad[i] }
                let t2 = TimeSeriesHyper.alpha * NumPySum.meanAbs(wl, count, scratch: scratch)
                for i in 0..<count { tmp[i] = wl[i] - lr * m[i] }
                stochasticQuantize(tmp, count: count, threshold: t2, into: wl, rng: &rng)
            }
        }
        if variant.calibrated && epoch % TimeSeriesHyper.calibrationPeriod == 0 {
            calibrate(l)
        }
    }

    /// Feedback calibration of layer l: T = backprop delta with the current weights,
    /// B_l = T E^T / (||E||^2 + 1e-8), then B_l /= (||B_l|| + 1e-8).
    func calibrate(_ l: Int) {
        deltasFrom(top: depth, to: l, recompute: true)
        let tl = delta[l]
        Kernels.gemmTransposedB(tl, r: h, n: n, err, m: fbCols, tmp)
        for i in 0..<(fbCols * n) { scratch[i] = err[i] * err[i] }
        let ee = NumPySum.pairwise(scratch, fbCols * n) + 1e-8
        let count = h * fbCols
        for i in 0..<count { tmp[i] = tmp[i] / ee }
        let nrm = Kernels.norm(tmp, count) + 1e-8
        for i in 0..<count { fb[l][i] = tmp[i] / nrm }
    }

    @inline(__always)
    func fixedQuantize(_ v: Double) -> Double { TernaryQuantizer.fixed(v) }

    /// `Qs(v, t)`: u ~ U(-t, t) per entry (drawn in order), then +1 where v+u > t, -1 where
    /// v+u < -t, else 0; written to `out`.
    @inline(__always)
    func stochasticQuantize(_ v: UnsafePointer<Double>, count: Int, threshold t: Double,
                            into out: UnsafeMutablePointer<Double>, rng: inout R) {
        for i in 0..<count {
            let u = rng.uniform(-t, t, .dither)
            out[i] = TernaryQuantizer.stochastic(v[i], threshold: t, dither: u)
        }
    }
}
