import Foundation
import FeedFlipCore
import FeedFlipData

/// The data of a minibatch sweep, loaded once and shared read-only by every training thread.
public enum MinibatchSweepData: Sendable {
    /// MNIST or Fashion-MNIST, standardised.
    case images(ImageDataset)
    /// TinyStories windows with the baselines; `sha256` is the text file's.
    case text(TinyStoriesData, sha256: String)

    /// Locates and loads the dataset of `config` from `dataDir`, then `$FEEDFLIP_DATA`, then the
    /// per-user cache (and for Fashion-MNIST Debian's folder).
    /// - Throws: `BuildError.dataset` with `DataError`'s message (where the files were looked for
    ///   and how to get them: `feedflip fetch`, `--data-dir`, `FEEDFLIP_DATA`).
    public static func load(_ config: MinibatchSweepConfig, dataDir: String?) throws(BuildError) -> MinibatchSweepData {
        let store = DataStore(dataDir: dataDir)
        if let kind = config.dataset.imageKind {
            do {
                return .images(try ImageDataset.load(kind, store: store, trainLimit: config.trainLimit))
            } catch {
                throw .dataset(error.description)
            }
        }
        do {
            let path = try store.locateTinyStories()
            let bytes: Data
            do { bytes = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
                throw DataError.unreadable(path: path, reason: error.localizedDescription)
            }
            let d = try TinyStoriesData.load(path: path, context: config.context ?? CharModelConfig(variant: .backprop).context)
            return .text(d, sha256: SHA256Hasher.hex(Array(bytes)))
        } catch let e as DataError {
            throw .dataset(e.description)
        } catch {
            throw .dataset("cannot read the TinyStories text: \(error)")
        }
    }

    /// The number of outputs of the network: image classes or vocabulary symbols.
    public var classes: Int {
        switch self {
        case let .images(d): return d.classes
        case let .text(d, _): return d.dataset.vocabulary.count
        }
    }

    /// The length of the network's input row: pixels, or context × embedding dimension.
    public func inputDim(_ config: MinibatchSweepConfig) -> Int {
        switch self {
        case let .images(d): return d.train.dim
        case .text:
            let c = config.charConfig(MinibatchSweepRun(variant: .backprop, depth: 1, seed: 0))
            return c.context * c.embedDim
        }
    }

    /// The add-one unigram and bigram bits per character of the validation windows (TinyStories).
    public var baselines: (unigram: Double, bigram: Double)? {
        if case let .text(d, _) = self { return (d.unigramBPC, d.bigramBPC) }
        return nil
    }

    /// One line describing what was loaded, for the log.
    public var description: String {
        switch self {
        case let .images(d):
            return "\(d.kind.rawValue) from \(d.folder): \(d.train.count) training, \(d.test.count) test images"
                + (d.kind.decompressedSHA256 == nil ? "" : " (checksums verified)")
        case let .text(d, _):
            return "TinyStories from \(d.path): \(d.trainStories) training and \(d.validationStories) validation stories, vocabulary \(d.dataset.vocabulary.count)"
        }
    }

    /// Facts about the data for `summary.json`: source, sizes and checksums.
    public var facts: [String: String] {
        switch self {
        case let .images(d):
            var f = ["folder": d.folder, "train_images": "\(d.train.count)", "test_images": "\(d.test.count)",
                     "classes": "\(d.classes)", "pixel_mean": "\(d.pixelMean)", "pixel_std": "\(d.pixelStd)"]
            for (name, sha) in d.sha256 { f["sha256 " + name] = sha }
            return f
        case let .text(d, sha):
            return ["file": d.path, "sha256": sha, "stories": "\(d.stories)", "train_stories": "\(d.trainStories)",
                    "validation_stories": "\(d.validationStories)", "vocabulary": "\(d.dataset.vocabulary.count)",
                    "train_windows": "\(d.dataset.train.count)", "validation_windows_available": "\(d.dataset.validation.count)"]
        }
    }

    /// Trains one run; returns its record and, for TinyStories, the generated sample.
    /// `progress` is called after each completed epoch with its 0-based index and metrics.
    /// - Throws: `BuildError.invalid` with the engine's message (a configuration the engine rejects).
    func train(_ r: MinibatchSweepRun, config: MinibatchSweepConfig,
               progress: ((Int, EpochMetrics) -> Void)?) throws(BuildError) -> (MinibatchResult, String?) {
        do {
            switch self {
            case let .images(d):
                let result = try MinibatchTraining.train(config: config.imageConfig(r), train: d.train, test: d.test,
                                                         classes: d.classes, progress: progress)
                return (result, nil)
            case let .text(d, _):
                let o = try CharModel.train(config: config.charConfig(r), data: d.dataset, progress: progress)
                return (o.result, o.sample)
            }
        } catch {
            throw .invalid("\(config.dataset.rawValue) run \(r.variant.name) d=\(r.depth) seed=\(r.seed): \(error.description)")
        }
    }
}
