import Foundation
import FeedFlipCore

/// `paper/experiments.json`: the benchmarks of each profile (`smoke`, `quick`, `full`).
public struct ExperimentFile: Decodable, Sendable {
    /// Format version; this build reads version 1.
    public var version: Int
    /// The profile `feedflip build` uses when none is given.
    public var defaultProfile: String
    /// Profiles by name.
    public var profiles: [String: Profile]

    enum CodingKeys: String, CodingKey { case version, defaultProfile = "default_profile", profiles }

    /// Reads and validates an experiment file.
    /// - Throws: `BuildError.badInput` with the file, the JSON path and the problem.
    public static func load(_ url: URL) throws(BuildError) -> ExperimentFile {
        let fix = "fix the file (see paper/README.md for its format)"
        let name = url.relativePath
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw .badInput(file: name, place: "file", problem: "cannot be read (\(error.localizedDescription))", fix: "")
        }
        // The version first: a file of another version may have another shape, and "missing key"
        // would hide the real problem.
        struct Versioned: Decodable { var version: Int }
        let version: Int
        do { version = try JSONDecoder().decode(Versioned.self, from: data).version } catch {
            throw DecodingProblem.describe(error, file: name, fix: fix, data: data)
        }
        guard version == 1 else {
            throw .badInput(file: name, place: "version", problem: "unsupported version \(version); expected 1", fix: fix)
        }
        let file: ExperimentFile
        do { file = try JSONDecoder().decode(ExperimentFile.self, from: data) } catch {
            throw DecodingProblem.describe(error, file: name, fix: fix, data: data)
        }
        guard file.profiles[file.defaultProfile] != nil else {
            throw .badInput(file: name, place: "default_profile",
                            problem: "names profile \"\(file.defaultProfile)\", which is not defined", fix: fix)
        }
        for (profileName, p) in file.profiles.sorted(by: { $0.key < $1.key }) {
            if let problem = p.problem() {
                throw .badInput(file: name, place: "profiles.\(profileName).\(problem.place)", problem: problem.text, fix: fix)
            }
        }
        return file
    }

    /// The named profile, or an error listing the defined ones.
    public func profile(_ name: String) throws(BuildError) -> Profile {
        guard let p = profiles[name] else {
            throw .invalid("--profile: unknown profile \"\(name)\"; paper/experiments.json defines "
                           + "\(profiles.keys.sorted().joined(separator: ", ")); pass one of them")
        }
        return p
    }
}

/// One profile: which benchmarks run and how big they are. A missing benchmark is "not run".
public struct Profile: Decodable, Sendable {
    public var description: String
    public var timeseries: TimeSeriesSection?
    public var committed: CommittedSection?
    public var mnist: MinibatchSection?
    public var tinystories: TinyStoriesSection?

    /// The first semantic problem (a place relative to the profile and a message), if any.
    func problem() -> (place: String, text: String)? {
        if let t = timeseries {
            // Decoding accepts every variant; FeedFlip has no time-series run and would be dropped silently.
            for n in t.variants.names ?? [] {
                do { _ = try Variant.named(n, among: Variant.timeSeries) } catch { return ("timeseries.variants", error.description) }
            }
            if let p = Check.grid(depths: t.depths, seeds: t.seeds, epochs: t.epochs) { return ("timeseries.\(p.0)", p.1) }
            if let p = Check.frequencies(t.freqs) { return ("timeseries.freqs", p) }
        }
        if let c = committed {
            if let p = Check.grid(depths: c.depths, seeds: [c.seed], epochs: c.epochs) { return ("committed.\(p.0)", p.1) }
            if let p = Check.frequencies(c.freqs) { return ("committed.freqs", p) }
        }
        if let m = mnist {
            if let p = Check.grid(depths: m.depths, seeds: m.seeds, epochs: m.epochs) { return ("mnist.\(p.0)", p.1) }
            if let p = Check.positive(["width": m.width, "batch_size": m.batchSize]) { return ("mnist.\(p.0)", p.1) }
            if !(m.learningRate > 0) { return ("mnist.learning_rate", "expected a positive number") }
        }
        if let s = tinystories {
            if let p = Check.grid(depths: s.depths, seeds: s.seeds, epochs: s.epochs) { return ("tinystories.\(p.0)", p.1) }
            if let p = Check.positive(["width": s.width, "batch_size": s.batchSize, "context": s.context,
                                       "embed_dim": s.embedDim, "windows_per_epoch": s.windowsPerEpoch,
                                       "validation_windows": s.validationWindows]) { return ("tinystories.\(p.0)", p.1) }
            if !(s.learningRate > 0) { return ("tinystories.learning_rate", "expected a positive number") }
        }
        return nil
    }
}

/// The time-series grid of a profile (METHODS.md Part 1).
public struct TimeSeriesSection: Decodable, Sendable, Hashable {
    public var variants: VariantList
    public var depths: [Int]
    public var freqs: [Int]
    public var seeds: [Int]
    public var epochs: Int
    public var rng: RandomMode
}

/// The committed-table reproduction: Backprop, reference mode, one seed (CLAIMS.md §2).
public struct CommittedSection: Decodable, Sendable, Hashable {
    public var depths: [Int]
    public var freqs: [Int]
    public var seed: Int
    public var epochs: Int
}

/// The MNIST benchmark of a profile (METHODS.md Part 2).
public struct MinibatchSection: Decodable, Sendable, Hashable {
    public var variants: VariantList
    public var depths: [Int]
    public var seeds: [Int]
    public var epochs: Int
    public var width: Int
    public var batchSize: Int
    public var learningRate: Double
    /// Use only the first N training / test examples (nil: all).
    public var trainLimit: Int?
    public var testLimit: Int?

    enum CodingKeys: String, CodingKey {
        case variants, depths, seeds, epochs, width, batchSize = "batch_size", learningRate = "learning_rate"
        case trainLimit = "train_limit", testLimit = "test_limit"
    }
}

/// The TinyStories benchmark of a profile.
public struct TinyStoriesSection: Decodable, Sendable, Hashable {
    public var variants: VariantList
    public var depths: [Int]
    public var seeds: [Int]
    public var epochs: Int
    public var width: Int
    public var batchSize: Int
    public var learningRate: Double
    /// Characters of context before the predicted one.
    public var context: Int
    /// Embedding dimensions per character.
    public var embedDim: Int
    /// Training windows per epoch.
    public var windowsPerEpoch: Int
    /// Validation windows for bits per character.
    public var validationWindows: Int

    enum CodingKeys: String, CodingKey {
        case variants, depths, seeds, epochs, width, batchSize = "batch_size", learningRate = "learning_rate"
        case context, embedDim = "embed_dim", windowsPerEpoch = "windows_per_epoch"
        case validationWindows = "validation_windows"
    }
}

/// `"all"` or a list of exact variant names.
public struct VariantList: Decodable, Sendable, Hashable {
    /// The names as written; `nil` for "all".
    public var names: [String]?

    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let word = try? c.decode(String.self) {
            guard word == "all" else {
                throw DecodingError.dataCorruptedError(in: c, debugDescription: "expected \"all\" or a list of variant names, got \"\(word)\"")
            }
            names = nil
            return
        }
        let list = try c.decode([String].self)
        for n in list {
            do { _ = try Variant.named(n) } catch {
                throw DecodingError.dataCorruptedError(in: c, debugDescription: error.description)
            }
        }
        names = list
    }

    /// The variants, resolved among `known` (those of the benchmark); names outside `known` are
    /// dropped (decoding rejects non-variants, `ExperimentFile.load` FeedFlip in the time series).
    public func resolve(_ known: [Variant]) -> [Variant] {
        guard let names else { return known }
        return names.compactMap { try? Variant.named($0, among: known) }
    }
}

/// Shared range checks with a place and a message.
enum Check {
    static func grid(depths: [Int], seeds: [Int], epochs: Int) -> (String, String)? {
        if depths.isEmpty { return ("depths", "expected at least one depth") }
        if let d = depths.first(where: { $0 < 1 }) { return ("depths", "depth must be at least 1, got \(d)") }
        if seeds.isEmpty { return ("seeds", "expected at least one seed") }
        if let s = seeds.first(where: { $0 < 0 || $0 > Int(UInt32.max) }) {
            return ("seeds", "seed must be in 0...\(UInt32.max) (NumPy's seed range), got \(s)")
        }
        if epochs < 1 { return ("epochs", "must be at least 1, got \(epochs)") }
        return nil
    }

    /// Frequencies k of the target sin(kπx): at least one, none negative (as `TimeSeriesGrid.validate`).
    static func frequencies(_ freqs: [Int]) -> String? {
        if freqs.isEmpty { return "expected at least one frequency" }
        if let k = freqs.first(where: { $0 < 0 }) { return "frequency must be >= 0, got \(k)" }
        return nil
    }

    static func positive(_ fields: [String: Int]) -> (String, String)? {
        for (k, v) in fields.sorted(by: { $0.key < $1.key }) where v < 1 {
            return (k, "must be at least 1, got \(v)")
        }
        return nil
    }
}
