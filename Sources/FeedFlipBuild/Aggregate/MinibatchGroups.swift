import Foundation
import FeedFlipCore
import FeedFlipReport

/// The runs of a minibatch benchmark (MNIST or TinyStories) grouped by variant and depth,
/// seeds in profile order.
public struct MinibatchGroups: Sendable {
    /// A run's identity within its benchmark.
    public struct Run: Sendable {
        public var variant: Variant
        public var depth: Int
        public var seed: Int
        public var result: MinibatchResult
        public var sample: String?

        public init(variant: Variant, depth: Int, seed: Int, result: MinibatchResult, sample: String? = nil) {
            self.variant = variant; self.depth = depth; self.seed = seed; self.result = result; self.sample = sample
        }
    }

    public let variants: [Variant]
    public let depths: [Int]
    public let seeds: [Int]
    public let runs: [Run]

    public init(variants: [Variant], depths: [Int], seeds: [Int], runs: [Run]) {
        self.variants = variants; self.depths = depths; self.seeds = seeds; self.runs = runs
    }

    /// The runs of one variant and depth, in seed order.
    public func runs(_ v: Variant, depth: Int) -> [Run] {
        seeds.compactMap { s in runs.first { $0.variant == v && $0.depth == depth && $0.seed == s } }
    }

    /// Per seed, `metric` of the last epoch, or NaN when the run diverged.
    public func finals(_ v: Variant, depth: Int, _ metric: (EpochMetrics) -> Double?) -> [Double] {
        runs(v, depth: depth).map { r in
            guard r.result.divergedAtEpoch == nil, let last = r.result.epochs.last else { return .nan }
            return metric(last) ?? .nan
        }
    }

    /// Per seed, the lowest `metric` over the run's epochs, or NaN when the run diverged.
    public func lowest(_ v: Variant, depth: Int, _ metric: (EpochMetrics) -> Double?) -> [Double] {
        runs(v, depth: depth).map { r in
            guard r.result.divergedAtEpoch == nil else { return .nan }
            return r.result.epochs.compactMap(metric).filter(\.isFinite).min() ?? .nan
        }
    }

    /// How many runs of a variant and depth diverged.
    public func diverged(_ v: Variant, depth: Int) -> Int {
        runs(v, depth: depth).filter { $0.result.divergedAtEpoch != nil }.count
    }

    /// The epoch-wise mean of `metric` over non-diverged seeds (the shortest run's length).
    public func meanCurve(_ v: Variant, depth: Int, _ metric: (EpochMetrics) -> Double?) -> [Double] {
        let curves = runs(v, depth: depth).filter { $0.result.divergedAtEpoch == nil }
            .map { $0.result.epochs.map { metric($0) ?? .nan } }
        guard let n = curves.map(\.count).min(), n > 0 else { return [] }
        return (0..<n).map { e in curves.map { $0[e] }.reduce(0, +) / Double(curves.count) }
    }

    /// The epoch-wise band mean ± sample std of `metric` over non-diverged seeds (the shortest
    /// run's length); nil with fewer than two such seeds.
    public func band(_ v: Variant, depth: Int, _ metric: (EpochMetrics) -> Double?) -> (lower: [Double], upper: [Double])? {
        let curves = runs(v, depth: depth).filter { $0.result.divergedAtEpoch == nil }
            .map { $0.result.epochs.map { metric($0) ?? .nan } }
        guard curves.count >= 2, let n = curves.map(\.count).min(), n > 0 else { return nil }
        var lower = [Double](repeating: .nan, count: n), upper = lower
        for e in 0..<n {
            guard let s = SeedStatistics(curves.map { $0[e] }) else { continue }
            lower[e] = s.mean - s.std
            upper[e] = s.mean + s.std
        }
        return (lower, upper)
    }
}

/// MNIST and TinyStories metrics.
public enum MinibatchMetrics {
    /// Adds `mnist.test_accuracy[v|d=D]` (percent) and `mnist.acc_drop_pp[v|d=D]` (Backprop minus
    /// the variant, percentage points, paired by seed), plus `mnist.diverged[v|d=D]`.
    public static func addMNIST(_ g: MinibatchGroups, to m: inout MetricsBuilder) {
        for d in g.depths {
            let bp = g.finals(.backprop, depth: d) { $0.testAccuracy.map { 100 * $0 } }
            for v in g.variants {
                let acc = g.finals(v, depth: d) { $0.testAccuracy.map { 100 * $0 } }
                m.add(MetricKey(family: "mnist.test_accuracy", variant: v.name, depth: d), samples: acc)
                let pairs = zip(bp, acc).filter { $0.0.isFinite && $0.1.isFinite }
                if g.variants.contains(.backprop) {
                    m.add(MetricKey(family: "mnist.acc_drop_pp", variant: v.name, depth: d),
                          estimate: RatioStatistics.difference(pairs.map(\.0), minus: pairs.map(\.1)),
                          samples: pairs.map { $0.0 - $0.1 },
                          missingReason: "every seed of \(v.name) or Backprop diverged at depth \(d)")
                }
            }
        }
    }

    /// Adds `tiny.bpc[v|d=D]` (validation bits per character of the last epoch),
    /// `tiny.best_bpc[v|d=D]` (the lowest over the epochs) and the two baselines.
    public static func addTinyStories(_ g: MinibatchGroups, unigram: Double, bigram: Double, to m: inout MetricsBuilder) {
        m.add(MetricKey(family: "tiny.unigram_bpc"), value: unigram)
        m.add(MetricKey(family: "tiny.bigram_bpc"), value: bigram)
        for d in g.depths {
            for v in g.variants {
                m.add(MetricKey(family: "tiny.bpc", variant: v.name, depth: d), samples: g.finals(v, depth: d) { $0.bitsPerCharacter })
                m.add(MetricKey(family: "tiny.best_bpc", variant: v.name, depth: d), samples: g.lowest(v, depth: d) { $0.bitsPerCharacter })
            }
        }
    }
}
