import Foundation
import FeedFlipCore

/// The original interface's grid: every variant × depth × frequency × seed, one run each.
public struct TimeSeriesGrid: Codable, Hashable, Sendable {
    public var variants: [Variant]
    public var depths: [Int]
    public var frequencies: [Int]
    public var seeds: [Int]
    public var epochs: Int
    public var mode: RandomMode

    public init(variants: [Variant], depths: [Int], frequencies: [Int], seeds: [Int],
                epochs: Int, mode: RandomMode) {
        self.variants = variants
        self.depths = depths
        self.frequencies = frequencies
        self.seeds = seeds
        self.epochs = epochs
        self.mode = mode
    }

    /// Every run of the grid, in the order variant, depth, frequency, seed.
    public var specs: [TimeSeriesSpec] {
        variants.flatMap { v in depths.flatMap { d in frequencies.flatMap { k in seeds.map { s in
            TimeSeriesSpec(variant: v, depth: d, frequency: k, seed: s, epochs: epochs, mode: mode)
        } } } }
    }

    /// Checks that the grid is non-empty and its numbers are usable.
    /// - Throws: `BuildError.invalid` naming the offending field.
    public func validate() throws(BuildError) {
        if variants.isEmpty { throw .invalid("the grid has no variants; give at least one with --methods") }
        if depths.isEmpty || frequencies.isEmpty || seeds.isEmpty {
            throw .invalid("the grid is empty; give at least one depth, frequency and seed")
        }
        if epochs < 1 { throw .invalid("--epochs must be at least 1, got \(epochs)") }
        if let d = depths.first(where: { $0 < 1 }) { throw .invalid("depth must be at least 1, got \(d)") }
        if let k = frequencies.first(where: { $0 < 0 }) { throw .invalid("frequency must be >= 0, got \(k)") }
        if let s = seeds.first(where: { $0 < 0 || $0 > Int(UInt32.max) }) {
            throw .invalid("seed must be in 0...\(UInt32.max), got \(s)")
        }
        for (name, list) in [("depths", depths), ("frequencies", frequencies), ("seeds", seeds)]
        where Set(list).count != list.count {
            throw .invalid("--\(name == "frequencies" ? "freqs" : name) lists a value twice")
        }
        if Set(variants).count != variants.count { throw .invalid("--methods lists a variant twice") }
    }
}

/// Runs a time-series grid in parallel; results are in `grid.specs` order whatever `jobs` is.
public enum TimeSeriesSweep {
    /// Runs every cell of `grid` on `jobs` threads, reporting each finished run to `progress`.
    public static func run(_ grid: TimeSeriesGrid, jobs: Int,
                           progress: ProgressMeter? = nil) -> [TimeSeriesResult] {
        let specs = grid.specs
        return Scheduler.map(specs, jobs: jobs, onDone: { i, r in
            let s = specs[i]
            let final = r.divergedAtEpoch == nil ? String(format: "%.4g", r.finalMSE) : "diverged"
            progress?.step("\(s.variant.name) d=\(s.depth) k=\(s.frequency) seed=\(s.seed): final MSE \(final)")
        }) { spec in
            TimeSeriesEngine.run(spec)
        }
    }
}
