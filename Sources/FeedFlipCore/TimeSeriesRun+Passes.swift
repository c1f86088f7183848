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

    /// out[p] = w . a[p] for the 1x8 output row in NumPy's dgemv order (see `Kernels`): per
    /// block of four, fma(w0, a0, w1 a1), then FMAs of terms 2 and 3; the two blocks summed.
    @inline(__always)
    func outputLayer(_ w: V8, _ a: UnsafePointer<V8>) {
        for p in 0..<n {
            let ap = a[p]
            var lo = (w[1] * ap[1]).addingProduct(w[0], ap[0])
            var hi = (w[5] * ap[5]).addingProduct(w[4], ap[4])
            lo = lo.addingProduct(w[2], ap[2]); hi = hi.addingProduct(w[6], ap[6])
            lo = lo.addingProduct(w[3], ap[3]); hi = hi.addingProduct(w[7], ap[7])
            out[p] = lo + hi
        }
    }

    /// sum_p u[p] * s[p] over the N points as NumPy's dgemv does: four FMA chains over p mod 4,
    /// summed as (c0 + c2) + (c1 + c3); lanes are independent outputs.
    @inline(__always)
    func dot4(_ u: UnsafePointer<V8>, _ s: UnsafePointer<Double>) -> V8 {
        var c0 = u[0] * s[0], c1 = u[1] * s[1], c2 = u[2] * s[2], c3 = u[3] * s[3]
        var p = 4
        while p < n {
            c0 = c0.addingProduct(u[p], s[p]); c1 = c1.addingProduct(u[p + 1], s[p + 1])
            c2 = c2.addingProduct(u[p + 2], s[p + 2]); c3 = c3.addingProduct(u[p + 3], s[p + 3])
            p += 4
        }
        return (c0 + c2) + (c1 + c3)
    }

    @inline(__always)
    func tanhRows(_ z: UnsafeMutablePointer<V8>) {
        T.apply(UnsafeMutableRawPointer(z).assumingMemoryBound(to: Double.self), 8 * n)
    }

    /// The forward pass from the lowest changed layer; returns the MSE and leaves e.
    func forward() -> Double {
        guard dirtyFrom <= depth else { return lastMSE }
        for l in 0..<depth { gValid[l] = false }
        outputGradientValid = false
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

    /// g = d a_l^T (unscaled) into `g`: for l = 0 one column (g[0] over units, NumPy's dgemv
    /// order), otherwise 8 rows in NumPy's dgemm order: eight FMA chains over p mod 8 per entry,
    /// summed as a pairwise tree.
    func gradient(_ d: UnsafePointer<V8>, layer l: Int) {
        if l == 0 {
            g[0] = dot4(d, x)
            return
        }
        let a = act[l]
        let part = tmpParts
        for half in 0..<2 {
            let o = 4 * half
            for r in 0..<8 {
                let ar = a[r], dr = d[r]
                var g0 = ar * dr[o], g1 = ar * dr[o + 1], g2 = ar * dr[o + 2], g3 = ar * dr[o + 3]
                var p = r + 8
                while p < n {
                    let ap = a[p], dp = d[p]
                    g0 = g0.addingProduct(ap, dp[o]); g1 = g1.addingProduct(ap, dp[o + 1])
                    g2 = g2.addingProduct(ap, dp[o + 2]); g3 = g3.addingProduct(ap, dp[o + 3])
                    p += 8
                }
                part[r * 8 + o] = g0; part[r * 8 + o + 1] = g1
                part[r * 8 + o + 2] = g2; part[r * 8 + o + 3] = g3
            }
        }
        for i in 0..<8 {
            g[i] = ((part[i] + part[8 + i]) + (part[16 + i] + part[24 + i]))
                + ((part[32 + i] + part[40 + i]) + (part[48 + i] + part[56 + i]))
        }
    }

    /// G = e a_D^T (unscaled): the output row's gradient (NumPy's dgemv order).
    @inline(__always)
    func outputGradient() -> V8 { dot4(act[depth], e) }

    /// Marks layer `l` changed when `new` differs from `old` (`count` rows), then stores it.
    @inline(__always)
    func store(_ new: V8, into old: UnsafeMutablePointer<V8>, layer l: Int) {
        if any(new .!= old.pointee) || any(new .!= new) { dirtyFrom = min(dirtyFrom, l) }
        old.pointee = new
    }
}
