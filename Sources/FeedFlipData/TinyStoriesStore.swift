import FeedFlipCore
import Foundation

/// Where TinyStories text lives in the data store, and the one-call loading of the benchmark data.
///
/// Layout: `<root>/tinystories/<file>` under the roots of `DataStore` (`--data-dir`,
/// `$FEEDFLIP_DATA`, the per-user cache). Known files, in the default order of preference:
/// the shared real subset (`tinystories-subset.txt`, 5,724 stories, what CI uses) and the V2
/// validation file that `feedflip fetch tinystories` downloads.
public enum TinyStoriesFiles {
    /// The shared real subset (`../shared/data/tinystories/`).
    public static let subset = "tinystories-subset.txt"
    /// The V1 validation head with blank-line boundaries (flat held-out text only).
    public static let validationHeadBlankLine = "tinystories-v1-valid-head-blankline.txt"
    /// The public V2 validation file (`TinyStoriesFetcher.fileName`).
    public static let v2Validation = TinyStoriesFetcher.fileName
    /// The files `locate` tries when none is named.
    public static let preferred = [subset, v2Validation]
}

extension DataStore {
    /// The folders searched for TinyStories text, in order.
    public var tinyStoriesFolders: [String] { roots.map { $0 + "/" + TinyStoriesFetcher.folder } }

    /// The path of the first of `files` found in the first folder that has one.
    /// - Throws: `DataError.notFound` naming the files and the folders searched.
    public func locateTinyStories(files: [String] = TinyStoriesFiles.preferred) throws(DataError) -> String {
        let fm = FileManager.default
        for folder in tinyStoriesFolders {
            for f in files where fm.isReadableFile(atPath: folder + "/" + f) { return folder + "/" + f }
        }
        throw .notFound(dataset: "tinystories", missing: files, searched: tinyStoriesFolders)
    }
}

/// The TinyStories benchmark's data in one value: the split's windows and the baselines.
public struct TinyStoriesData: Sendable {
    /// The file the stories came from.
    public let path: String
    /// Stories in the file.
    public let stories: Int
    /// Training and validation stories.
    public let trainStories: Int, validationStories: Int
    /// Vocabulary and windows.
    public let dataset: CharDataset
    /// Add-one unigram bits per character of the validation windows (fitted on training).
    public let unigramBPC: Double
    /// Add-one bigram bits per character of the validation windows (fitted on training).
    public let bigramBPC: Double

    /// Reads `path` (format detected), splits it by story (`TinyStoriesSplit`), builds the
    /// windows of `context` characters and computes the baselines.
    /// - Throws: `DataError` for an unreadable or malformed file or an empty split part.
    public static func load(path: String, validationFraction: Double = 0.1, splitSeed: UInt64 = 0,
                            context: Int) throws(DataError) -> TinyStoriesData {
        let corpus = try TinyStoriesCorpus.load(url: URL(fileURLWithPath: path))
        let split = try corpus.split(validationFraction: validationFraction, seed: splitSeed)
        return make(path: path, stories: corpus.count, split: split, context: context)
    }

    /// Trains on every story of `path` and holds out the whole of `heldOutPath` read as one flat
    /// text (for example the blank-line V1 validation head, whose story boundaries are unknown).
    /// - Throws: `DataError` for an unreadable or malformed file.
    public static func load(path: String, heldOutPath: String, context: Int) throws(DataError) -> TinyStoriesData {
        let corpus = try TinyStoriesCorpus.load(url: URL(fileURLWithPath: path))
        let heldOut = try TinyStoriesCorpus.load(url: URL(fileURLWithPath: heldOutPath), format: .flat)
        return make(path: path, stories: corpus.count, split: TinyStoriesSplit(train: corpus, validation: heldOut), context: context)
    }

    private static func make(path: String, stories: Int, split: TinyStoriesSplit, context: Int) -> TinyStoriesData {
        let data = split.dataset(context: context)
        let v = data.vocabulary.count
        return TinyStoriesData(path: path, stories: stories, trainStories: split.train.count,
                               validationStories: split.validation.count, dataset: data,
                               unigramBPC: TextBaselines.unigramBPC(train: data.train, validation: data.validation, vocabularySize: v),
                               bigramBPC: TextBaselines.bigramBPC(train: data.train, validation: data.validation, vocabularySize: v))
    }
}
