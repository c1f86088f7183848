/// One time-series run (METHODS.md Part 1), optimised: activations are stored point-major
/// (`a_l[p]` is a `V8` over the 8 units), so every product is an FMA chain in the same index
/// order as the naive `Kernels` (identical bits) but vectorised across units; weights are kept
/// as rows and, for the forward pass, as columns. Layers whose weights did not change keep
/// their activations: the forward pass restarts at the lowest changed layer (ternary weights
/// rarely change, so this skips most tanh evaluations without changing any value), and while
/// neither the forward pass nor a feedback matrix changed, the DFA gradients of the previous
/// epoch are reused (they are the same values).
///
/// Generic over the random streams and the tanh kernel; all memory is allocated once per run.
final class TimeSeriesRun<R: RunRandomSource, T: TanhKernel> {
    let variant: Variant
    let depth: Int
    let n = TimeSeriesHyper.points
    let block: Bool
    let lr = TimeSeriesHyper.learningRate
    let nd = Double(TimeSeriesHyper.points)

    // Scalars (N each): x = a_0, y, the network output a_{D+1}, e, scratch (8N).
    let x, y, out, e, scratch: UnsafeMutablePointer<Double>
    // Point-major 8-unit rows (N each): a_1..a_D at act[1...D], deltas, pseudo-gradient, z scratch.
    let act: [UnsafeMutablePointer<V8>]
    let delta: [UnsafeMutablePointer<V8>]
    let pseudo, zs: UnsafeMutablePointer<V8>
    // Weights: first layer column (8x1), hidden rows and columns (8x8), output row (1x8).
    // Index l of `rows`/`cols` is layer l (1..<D); entry 0 and D are unused.
    let first: UnsafeMutablePointer<V8>
    let rows, cols: [UnsafeMutablePointer<V8>]
    let output: UnsafeMutablePointer<V8>
    // Shadows (same shapes) and momentum (first and hidden).
    let sFirst, sOutput: UnsafeMutablePointer<V8>
    let sRows, sCols, mRows: [UnsafeMutablePointer<V8>]
    let mFirst: UnsafeMutablePointer<V8>
    // Feedback: fbc[l][j] is column j of B_l (only j = 0 unless block ortho).
    let fbc: [UnsafeMutablePointer<V8>]
    let g: UnsafeMutablePointer<V8>  // 8 gradient rows
    /// Scaled gradients g_l / N of the last epoch per hidden layer, valid while the forward
    /// pass and B_l are unchanged (then P and g are the same values again).
    let gCache: [UnsafeMutablePointer<V8>]
    var gValid: [Bool]
    var outputGradientCache = V8(repeating: 0)
    var outputGradientValid = false
    let tmp: UnsafeMutablePointer<V8>  // 8 rows
    let tmpParts: UnsafeMutablePointer<V8>  // 64: partial sums of the gradient kernel

    private var allocations: [UnsafeMutableRawPointer] = []
    /// The lowest layer whose weights changed since the last forward pass (depth + 1: none).
    var dirtyFrom = 0
    var lastMSE = 0.0

    init(variant: Variant, depth: Int) {
        self.variant = variant
        self.depth = depth
        block = variant.feedback == .blockOrtho
        let n = TimeSeriesHyper.points
        var allocs: [UnsafeMutableRawPointer] = []
        func scalars(_ k: Int) -> UnsafeMutablePointer<Double> {
            let p = UnsafeMutablePointer<Double>.allocate(capacity: k)
            p.initialize(repeating: 0, count: k)
            allocs.append(UnsafeMutableRawPointer(p))
            return p
        }
        func vectors(_ k: Int) -> UnsafeMutablePointer<V8> {
            let p = UnsafeMutablePointer<V8>.allocate(capacity: k)
            p.initialize(repeating: V8(repeating: 0), count: k)
            allocs.append(UnsafeMutableRawPointer(p))
            return p
        }
        x = scalars(n); y = scalars(n); out = scalars(n); e = scalars(n); scratch = scalars(8 * n)
        act = (0...depth).map { _ in vectors(n) }
        delta = (0...depth).map { _ in vectors(n) }
        pseudo = vectors(n); zs = vectors(n)
        first = vectors(1); output = vectors(1)
        rows = (0...depth).map { _ in vectors(8) }
        cols = (0...depth).map { _ in vectors(8) }
        sFirst = vectors(1); sOutput = vectors(1)
        sRows = (0...depth).map { _ in vectors(8) }
        sCols = (0...depth).map { _ in vectors(8) }
        mRows = (0...depth).map { _ in vectors(8) }
        mFirst = vectors(1)
        fbc = (0..<depth).map { _ in vectors(8) }
        g = vectors(8); tmp = vectors(8); tmpParts = vectors(64)
        gCache = (0..<depth).map { _ in vectors(8) }
        gValid = [Bool](repeating: false, count: depth)
        allocations = allocs
    }

    deinit {
        for p in allocations { p.deallocate() }
    }

    /// Sets x (as `np.linspace(-1, 1, 200)`) and y = sin(k pi x) + 0.1 eps.
    func setData(frequency: Int, noise: UnsafePointer<Double>) {
        let step = 2.0 / Double(n - 1)
        for i in 0..<n { x[i] = Double(i) * step + -1.0 }
        x[n - 1] = 1.0
        let kpi = Double(frequency) * Double.pi
        for i in 0..<n { y[i] = LibM.sin(kpi * x[i]) + 0.1 * noise[i] }
    }

    /// Draws weights (row-major per layer) and feedback in the reference's order.
    func initialise(_ rng: inout R) {
        let normal = variant.feedback == .backprop || variant.forward == .signOfShadow
        let shadow = variant.forward == .signOfShadow
        func draw() -> Double { normal ? rng.normal(.initialisation) * 0.5 : rng.ternary(.initialisation) }
        func fill(_ w: UnsafeMutablePointer<V8>, _ s: UnsafeMutablePointer<V8>) {
            var v = V8(repeating: 0)
            for i in 0..<8 { v[i] = draw() }
            if shadow { s.pointee = v; w.pointee = Self.sign(v) } else { w.pointee = v }
        }
        fill(first, sFirst)
        if depth > 1 {
            for l in 1..<depth {
                for i in 0..<8 { fill(rows[l] + i, sRows[l] + i) }
                Self.transpose(rows[l], into: cols[l])
                Self.transpose(sRows[l], into: sCols[l])
            }
        }
        fill(output, sOutput)
        switch variant.feedback {
        case .backprop:
            break
        case .random:
            for l in 0..<depth {
                var b = V8(repeating: 0)
                for i in 0..<8 { b[i] = rng.normal(.feedback) }
                fbc[l].pointee = b / Self.norm(b)
            }
        case .orthoColumn, .blockOrtho:
            var m = [Double](repeating: 0, count: 64)
            for i in 0..<64 { m[i] = rng.normal(.feedback) }
            let q = HouseholderQR.q(m, n: 8)
            for l in 0..<depth {
                for j in 0..<(block ? 8 : 1) {
                    let column = block ? j : l % 8
                    var c = V8(repeating: 0)
                    for i in 0..<8 { c[i] = q[i * 8 + column] }
                    fbc[l][j] = c
                }
            }
        }
        dirtyFrom = 0
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

    // MARK: small helpers

    @inline(__always)
    static func sign(_ v: V8) -> V8 {
        var r = V8(repeating: 0)
        r.replace(with: 1, where: v .> 0)
        r.replace(with: -1, where: v .< 0)
        r.replace(with: v, where: v .!= v)
        return r
    }

    /// sqrt of the FMA-chained sum of squares of the 8 lanes (`np.linalg.norm`).
    @inline(__always)
    static func norm(_ v: V8) -> Double {
        var acc = 0.0
        for i in 0..<8 { acc = acc.addingProduct(v[i], v[i]) }
        return acc.squareRoot()
    }

    /// NumPy's pairwise tree over 8 accumulators: ((r0+r1)+(r2+r3))+((r4+r5)+(r6+r7)).
    @inline(__always)
    static func tree(_ r: V8) -> Double {
        ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]))
    }

    /// `alpha * np.mean(np.abs(W))` for a layer given as `count` rows (1 or 8).
    @inline(__always)
    static func threshold(_ w: UnsafePointer<V8>, rows count: Int) -> Double {
        var r = abs8(w[0])
        for i in 1..<count { r += abs8(w[i]) }
        return TimeSeriesHyper.alpha * (tree(r) / Double(8 * count))
    }

    @inline(__always)
    static func abs8(_ v: V8) -> V8 {
        unsafeBitCast(unsafeBitCast(v, to: U8.self) & U8(repeating: 0x7fff_ffff_ffff_ffff), to: V8.self)
    }

    @inline(__always)
    static func transpose(_ src: UnsafePointer<V8>, into dst: UnsafeMutablePointer<V8>) {
        for j in 0..<8 {
            var c = V8(repeating: 0)
            for i in 0..<8 { c[i] = src[i][j] }
            dst[j] = c
        }
    }
}
