/// The naive reference implementation of one time-series run (METHODS.md Part 1): row-major
/// buffers and plain loops over `Kernels`, kept beside the optimised `TimeSeriesRun` so that
/// tests can check that they agree bit for bit. Generic over the random
/// streams and the tanh kernel so that each mode is specialised. All memory is allocated once
/// per run; the epoch loop allocates nothing.
struct NaiveTimeSeriesRun<R: RunRandomSource, T: TanhKernel> {
    let variant: Variant
    let depth: Int
    let n = TimeSeriesHyper.points
    let h = TimeSeriesHyper.width
    /// Feedback columns: 1 (random, ortho column) or 8 (block ortho).
    let fbCols: Int

    /// One contiguous arena; the pointers below are slices of it.
    let arena: UnsafeMutablePointer<Double>
    let arenaCount: Int
    /// Weights W_l (rows x cols, at most 8 x 8), l = 0...D.
    let w: [UnsafeMutablePointer<Double>]
    /// Shadow weights S_l (+Shadow only).
    let s: [UnsafeMutablePointer<Double>]
    /// Momentum buffers M_l.
    let mom: [UnsafeMutablePointer<Double>]
    /// Feedback matrices B_l (8 x fbCols), l = 0..<D.
    let fb: [UnsafeMutablePointer<Double>]
    /// Activations a_l (rows x N), l = 0...D+1; a_0 = x.
    let act: [UnsafeMutablePointer<Double>]
    /// Backprop deltas (8 x N), l = 0...D (the last one is e).
    let delta: [UnsafeMutablePointer<Double>]
    let y: UnsafeMutablePointer<Double>
    let err: UnsafeMutablePointer<Double>      // replicated error E, fbCols x N
    let pseudo: UnsafeMutablePointer<Double>   // 8 x N
    let zt: UnsafeMutablePointer<Double>       // 8 x N scratch
    let scratch: UnsafeMutablePointer<Double>  // 8 x N scratch
    let grad: UnsafeMutablePointer<Double>     // 64
    let tmp: UnsafeMutablePointer<Double>      // 64

    func rows(_ l: Int) -> Int { l == depth ? 1 : h }
    func cols(_ l: Int) -> Int { l == 0 ? 1 : h }

    init(variant: Variant, depth: Int) {
        self.variant = variant
        self.depth = depth
        fbCols = variant.feedback == .blockOrtho ? TimeSeriesHyper.width : 1
        let n = TimeSeriesHyper.points, h = TimeSeriesHyper.width
        let layers = depth + 1
        let count = layers * 64 * 3 + depth * 64 + (depth + 2) * h * n + layers * h * n
            + n + 4 * h * n + 128
        arenaCount = count
        let base = UnsafeMutablePointer<Double>.allocate(capacity: count)
        base.initialize(repeating: 0, count: count)
        arena = base
        var off = 0
        func take(_ k: Int) -> UnsafeMutablePointer<Double> {
            defer { off += k }
            return base + off
        }
        w = (0..<layers).map { _ in take(64) }
        s = (0..<layers).map { _ in take(64) }
        mom = (0..<layers).map { _ in take(64) }
        fb = (0..<depth).map { _ in take(64) }
        act = (0..<(depth + 2)).map { _ in take(h * n) }
        delta = (0..<layers).map { _ in take(h * n) }
        y = take(n)
        err = take(h * n)
        pseudo = take(h * n)
        zt = take(h * n)
        scratch = take(h * n)
        grad = take(64)
        tmp = take(64)
    }

    func deallocate() { arena.deallocate() }

    /// Sets x (evenly spaced in [-1, 1], as `np.linspace`) and y = sin(k pi x) + 0.1 eps.
    func setData(frequency: Int, noise: UnsafePointer<Double>) {
        let x = act[0]
        let step = 2.0 / Double(n - 1)
        for i in 0..<n { x[i] = Double(i) * step + -1.0 }
        x[n - 1] = 1.0
        let kpi = Double(frequency) * Double.pi
        for i in 0..<n { y[i] = LibM.sin(kpi * x[i]) + 0.1 * noise[i] }
    }

    /// Draws weights and feedback in the reference's order (METHODS.md Part 3).
    func initialise(_ rng: inout R) {
        let normalInit = variant.feedback == .backprop || variant.forward == .signOfShadow
        for l in 0...depth {
            let count = rows(l) * cols(l)
            for i in 0..<count {
                if normalInit {
                    let v = rng.normal(.initialisation) * 0.5
                    if variant.forward == .signOfShadow {
                        s[l][i] = v
                        w[l][i] = sign(v)
                    } else {
                        w[l][i] = v
                    }
                } else {
                    w[l][i] = rng.ternary(.initialisation)
                }
            }
        }
        switch variant.feedback {
        case .backprop:
            break
        case .random:
            for l in 0..<depth {
                for i in 0..<h { fb[l][i] = rng.normal(.feedback) }
                let nrm = Kernels.norm(fb[l], h)
                for i in 0..<h { fb[l][i] = fb[l][i] / nrm }
            }
        case .orthoColumn, .blockOrtho:
            var m = [Double](repeating: 0, count: h * h)
            for i in 0..<(h * h) { m[i] = rng.normal(.feedback) }
            let q = HouseholderQR.q(m, n: h)
            for l in 0..<depth {
                if variant.feedback == .orthoColumn {
                    for i in 0..<h { fb[l][i] = q[i * h + l % h] }
                } else {
                    for i in 0..<(h * h) { fb[l][i] = q[i] }
                }
            }
        }
    }

    @inline(__always)
    func sign(_ v: Double) -> Double { v > 0 ? 1 : (v < 0 ? -1 : (v.isNaN ? v : 0)) }

    /// The forward pass with the current W; returns the MSE of e = a_{D+1} - y (e left in delta[D]).
    func forward() -> Double {
        for l in 0...depth {
            Kernels.gemm(w[l], r: rows(l), k: cols(l), act[l], n: n, act[l + 1])
            T.apply(act[l + 1], rows(l) * n)
        }
        let e = delta[depth], out = act[depth + 1]
        for p in 0..<n { e[p] = out[p] - y[p] }
        return NumPySum.meanSquare(e, n, scratch: scratch)
    }

    /// Runs `epochs` epochs and returns the loss curve.
    func train(epochs: Int, rng: inout R) -> TimeSeriesResult {
        var curve: [Double] = []
        curve.reserveCapacity(epochs)
        for epoch in 0..<epochs {
            let mse = forward()
            guard mse.isFinite else { return TimeSeriesResult(mse: curve, divergedAtEpoch: epoch) }
            curve.append(mse)
            if variant.feedback == .backprop {
                backpropUpdate()
            } else {
                dfaUpdate(epoch: epoch, rng: &rng)
            }
        }
        return TimeSeriesResult(mse: curve)
    }
}
