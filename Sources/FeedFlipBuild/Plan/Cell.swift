import Foundation
import FeedFlipCore

/// The work of one cell: one training run, fully described.
public enum CellWork: Codable, Hashable, Sendable {
    /// A time-series run (also the committed-table runs).
    case timeSeries(TimeSeriesSpec)
    /// An MNIST run.
    case mnist(MNISTRun)
    /// A TinyStories run.
    case tinyStories(TinyStoriesRun)
}

/// One MNIST training run: only what affects its numbers (not the profile's other lists).
public struct MNISTRun: Codable, Hashable, Sendable {
    public var variant: Variant
    public var depth: Int
    public var seed: Int
    public var epochs: Int
    public var width: Int
    public var batchSize: Int
    public var learningRate: Double
    public var trainLimit: Int?
    public var testLimit: Int?

    init(_ m: MinibatchSection, variant: Variant, depth: Int, seed: Int) {
        self.variant = variant; self.depth = depth; self.seed = seed; epochs = m.epochs
        width = m.width; batchSize = m.batchSize; learningRate = m.learningRate
        trainLimit = m.trainLimit; testLimit = m.testLimit
    }
}

/// One TinyStories training run: only what affects its numbers.
public struct TinyStoriesRun: Codable, Hashable, Sendable {
    public var variant: Variant
    public var depth: Int
    public var seed: Int
    public var epochs: Int
    public var width: Int
    public var batchSize: Int
    public var learningRate: Double
    public var context: Int
    public var embedDim: Int
    public var windowsPerEpoch: Int
    public var validationWindows: Int

    init(_ t: TinyStoriesSection, variant: Variant, depth: Int, seed: Int) {
        self.variant = variant; self.depth = depth; self.seed = seed; epochs = t.epochs
        width = t.width; batchSize = t.batchSize; learningRate = t.learningRate
        context = t.context; embedDim = t.embedDim; windowsPerEpoch = t.windowsPerEpoch
        validationWindows = t.validationWindows
    }
}

/// One cell of a build plan: which benchmark it belongs to, its work and its content key.
public struct Cell: Hashable, Sendable {
    /// `timeseries`, `committed`, `mnist` or `tinystories`.
    public let benchmark: String
    public let work: CellWork
    /// SHA-256 of the canonical description, the dataset checksum and the numerics version.
    public let key: String
    /// The canonical description (sorted-key JSON of `work`).
    public let canonical: String

    /// The versions of the engines' numerics (time series, minibatch): part of every key, so a
    /// change that alters results (and bumps its engine's version) recomputes only that engine's cells.
    public static var numericsVersion: String {
        "timeseries-\(TimeSeriesEngine.numericsVersion) minibatch-\(MinibatchConfig.numericsVersion)"
    }

    /// The version string of the engine that computes `work`.
    static func engineVersion(_ work: CellWork) -> String {
        switch work {
        case .timeSeries: return "timeseries-\(TimeSeriesEngine.numericsVersion)"
        case .mnist, .tinyStories: return "minibatch-\(MinibatchConfig.numericsVersion)"
        }
    }

    public init(benchmark: String, work: CellWork, datasetChecksum: String) throws(BuildError) {
        self.benchmark = benchmark
        self.work = work
        canonical = try JSONText.encode(work)
        key = ContentHash.sha256Hex("\(Cell.engineVersion(work))\n\(benchmark)\n\(datasetChecksum)\n\(canonical)")
    }

    /// A rough cost of training the cell, in multiply-adds of its matrix products (for progress
    /// estimates only): epochs × examples × weights per example.
    public var estimatedCost: Double {
        switch work {
        case let .timeSeries(s):
            // tanh dominates here; count it like 20 multiply-adds per unit.
            let perPoint: Int = 64 * (s.depth - 1) + 16 + 20 * (8 * s.depth + 1)
            return Double(s.epochs) * 200 * Double(perPoint)
        case let .mnist(r):
            let weights: Int = 784 * r.width + (r.depth - 1) * r.width * r.width + r.width * 10
            let examples: Int = r.trainLimit ?? 60_000
            return Double(r.epochs) * Double(examples) * Double(3 * weights)
        case let .tinyStories(r):
            let weights: Int = r.context * r.embedDim * r.width + (r.depth - 1) * r.width * r.width + r.width * 80
            let windows: Int = r.windowsPerEpoch + r.validationWindows / 3
            return Double(r.epochs) * Double(windows) * Double(3 * weights)
        }
    }

    /// A short human description for progress lines and `--explain`.
    public var label: String {
        switch work {
        case let .timeSeries(s):
            return "\(benchmark) \(s.variant.name) d=\(s.depth) k=\(s.frequency) seed=\(s.seed) epochs=\(s.epochs) rng=\(s.mode.rawValue)"
        case let .mnist(r):
            return "mnist \(r.variant.name) d=\(r.depth) seed=\(r.seed) epochs=\(r.epochs)"
        case let .tinyStories(r):
            return "tinystories \(r.variant.name) d=\(r.depth) seed=\(r.seed) epochs=\(r.epochs)"
        }
    }
}

/// Expands a profile into cells.
public enum Planner {
    /// The cells of `profile`, benchmark by benchmark, in a fixed order. `checksums` maps a
    /// dataset name (`mnist`, `tinystories`) to its content checksum.
    public static func cells(_ profile: Profile, checksums: [String: String]) throws(BuildError) -> [Cell] {
        var out: [Cell] = []
        if let t = profile.timeseries {
            for v in t.variants.resolve(Variant.timeSeries) {
                for d in t.depths { for k in t.freqs { for s in t.seeds {
                    let spec = TimeSeriesSpec(variant: v, depth: d, frequency: k, seed: s, epochs: t.epochs, mode: t.rng)
                    out.append(try Cell(benchmark: "timeseries", work: .timeSeries(spec), datasetChecksum: "generated"))
                } } }
            }
        }
        if let c = profile.committed {
            for d in c.depths { for k in c.freqs {
                let spec = TimeSeriesSpec(variant: .backprop, depth: d, frequency: k, seed: c.seed, epochs: c.epochs, mode: .reference)
                out.append(try Cell(benchmark: "committed", work: .timeSeries(spec), datasetChecksum: "generated"))
            } }
        }
        if let m = profile.mnist {
            let sum = checksums["mnist"] ?? "missing"
            for v in m.variants.resolve(Variant.all) { for d in m.depths { for s in m.seeds {
                out.append(try Cell(benchmark: "mnist", work: .mnist(MNISTRun(m, variant: v, depth: d, seed: s)), datasetChecksum: sum))
            } } }
        }
        if let t = profile.tinystories {
            let sum = checksums["tinystories"] ?? "missing"
            for v in t.variants.resolve(Variant.all) { for d in t.depths { for s in t.seeds {
                out.append(try Cell(benchmark: "tinystories", work: .tinyStories(TinyStoriesRun(t, variant: v, depth: d, seed: s)), datasetChecksum: sum))
            } } }
        }
        return out
    }
}
