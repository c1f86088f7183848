import Foundation
import FeedFlipCore

/// Runs a minibatch sweep (MNIST, Fashion-MNIST, TinyStories) in parallel; results are in
/// `config.runs` order whatever `jobs` is.
public enum MinibatchSweep {
    /// The relative cost of one epoch of `r`: the network's weight count (every run of a sweep
    /// sees the same number of examples per epoch), for honest time-left estimates.
    public static func epochCost(_ r: MinibatchSweepRun, config: MinibatchSweepConfig, data: MinibatchSweepData) -> Double {
        let w = config.width
        return Double(data.inputDim(config) * w + (r.depth - 1) * w * w + w * data.classes)
    }

    /// The summed cost of every epoch of the sweep (`ProgressMeter`'s `totalCost`).
    public static func totalCost(_ config: MinibatchSweepConfig, data: MinibatchSweepData) -> Double {
        config.runs.map { Double(config.epochs) * epochCost($0, config: config, data: data) }.reduce(0, +)
    }

    /// Trains every run of `config` on `data` with `jobs` threads, reporting each finished epoch
    /// to `progress` (made with total `config.runs.count * config.epochs` and `totalCost`; a
    /// diverged run reports its remaining epochs at once).
    ///
    /// OpenBLAS runs one thread per product during the sweep (restored afterwards), whatever
    /// `jobs` is: multi-threaded `sgemm` changes the last bits of the results, so this is what
    /// makes them independent of `jobs` (parallelism comes from running `jobs` runs at once).
    /// - Throws: `BuildError.invalid` for a configuration the data or the engine rejects
    ///   (checked before any training).
    public static func run(_ config: MinibatchSweepConfig, data: MinibatchSweepData, jobs: Int,
                           progress: ProgressMeter? = nil) throws(BuildError) -> MinibatchSweepResults {
        try config.validate()
        try config.validate(classes: data.classes)
        let runs = config.runs
        let savedThreads = MinibatchBLAS.threads
        MinibatchBLAS.setThreads(1)
        defer { MinibatchBLAS.setThreads(savedThreads) }
        let epochs = config.epochs
        let dataset = config.dataset
        let outcomes = Scheduler.map(runs, jobs: jobs) { r -> Result<MinibatchGroups.Run, BuildError> in
            let name = "\(r.variant.name) d=\(r.depth) seed=\(r.seed)"
            let cost = epochCost(r, config: config, data: data)
            do throws(BuildError) {
                let (result, sample) = try data.train(r, config: config) { e, m in
                    let value = dataset.metric(m).map { String(format: dataset == .tinystories ? "%.4f" : "%.2f", $0) } ?? "n/a"
                    progress?.step("\(name) epoch \(e + 1)/\(epochs): \(dataset.metricName) \(value)", cost: cost)
                }
                if let at = result.divergedAtEpoch {
                    let left = epochs - result.epochs.count
                    progress?.step("\(name): diverged at epoch \(at + 1)", count: left, cost: Double(left) * cost)
                }
                return .success(.init(variant: r.variant, depth: r.depth, seed: r.seed, result: result, sample: sample))
            } catch {
                return .failure(error)
            }
        }
        var done: [MinibatchGroups.Run] = []
        for o in outcomes {
            switch o {
            case let .success(r): done.append(r)
            case let .failure(e): throw e
            }
        }
        return MinibatchSweepResults(config: config, data: data.facts, baselines: data.baselines,
                                     groups: MinibatchGroups(variants: config.variants, depths: config.depths,
                                                             seeds: config.seeds, runs: done))
    }
}

/// The summary of one (variant, depth) of a minibatch sweep over seeds.
public struct MinibatchCellSummary: Codable, Hashable, Sendable {
    /// The variant's name.
    public var variant: String
    /// Number of hidden layers.
    public var depth: Int
    /// The final metric (test accuracy % or bits per character) over non-diverged seeds; nil
    /// when every seed diverged.
    public var final: SeedStatistics?
    /// The final held-out loss (nats) over non-diverged seeds.
    public var finalLoss: SeedStatistics?
    /// Per seed (in `seeds` order) the final metric; nil for a diverged run.
    public var perSeed: [Double?]
    /// How many seeds diverged.
    public var diverged: Int
    /// The 0-based epochs at which they diverged, in seed order (the engine's and the time-series
    /// summary's convention: the number of completed epochs, i.e. rows in the run's curve file).
    public var divergedAtEpochs: [Int]

    enum CodingKeys: String, CodingKey {
        case variant, depth, final = "final_metric", finalLoss = "final_loss", perSeed = "per_seed"
        case diverged, divergedAtEpochs = "diverged_at_epochs"
    }
}

/// A minibatch sweep's runs with the per-cell statistics the outputs are made of.
public struct MinibatchSweepResults: Sendable {
    /// The resolved configuration.
    public let config: MinibatchSweepConfig
    /// Facts about the data (source, sizes, checksums) for `summary.json`.
    public let data: [String: String]
    /// TinyStories: the add-one unigram and bigram bits per character of the validation split.
    public let baselines: (unigram: Double, bigram: Double)?
    /// The runs grouped by variant and depth.
    public let groups: MinibatchGroups

    /// Results from their parts (`MinibatchSweep.run` makes them).
    public init(config: MinibatchSweepConfig, data: [String: String], baselines: (unigram: Double, bigram: Double)?,
                groups: MinibatchGroups) {
        self.config = config
        self.data = data
        self.baselines = baselines
        self.groups = groups
    }

    /// The summary of one variant and depth over seeds.
    public func summary(_ v: Variant, depth: Int) -> MinibatchCellSummary {
        let runs = groups.runs(v, depth: depth)
        let finals = groups.finals(v, depth: depth) { config.dataset.metric($0) }
        let losses = groups.finals(v, depth: depth) { $0.testLoss }
        let diverged = runs.compactMap(\.result.divergedAtEpoch)
        return MinibatchCellSummary(variant: v.name, depth: depth, final: SeedStatistics(finals),
                                    finalLoss: SeedStatistics(losses),
                                    perSeed: finals.map { $0.isFinite ? $0 : nil },
                                    diverged: diverged.count, divergedAtEpochs: diverged)
    }

    /// Every cell's summary, in variant, depth order.
    public var summaries: [MinibatchCellSummary] {
        config.variants.flatMap { v in config.depths.map { summary(v, depth: $0) } }
    }
}
