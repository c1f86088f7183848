import FeedFlipCore

/// Runs the benchmark: sgemm at each product shape of the MLP, then one training epoch of
/// synthetic MNIST-shaped data per variant, at each thread count. Restores the OpenBLAS thread
/// count afterwards. Takes a few seconds per thread count with the defaults.
public enum Bench {
    /// One product of a training step: its shape and how often it runs per step.
    struct Product {
        var role: String
        var m: Int, n: Int, k: Int
        var transA: Bool, transB: Bool
    }

    /// Measures everything `options` asks for.
    public static func run(_ options: BenchOptions = BenchOptions()) -> BenchReport {
        let saved = MinibatchBLAS.threads
        defer { MinibatchBLAS.setThreads(saved) }
        let products = shapes(options)
        let flops = Dictionary(uniqueKeysWithValues: products.map { ($0.role, 2 * Double($0.m * $0.n * $0.k)) })
        var gemm: [GemmRate] = []
        var throughput: [VariantThroughput] = []
        let data = syntheticData(options)
        for t in options.threadCounts {
            MinibatchBLAS.setThreads(t)
            var seconds: [String: Double] = [:]
            for p in products {
                let s = timeGemm(p, seconds: options.gemmSeconds)
                seconds[p.role] = s
                gemm.append(GemmRate(role: p.role, m: p.m, n: p.n, k: p.k, transA: p.transA, transB: p.transB,
                                     threads: t, secondsPerCall: s))
            }
            for v in options.variants {
                let mix = productMix(v, options)
                let flopPerStep = mix.reduce(0.0) { $0 + $1.count * (flops[$1.role] ?? .nan) }
                let secondsPerStep = mix.reduce(0.0) { $0 + $1.count * (seconds[$1.role] ?? .nan) }
                let sps = trainingRate(v, options, data)
                let flopPerSample = flopPerStep / Double(options.batchSize)
                let achieved = flopPerSample * sps / 1e9
                let sgemm = flopPerStep / secondsPerStep / 1e9
                throughput.append(VariantThroughput(variant: v.name, threads: t, samplesPerSecond: sps,
                                                    flopPerSample: flopPerSample, achievedGFLOPS: achieved,
                                                    sgemmGFLOPS: sgemm, fractionOfSgemm: achieved / sgemm))
            }
        }
        return BenchReport(gemm: gemm, variants: throughput, processors: MinibatchBLAS.processors,
                           shape: "depth \(options.depth), \(options.inputDim)-\(options.width)x\(options.depth)-\(options.classes), batch \(options.batchSize)")
    }

    /// Every distinct product shape of a training step (batch n): forward, weight gradient,
    /// backprop delta per layer, and the DFA feedback product `e Bᵀ`.
    static func shapes(_ o: BenchOptions) -> [Product] {
        var out: [Product] = []
        let n = o.batchSize
        for l in 0...o.depth {
            let fi = l == 0 ? o.inputDim : o.width, fo = l == o.depth ? o.classes : o.width
            out.append(Product(role: "forward L\(l)", m: n, n: fo, k: fi, transA: false, transB: true))
            out.append(Product(role: "weight gradient L\(l)", m: fo, n: fi, k: n, transA: true, transB: false))
            if l > 0 { out.append(Product(role: "backprop delta L\(l)", m: n, n: fi, k: fo, transA: false, transB: false)) }
        }
        out.append(Product(role: "feedback e B^T", m: n, n: o.width, k: o.classes, transA: false, transB: true))
        return out
    }

    /// How many times each product runs per SGD step of `v` (calibration amortised over its
    /// 50-step period; the momentum variant computes its gradient a second time).
    static func productMix(_ v: Variant, _ o: BenchOptions) -> [(role: String, count: Double)] {
        var mix: [(String, Double)] = []
        for l in 0...o.depth {
            mix.append(("forward L\(l)", 1))
            mix.append(("weight gradient L\(l)", v.momentum && l < o.depth ? 2 : 1))
            if l > 0 {
                if v.feedback == .backprop { mix.append(("backprop delta L\(l)", 1)) }
                else if v.calibrated { mix.append(("backprop delta L\(l)", 1.0 / 50)) }
            }
        }
        if v.feedback != .backprop { mix.append(("feedback e B^T", Double(o.depth))) }
        return mix
    }

    static func timeGemm(_ p: Product, seconds: Double) -> Double {
        let a = [Float](repeating: 0.01, count: p.m * p.k), b = [Float](repeating: 0.02, count: p.k * p.n)
        var c = [Float](repeating: 0, count: p.m * p.n)
        let lda = p.transA ? p.m : p.k, ldb = p.transB ? p.k : p.n
        let clock = ContinuousClock()
        func call() {
            a.withUnsafeBufferPointer { pa in b.withUnsafeBufferPointer { pb in c.withUnsafeMutableBufferPointer { pc in
                guard let ba = pa.baseAddress, let bb = pb.baseAddress, let bc = pc.baseAddress else { return }
                MinibatchKernels.gemm(transA: p.transA, transB: p.transB, m: p.m, n: p.n, k: p.k, alpha: 1,
                                      a: ba, lda: lda, b: bb, ldb: ldb, beta: 0, c: bc, ldc: p.n)
            } } }
        }
        for _ in 0..<5 { call() }
        var calls = 0
        let start = clock.now
        var elapsed = 0.0
        while elapsed < seconds {
            for _ in 0..<20 { call() }
            calls += 20
            elapsed = toSeconds(clock.now - start)
        }
        return elapsed / Double(calls)
    }

    static func syntheticData(_ o: BenchOptions) -> (train: DenseSplit, test: DenseSplit) {
        var rng = MinibatchRandom(seed: 42, stream: 77)
        func split(_ n: Int) -> DenseSplit {
            DenseSplit(features: (0..<(n * o.inputDim)).map { _ in Float(rng.nextNormal()) },
                       labels: (0..<n).map { _ in Int32(rng.nextInt(below: o.classes)) }, dim: o.inputDim)
        }
        return (split(o.examples), split(o.batchSize))
    }

    /// Training examples per second of one epoch (the tiny held-out split keeps evaluation negligible).
    static func trainingRate(_ v: Variant, _ o: BenchOptions, _ data: (train: DenseSplit, test: DenseSplit)) -> Double {
        let config = MinibatchConfig(variant: v, depth: o.depth, width: o.width, epochs: 1, batchSize: o.batchSize,
                                     learningRate: 0.01, seed: 0, evaluationChunk: o.batchSize)
        guard let net = try? MinibatchNetwork(config: config, inputDim: o.inputDim, classes: o.classes) else { return .nan }
        var enc = DenseEncoder(train: data.train, test: data.test)
        let clock = ContinuousClock()
        let start = clock.now
        guard (try? net.train(encoder: &enc, trainLabels: data.train.labels, testLabels: data.test.labels)) != nil else { return .nan }
        return Double(data.train.count) / toSeconds(clock.now - start)
    }

    static func toSeconds(_ d: Duration) -> Double {
        Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
    }
}
