extension TimeSeriesRun {
    /// z[p] = W_0 x[p] (8x1 weights: one product per unit).
    @inline(__always)
    func firstLayer(_ w: V8, into z: UnsafeMutablePointer<V8>) {
        for p in 0..<n { z[p] = w * x[p] }
    }

    /// z[p] = W a[p] for a hidden 8x8 layer given by its columns: an FMA chain over k.
    @inline(__always)
    func hiddenLayer(_ c: UnsafePointer<V8>, _ a: UnsafePointer<V8>, into z: UnsafeMutablePointer<V8>) {
        let c0 = c[0], c1 = c[1], c2 = c[2], c3 = c[3], c4 = c[4], c5 = c[5], c6 = c[6], c7 = c[7]
        for p in 0..<n {
            let ap = a[p]
            var acc = c0 * ap[0]
            acc = acc.addingProduct(c1, ap[1])
            acc = acc.addingProduct(c2, ap[2])
            acc = acc.addingProduct(c3, ap[3])
            acc = acc.addingProduct(c4, ap[4])
            acc = acc.addingProduct(c5, ap[5])
            acc = acc.addingProduct(c6, ap[6])
            acc = acc.addingProduct(c7, ap[7])
            z[p] = acc
        }
    }

    /// out[p] = w . a[p] for the 1x8 output row: an FMA chain over k.
    @inline(__always)
    func outputLayer(_ w: V8, _ a: UnsafePointer<V8>) {
        for p in 0..<n {
            let ap = a[p]
            var acc = w[0] * ap[0]
            for k in 1..<8 { acc = acc.addingProduct(w[k], ap[k]) }
            out[p] = acc
        }
    }

    @inline(__always)
    func tanhRows(_ z: UnsafeMutablePointer<V8>) {
        T.apply(UnsafeMutableRawPointer(z).assumingMemoryBound(to: Double.self), 8 * n)
    }

    /// The forward pass from the lowest changed layer; returns the MSE and leaves e.
    func forward() -> Double {
        guard dirtyFrom <= depth else { return lastMSE }
        if dirtyFrom == 0 {
            firstLayer(first.pointee, into: act[1])
            if depth > 0 { tanhRows(act[1]) }
        }
        if depth > 1 {
            for l in max(dirtyFrom, 1)..<depth {
                hiddenLayer(cols[l], act[l], into: act[l + 1])
                tanhRows(act[l + 1])
            }
        }
        outputLayer(output.pointee, act[depth])
        T.apply(out, n)
        for p in 0..<n { e[p] = out[p] - y[p] }
        for p in 0..<n { scratch[p] = e[p] * e[p] }
        lastMSE = NumPySum.pairwise(scratch, n) / nd
        dirtyFrom = depth + 1
        return lastMSE
    }

    /// d[p] *= (1 - t[p]^2).
    @inline(__always)
    func timesDerivative(_ d: UnsafeMutablePointer<V8>, _ t: UnsafePointer<V8>) {
        for p in 0..<n {
            let tp = t[p]
            d[p] = d[p] * (1 - tp * tp)
        }
    }

    /// Backprop deltas for layers top-1 down to `to`, from e: with `recompute`, tanh(W_l a_l) is
    /// recomputed from the current weights (calibration), else it is a_{l+1}.
    func deltas(to: Int, recompute: Bool) {
        for l in stride(from: depth - 1, through: to, by: -1) {
            let d = delta[l]
            if l + 1 == depth {
                let w = output.pointee
                for p in 0..<n { d[p] = w * e[p] }
            } else {
                let r = rows[l + 1], dn = delta[l + 1]
                let r0 = r[0], r1 = r[1], r2 = r[2], r3 = r[3], r4 = r[4], r5 = r[5], r6 = r[6], r7 = r[7]
                for p in 0..<n {
                    let v = dn[p]
                    var acc = r0 * v[0]
                    acc = acc.addingProduct(r1, v[1])
                    acc = acc.addingProduct(r2, v[2])
                    acc = acc.addingProduct(r3, v[3])
                    acc = acc.addingProduct(r4, v[4])
                    acc = acc.addingProduct(r5, v[5])
                    acc = acc.addingProduct(r6, v[6])
                    acc = acc.addingProduct(r7, v[7])
                    d[p] = acc
                }
            }
            if recompute {
                if l == 0 { firstLayer(first.pointee, into: zs) } else { hiddenLayer(cols[l], act[l], into: zs) }
                tanhRows(zs)
                timesDerivative(d, zs)
            } else {
                timesDerivative(d, act[l + 1])
            }
        }
    }

    /// g = d a_l^T (unscaled) into `g`: for l = 0 one column (g[0] over units), otherwise 8 rows.
    func gradient(_ d: UnsafePointer<V8>, layer l: Int) {
        if l == 0 {
            var acc = d[0] * x[0]
            for p in 1..<n { acc = acc.addingProduct(d[p], x[p]) }
            g[0] = acc
        } else {
            let a = act[l]
            let d0 = d[0], a0 = a[0]
            var g0 = a0 * d0[0], g1 = a0 * d0[1], g2 = a0 * d0[2], g3 = a0 * d0[3]
            var g4 = a0 * d0[4], g5 = a0 * d0[5], g6 = a0 * d0[6], g7 = a0 * d0[7]
            for p in 1..<n {
                let ap = a[p], dp = d[p]
                g0 = g0.addingProduct(ap, dp[0]); g1 = g1.addingProduct(ap, dp[1])
                g2 = g2.addingProduct(ap, dp[2]); g3 = g3.addingProduct(ap, dp[3])
                g4 = g4.addingProduct(ap, dp[4]); g5 = g5.addingProduct(ap, dp[5])
                g6 = g6.addingProduct(ap, dp[6]); g7 = g7.addingProduct(ap, dp[7])
            }
            g[0] = g0; g[1] = g1; g[2] = g2; g[3] = g3; g[4] = g4; g[5] = g5; g[6] = g6; g[7] = g7
        }
    }

    /// G = e a_D^T (unscaled): the output row's gradient.
    @inline(__always)
    func outputGradient() -> V8 {
        let a = act[depth]
        var acc = a[0] * e[0]
        for p in 1..<n { acc = acc.addingProduct(a[p], e[p]) }
        return acc
    }

    /// Marks layer `l` changed when `new` differs from `old` (`count` rows), then stores it.
    @inline(__always)
    func store(_ new: V8, into old: UnsafeMutablePointer<V8>, layer l: Int) {
        if any(new .!= old.pointee) || any(new .!= new) { dirtyFrom = min(dirtyFrom, l) }
        old.pointee = new
    }
}
