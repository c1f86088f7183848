import Foundation
import FeedFlipCore

/// Writes a minibatch sweep's outputs into an output folder, as the time-series sweep does:
/// `final_table_<Variant>.csv`, `curve_<Variant>_d<D>_seed<S>.npy`, `summary.json` (last, so a
/// folder without it is an unfinished sweep).
public enum MinibatchSweepOutputs {
    /// The columns of every curve file, in order.
    public static func curveColumns(_ dataset: MinibatchSweepDataset) -> [String] {
        ["train_loss", dataset.lossName, dataset.metricName, "seconds"]
    }

    /// The CSV of one variant: depths as rows; columns the final metric (test accuracy % or bits
    /// per character) and the final held-out loss, each the mean over non-diverged seeds
    /// (empty when every seed diverged).
    public static func finalTable(_ r: MinibatchSweepResults, variant: Variant) -> String {
        let ds = r.config.dataset
        var lines = [",\(ds.metricName),\(ds.lossName)"]
        for d in r.config.depths {
            let s = r.summary(variant, depth: d)
            lines.append("\(d),\(s.final.map { "\($0.mean)" } ?? ""),\(s.finalLoss.map { "\($0.mean)" } ?? "")")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The file name of one run's curve.
    public static func curveFileName(_ run: MinibatchGroups.Run) -> String {
        "curve_\(run.variant.fileName)_d\(run.depth)_seed\(run.seed).npy"
    }

    /// One run's curve: float64 of shape (completed epochs, 4), columns `curveColumns`
    /// (train loss and held-out loss in nats, test accuracy in % or bits per character, seconds).
    /// A diverged run has fewer rows than epochs.
    public static func curve(_ run: MinibatchGroups.Run, dataset: MinibatchSweepDataset) -> [UInt8] {
        let rows = run.result.epochs.map { e in [e.trainLoss, e.testLoss, dataset.metric(e) ?? .nan, e.seconds] }
        return NPY.encode(rows.flatMap { $0 }, shape: [rows.count, 4])
    }

    /// Writes tables, curves and the summary into `folder`.
    /// - Throws: `BuildError.unwritable` when the folder cannot be written.
    public static func write(_ r: MinibatchSweepResults, to folder: URL) throws(BuildError) {
        try AtomicFile.prepareFolder(folder)
        for v in r.config.variants {
            try AtomicFile.write(finalTable(r, variant: v), to: folder.appendingPathComponent("final_table_\(v.fileName).csv"))
        }
        for run in r.groups.runs {
            try AtomicFile.write(curve(run, dataset: r.config.dataset), to: folder.appendingPathComponent(curveFileName(run)))
        }
        try AtomicFile.write(try summaryJSON(r), to: folder.appendingPathComponent("summary.json"))
    }

    /// The `summary.json` document: resolved configuration, data facts, variant → file-name map,
    /// per-cell statistics, and for TinyStories the baselines and every run's sample.
    public static func summaryJSON(_ r: MinibatchSweepResults) throws(BuildError) -> String {
        let c = r.config
        let doc = MinibatchSummaryDocument(
            dataset: c.dataset.rawValue,
            config: .init(variants: c.variants.map(\.name), depths: c.depths, seeds: c.seeds, epochs: c.epochs,
                          hyperparameters: c.hyperparameters, samplePrompt: c.samplePrompt,
                          engineNumericsVersion: MinibatchConfig.numericsVersion),
            data: r.data,
            metric: c.dataset.metricName,
            curveColumns: curveColumns(c.dataset),
            variantFiles: Dictionary(uniqueKeysWithValues: c.variants.map { ($0.name, $0.fileName) }),
            cells: r.summaries,
            baselines: r.baselines.map { ["unigram_bpc": $0.unigram, "bigram_bpc": $0.bigram] },
            samples: c.dataset == .tinystories
                ? r.groups.runs.map { .init(variant: $0.variant.name, depth: $0.depth, seed: $0.seed, text: $0.sample ?? "") }
                : nil)
        return try JSONText.encode(doc)
    }
}

/// The shape of a minibatch sweep's `summary.json`.
struct MinibatchSummaryDocument: Encodable {
    struct Config: Encodable {
        var variants: [String]
        var depths: [Int]
        var seeds: [Int]
        var epochs: Int
        var hyperparameters: [String: Double]
        var samplePrompt: String?
        var engineNumericsVersion: Int

        enum CodingKeys: String, CodingKey {
            case variants, depths, seeds, epochs, hyperparameters, samplePrompt = "sample_prompt"
            case engineNumericsVersion = "engine_numerics_version"
        }
    }
    struct Sample: Encodable {
        var variant: String
        var depth: Int
        var seed: Int
        /// The prompt and its continuation; empty for a diverged run.
        var text: String
    }
    var dataset: String
    var config: Config
    var data: [String: String]
    var metric: String
    var curveColumns: [String]
    var variantFiles: [String: String]
    var cells: [MinibatchCellSummary]
    var baselines: [String: Double]?
    var samples: [Sample]?

    enum CodingKeys: String, CodingKey {
        case dataset, config, data, metric, curveColumns = "curve_columns", variantFiles = "variant_files"
        case cells, baselines, samples
    }
}
