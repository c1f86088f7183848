import FeedFlipCore

/// What `feedflip bench` measures: the MLP's shapes, the variants and the thread counts.
public struct BenchOptions: Sendable {
    /// Hidden layers of the benchmarked MLP.
    public var depth: Int = 2
    /// Units per hidden layer.
    public var width: Int = 256
    /// Input features (MNIST: 784).
    public var inputDim: Int = 784
    /// Output classes.
    public var classes: Int = 10
    /// Examples per SGD step.
    public var batchSize: Int = 64
    /// Training examples per throughput measurement (synthetic data of the MNIST shape).
    public var examples: Int = 12_000
    /// Variants whose training throughput is measured.
    public var variants: [Variant] = Variant.all
    /// OpenBLAS thread counts to measure (default: 1 and every core).
    public var threadCounts: [Int] = [1, MinibatchBLAS.processors]
    /// Seconds spent timing each sgemm shape.
    public var gemmSeconds: Double = 0.2

    /// The defaults: depth 2, width 256, MNIST shapes, batch 64, every variant, 1 and all threads.
    public init() {}
}

/// The measured rate of `cblas_sgemm` at one of the MLP's shapes.
public struct GemmRate: Codable, Hashable, Sendable {
    /// What the product is in the network (e.g. "forward L0").
    public var role: String
    /// op(A) is (m, k), op(B) is (k, n).
    public var m: Int, n: Int, k: Int
    /// Whether A / B are transposed.
    public var transA: Bool, transB: Bool
    /// OpenBLAS threads during the measurement.
    public var threads: Int
    /// Seconds per call.
    public var secondsPerCall: Double
    /// 2mnk / secondsPerCall / 1e9.
    public var gflops: Double { 2 * Double(m * n * k) / secondsPerCall / 1e9 }
}

/// The training throughput of one variant at one thread count.
public struct VariantThroughput: Codable, Hashable, Sendable {
    /// The variant's exact name.
    public var variant: String
    /// OpenBLAS threads.
    public var threads: Int
    /// Training examples per second (one epoch of `examples`, including shuffling and input copies).
    public var samplesPerSecond: Double
    /// Floating-point operations of the matrix products per training example.
    public var flopPerSample: Double
    /// flopPerSample · samplesPerSecond / 1e9.
    public var achievedGFLOPS: Double
    /// The sgemm rate over the same products, timed alone (GFLOP/s).
    public var sgemmGFLOPS: Double
    /// achievedGFLOPS / sgemmGFLOPS.
    public var fractionOfSgemm: Double
}

/// The result of `feedflip bench`: values and a formatted table.
public struct BenchReport: Codable, Hashable, Sendable {
    /// Per-shape sgemm rates for every thread count.
    public var gemm: [GemmRate]
    /// Per-variant throughput for every thread count.
    public var variants: [VariantThroughput]
    /// Processors OpenBLAS sees.
    public var processors: Int
    /// The options' depth, width, batch and input size, for the header.
    public var shape: String

    /// The Markdown tables `feedflip bench` prints.
    public var text: String {
        var lines = ["# feedflip bench: \(shape), \(processors) processors", "",
                     "## cblas_sgemm at the MLP's shapes", "",
                     "| product | m x n x k | threads | GFLOP/s |", "|---|---|---|---|"]
        for g in gemm {
            lines.append("| \(g.role) | \(g.m) x \(g.n) x \(g.k) | \(g.threads) | \(fmt(g.gflops, 1)) |")
        }
        lines += ["", "## training throughput", "",
                  "| variant | threads | samples/s | GFLOP/s achieved | sgemm GFLOP/s (same products) | fraction |",
                  "|---|---|---|---|---|---|"]
        for v in variants {
            lines.append("| \(v.variant) | \(v.threads) | \(fmt(v.samplesPerSecond, 0)) | \(fmt(v.achievedGFLOPS, 1)) | \(fmt(v.sgemmGFLOPS, 1)) | \(fmt(v.fractionOfSgemm, 2)) |")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func fmt(_ x: Double, _ digits: Int) -> String {
        guard x.isFinite else { return "-" }
        var p = 1.0
        for _ in 0..<digits { p *= 10 }
        let r = (x * p).rounded() / p
        if digits == 0 { return String(Int(r)) }
        var s = String(r)
        let decimals = s.split(separator: ".").last?.count ?? 0
        if decimals < digits { s += String(repeating: "0", count: digits - decimals) }
        return s
    }
}
