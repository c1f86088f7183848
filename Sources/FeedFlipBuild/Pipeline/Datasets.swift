import Foundation
import FeedFlipCore
import FeedFlipData

/// The datasets a profile needs, located and loaded once per build and shared read-only by
/// every training thread, with the checksums that go into cell keys.
final class Datasets: Sendable {
    /// Content checksum per dataset name (`mnist`, `tinystories`), part of every cell key.
    let checksums: [String: String]
    let mnist: ImageDataset?
    let tiny: TinyStoriesData?
    /// The TinyStories file's SHA-256 and size (bytes).
    private let tinyFile: (sha256: String, bytes: Int)?

    /// Locates and loads what `profile` needs.
    /// - Throws: `BuildError.dataset` with where the files were looked for and how to get them.
    init(profile: Profile, dataDir: URL?, log: (String) -> Void) throws(BuildError) {
        let store = DataStore(dataDir: dataDir?.path)
        var sums: [String: String] = [:]
        if let m = profile.mnist {
            do {
                let d = try ImageDataset.load(.mnist, store: store, trainLimit: m.trainLimit, testLimit: m.testLimit)
                mnist = d
                sums["mnist"] = SHA256Hasher.hex(Array(d.sha256.sorted { $0.key < $1.key }
                    .map { "\($0.key)=\($0.value)\n" }.joined().utf8))
                log("build: MNIST from \(d.folder): \(d.train.count) training, \(d.test.count) test images (checksums verified)")
            } catch {
                throw .dataset("\(error.description) (needed by the MNIST benchmark of this profile)")
            }
        } else {
            mnist = nil
        }
        if let t = profile.tinystories {
            do {
                let path = try store.locateTinyStories()
                let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
                let d = try TinyStoriesData.load(path: path, context: t.context)
                tiny = d
                let sha = SHA256Hasher.hex(Array(bytes))
                tinyFile = (sha, bytes.count)
                sums["tinystories"] = sha
                log("build: TinyStories from \(path): \(d.trainStories) training and \(d.validationStories) validation stories, vocabulary \(d.dataset.vocabulary.count)")
            } catch let e as DataError {
                throw .dataset("\(e.description) (needed by the TinyStories benchmark of this profile)")
            } catch {
                throw .dataset("cannot read the TinyStories text: \(error.localizedDescription)")
            }
        } else {
            tiny = nil
            tinyFile = nil
        }
        checksums = sums
    }

    /// Trains one MNIST cell.
    func trainMNIST(_ r: MNISTRun) throws(BuildError) -> MinibatchResult {
        guard let d = mnist else { throw .invalid("internal error: an MNIST cell without MNIST data") }
        let config = MinibatchConfig(variant: r.variant, depth: r.depth, width: r.width, epochs: r.epochs,
                                     batchSize: r.batchSize, learningRate: r.learningRate, seed: UInt64(r.seed))
        do {
            return try MinibatchTraining.train(config: config, train: d.train, test: d.test, classes: d.classes)
        } catch {
            throw .invalid("mnist cell \(r.variant.name) d=\(r.depth) seed=\(r.seed): \(error.description)")
        }
    }

    /// Trains one TinyStories cell; returns the run and its generated sample.
    func trainTinyStories(_ r: TinyStoriesRun) throws(BuildError) -> (MinibatchResult, String) {
        guard let d = tiny else { throw .invalid("internal error: a TinyStories cell without TinyStories data") }
        let config = CharModelConfig(variant: r.variant, depth: r.depth, width: r.width, context: r.context,
                                     embedDim: r.embedDim, windowsPerEpoch: r.windowsPerEpoch,
                                     validationWindows: r.validationWindows, batchSize: r.batchSize,
                                     learningRate: r.learningRate, epochs: r.epochs, seed: UInt64(r.seed))
        do {
            let o = try CharModel.train(config: config, data: d.dataset)
            return (o.result, o.sample)
        } catch {
            throw .invalid("tinystories cell \(r.variant.name) d=\(r.depth) seed=\(r.seed): \(error.description)")
        }
    }

    /// The add-one unigram and bigram bits per character of the validation split.
    var tinyBaselines: (unigram: Double, bigram: Double)? {
        tiny.map { ($0.unigramBPC, $0.bigramBPC) }
    }

    /// Dataset facts for `manifest.json`.
    var manifestEntries: [String: [String: String]] {
        var out: [String: [String: String]] = [:]
        if let d = mnist {
            var e = ["folder": d.folder, "train": "\(d.train.count)", "test": "\(d.test.count)"]
            for (k, v) in d.sha256 { e["sha256 " + k] = v }
            out["mnist"] = e
        }
        if let d = tiny, let f = tinyFile {
            out["tinystories"] = ["file": d.path, "sha256": f.sha256, "bytes": "\(f.bytes)",
                                  "stories": "\(d.stories)", "train_stories": "\(d.trainStories)",
                                  "validation_stories": "\(d.validationStories)"]
        }
        return out
    }

    /// Dataset lines for the report's provenance table.
    var provenanceLines: [String] {
        var out: [String] = []
        if let d = mnist {
            out.append("MNIST: \(d.train.count) training / \(d.test.count) test images, decompressed SHA-256 verified against the canonical table")
        }
        if let d = tiny, let f = tinyFile {
            out.append("TinyStories: \((d.path as NSString).lastPathComponent), \(f.bytes) bytes, SHA-256 \(f.sha256.prefix(16))…, \(d.trainStories) training / \(d.validationStories) validation stories")
        }
        return out
    }
}
