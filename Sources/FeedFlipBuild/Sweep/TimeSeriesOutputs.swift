import Foundation
import FeedFlipCore

/// Writes the original interface's outputs of a time-series sweep into an output folder:
/// `final_table_<Variant>.csv`, `curve_<Variant>_d<D>_k<K>_seed<S>.npy`, `summary.json`.
/// `summary.json` is written last, so a folder without it is an unfinished sweep.
public enum TimeSeriesOutputs {
    /// The CSV of mean final MSE over seeds: depths as rows, frequencies as columns, with the
    /// header row and index column the original (pandas `to_csv`) writes; empty cell = no value.
    public static func finalTable(_ results: TimeSeriesSweepResults, variant: Variant) -> String {
        var lines = ["," + results.grid.frequencies.map(String.init).joined(separator: ",")]
        for d in results.grid.depths {
            let row = results.grid.frequencies.map { k -> String in
                guard let m = results.summary(variant: variant, depth: d, frequency: k).finalMSE?.mean else { return "" }
                return "\(m)"
            }
            lines.append("\(d)," + row.joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The file name of one run's curve.
    public static func curveFileName(_ spec: TimeSeriesSpec) -> String {
        "curve_\(spec.variant.fileName)_d\(spec.depth)_k\(spec.frequency)_seed\(spec.seed).npy"
    }

    /// Writes tables, curves and the summary into `folder`.
    /// - Throws: `BuildError.unwritable` when the folder cannot be written.
    public static func write(_ results: TimeSeriesSweepResults, to folder: URL,
                             extra: [String: String] = [:]) throws(BuildError) {
        try AtomicFile.prepareFolder(folder)
        for v in results.grid.variants {
            try AtomicFile.write(finalTable(results, variant: v),
                                 to: folder.appendingPathComponent("final_table_\(v.fileName).csv"))
        }
        for (spec, run) in zip(results.grid.specs, results.runs) {
            try AtomicFile.write(NPY.encode(run.mse, shape: [run.mse.count]),
                                 to: folder.appendingPathComponent(curveFileName(spec)))
        }
        try AtomicFile.write(try summaryJSON(results, extra: extra), to: folder.appendingPathComponent("summary.json"))
    }

    /// The `summary.json` document: configuration, variant → file-name map, per-cell statistics.
    public static func summaryJSON(_ results: TimeSeriesSweepResults, extra: [String: String] = [:]) throws(BuildError) -> String {
        let g = results.grid
        let doc = SummaryDocument(
            dataset: "timeseries",
            config: .init(variants: g.variants.map(\.name), depths: g.depths, freqs: g.frequencies,
                          seeds: g.seeds, epochs: g.epochs, rng: g.mode.rawValue,
                          hyperparameters: ["lr": 0.01, "alpha": 0.7, "beta": 0.9, "calibration_period": 50,
                                            "hidden_width": 8, "points": 200, "noise_std": 0.1]),
            variantFiles: Dictionary(uniqueKeysWithValues: g.variants.map { ($0.name, $0.fileName) }),
            cells: results.summaries,
            notes: extra)
        return try JSONText.encode(doc)
    }
}

/// The shape of a time-series `summary.json`.
struct SummaryDocument: Encodable {
    struct Config: Encodable {
        var variants: [String]
        var depths: [Int]
        var freqs: [Int]
        var seeds: [Int]
        var epochs: Int
        var rng: String
        var hyperparameters: [String: Double]
    }
    var dataset: String
    var config: Config
    var variantFiles: [String: String]
    var cells: [TimeSeriesCellSummary]
    var notes: [String: String]

    enum CodingKeys: String, CodingKey {
        case dataset, config, variantFiles = "variant_files", cells, notes
    }
}
