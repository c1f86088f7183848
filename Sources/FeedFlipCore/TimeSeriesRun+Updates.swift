extension TimeSeriesRun {
    /// Backprop: all deltas from the forward pass, then W_l -= (lr * delta_l a_l^T) / N.
    func backpropUpdate() {
        deltas(to: 0, recompute: false)
        store(output.pointee - (lr * outputGradient()) / nd, into: output, layer: depth)
        for l in stride(from: depth - 1, through: 0, by: -1) {
            gradient(delta[l], layer: l)
            if l == 0 {
                store(first.pointee - (lr * g[0]) / nd, into: first, layer: 0)
            } else {
                for i in 0..<8 { store(rows[l][i] - (lr * g[i]) / nd, into: rows[l] + i, layer: l) }
                Self.transpose(rows[l], into: cols[l])
            }
        }
    }

    /// One DFA epoch update (every variant but Backprop), in the reference's order.
    func dfaUpdate(epoch: Int, rng: inout R) {
        if !outputGradientValid {
            outputGradientCache = outputGradient() / nd
            outputGradientValid = true
        }
        let grad = outputGradientCache
        switch variant.forward {
        case .signOfShadow:
            sOutput.pointee = sOutput.pointee - lr * grad
            store(Self.sign(sOutput.pointee), into: output, layer: depth)
        case .float:
            store(output.pointee - lr * grad, into: output, layer: depth)
        case .fixedTernary:
            store(Self.sign(output.pointee - lr * grad), into: output, layer: depth)
        case .stochasticTernary, .ternaryOfShadow:
            tmp[0] = output.pointee - lr * grad
            let t = Self.threshold(tmp, rows: 1)
            store(quantize(tmp[0], t, &rng), into: output, layer: depth)
        }
        for l in stride(from: depth - 1, through: 0, by: -1) {
            hiddenUpdate(l, epoch: epoch, rng: &rng)
        }
    }

    /// The update of hidden layer `l` (0 ..< depth).
    func hiddenUpdate(_ l: Int, epoch: Int, rng: inout R) {
        let count = l == 0 ? 1 : 8
        let shadow = variant.forward == .signOfShadow
        if shadow || !gValid[l] {
            scaledGradient(l)
            if !shadow {
                gCache[l].update(from: g, count: count)
                gValid[l] = true
            }
        } else {
            g.update(from: gCache[l], count: count)
        }
        let w = l == 0 ? first : rows[l]
        switch variant.forward {
        case .float:
            for i in 0..<count { store(w[i] - lr * g[i], into: w + i, layer: l) }
        case .fixedTernary:
            for i in 0..<count { store(Self.sign(w[i] - lr * g[i]), into: w + i, layer: l) }
        case .signOfShadow:
            let s = l == 0 ? sFirst : sRows[l]
            for i in 0..<count {
                s[i] = s[i] - lr * g[i]
                store(Self.sign(s[i]), into: w + i, layer: l)
            }
            if l > 0 { Self.transpose(sRows[l], into: sCols[l]) }
        case .stochasticTernary, .ternaryOfShadow:
            let t1 = Self.threshold(w, rows: count)
            for i in 0..<count { tmp[i] = w[i] - lr * g[i] }
            for i in 0..<count { store(quantize(tmp[i], t1, &rng), into: w + i, layer: l) }
            if variant.momentum {
                let m = l == 0 ? mFirst : mRows[l]
                let beta = TimeSeriesHyper.beta
                for i in 0..<count { m[i] = beta * m[i] + (1 - beta) * g[i] }
                let t2 = Self.threshold(w, rows: count)
                for i in 0..<count { tmp[i] = w[i] - lr * m[i] }
                for i in 0..<count { store(quantize(tmp[i], t2, &rng), into: w + i, layer: l) }
            }
        }
        if l > 0 { Self.transpose(rows[l], into: cols[l]) }
        if variant.calibrated && epoch % TimeSeriesHyper.calibrationPeriod == 0 {
            calibrate(l)
        }
    }

    /// g = (P a_l^T) / N with P = (B_l E) * tanh'(W~_l a_l), into `g` (1 or 8 rows).
    func scaledGradient(_ l: Int) {
        let b = fbc[l]
        if block {
            let b0 = b[0], b1 = b[1], b2 = b[2], b3 = b[3], b4 = b[4], b5 = b[5], b6 = b[6], b7 = b[7]
            for p in 0..<n {
                let ep = e[p]
                var acc = b0 * ep
                acc = acc.addingProduct(b1, ep); acc = acc.addingProduct(b2, ep)
                acc = acc.addingProduct(b3, ep); acc = acc.addingProduct(b4, ep)
                acc = acc.addingProduct(b5, ep); acc = acc.addingProduct(b6, ep)
                acc = acc.addingProduct(b7, ep)
                pseudo[p] = acc
            }
        } else {
            let b0 = b[0]
            for p in 0..<n { pseudo[p] = b0 * e[p] }
        }
        if variant.forward == .signOfShadow {
            if l == 0 { firstLayer(sFirst.pointee, into: zs) } else { hiddenLayer(sCols[l], act[l], into: zs) }
            tanhRows(zs)
            timesDerivative(pseudo, zs)
        } else {
            timesDerivative(pseudo, act[l + 1])
        }
        gradient(pseudo, layer: l)
        for i in 0..<(l == 0 ? 1 : 8) { g[i] = g[i] / nd }
    }

    /// Feedback calibration of layer l: T = backprop delta with the current weights,
    /// B_l = T E^T / (||E||^2 + 1e-8), then B_l /= (||B_l|| + 1e-8).
    func calibrate(_ l: Int) {
        deltas(to: l, recompute: true)
        let t = delta[l]
        let copies = block ? 8 : 1
        let acc: V8
        if block {
            // T E^T is a dgemm (K = 200): eight chains over p mod 8, pairwise tree.
            var c = [V8](repeating: V8(repeating: 0), count: 8)
            for r in 0..<8 {
                var s = t[r] * e[r]
                var p = r + 8
                while p < n { s = s.addingProduct(t[p], e[p]); p += 8 }
                c[r] = s
            }
            acc = ((c[0] + c[1]) + (c[2] + c[3])) + ((c[4] + c[5]) + (c[6] + c[7]))
        } else {
            acc = dot4(t, e)
        }
        for c in 0..<copies { for p in 0..<n { scratch[c * n + p] = e[p] * e[p] } }
        let bl = acc / (NumPySum.pairwise(scratch, copies * n) + 1e-8)
        var sq = 0.0
        for i in 0..<8 { for _ in 0..<copies { sq = sq.addingProduct(bl[i], bl[i]) } }
        let b = bl / (sq.squareRoot() + 1e-8)
        for j in 0..<copies { fbc[l][j] = b }
        gValid[l] = false
    }

    /// `Qs(v, t)` of eight entries: u ~ U(-t, t) drawn in lane order, then +1 where v+u > t,
    /// -1 where v+u < -t, else 0.
    @inline(__always)
    func quantize(_ v: V8, _ t: Double, _ rng: inout R) -> V8 {
        var u = V8(repeating: 0)
        for i in 0..<8 { u[i] = rng.uniform(-t, t, .dither) }
        let s = v + u
        var q = V8(repeating: 0)
        q.replace(with: 1, where: s .> t)
        q.replace(with: -1, where: s .< -t)
        return q
    }
}
