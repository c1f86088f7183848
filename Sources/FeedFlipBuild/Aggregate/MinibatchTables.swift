import Foundation
import FeedFlipCore
import FeedFlipReport

/// The report's MNIST and TinyStories tables.
public enum MinibatchTables {
    /// `mnist-accuracy`: test accuracy (%) per variant and depth with 95% intervals, the drop
    /// versus Backprop at each depth, and diverged runs.
    public static func mnist(_ g: MinibatchGroups, metrics: MetricTable, setup: String) -> ReportTable {
        let rows = g.variants.map { v -> [String] in
            var row = [v.name]
            for d in g.depths {
                row.append(cell(metrics, MetricKey(family: "mnist.test_accuracy", variant: v.name, depth: d)))
            }
            for d in g.depths {
                row.append(cell(metrics, MetricKey(family: "mnist.acc_drop_pp", variant: v.name, depth: d)))
            }
            row.append("\(g.depths.map { g.diverged(v, depth: $0) }.reduce(0, +))")
            return row
        }
        let columns = ["Variant"] + g.depths.map { "Accuracy d=\($0) (%)" } + g.depths.map { "ΔAcc ↓ d=\($0) (pp)" } + ["Diverged"]
        return ReportTable(columns: columns, rows: rows,
                           caption: "MNIST: test accuracy after the last epoch, \(MinibatchTables.over(g.seeds.count)) (\(setup)).")
    }

    /// `tiny-bpc`: validation bits per character per variant and depth after the last epoch and
    /// the lowest over the epochs, with the baselines.
    public static func tinyStories(_ g: MinibatchGroups, metrics: MetricTable, setup: String) -> ReportTable {
        let families = ["tiny.bpc", "tiny.best_bpc"]
        var rows = g.variants.map { v -> [String] in
            [v.name] + families.flatMap { f in g.depths.map { cell(metrics, MetricKey(family: f, variant: v.name, depth: $0)) } }
                + ["\(g.depths.map { g.diverged(v, depth: $0) }.reduce(0, +))"]
        }
        for (name, family) in [("unigram baseline (add-one)", "tiny.unigram_bpc"), ("bigram baseline (add-one)", "tiny.bigram_bpc")] {
            let v = cell(metrics, MetricKey(family: family))
            rows.append([name] + families.flatMap { _ in g.depths.map { _ in v } } + ["—"])
        }
        let columns = ["Variant"] + g.depths.map { "bits/char d=\($0)" } + g.depths.map { "lowest d=\($0)" } + ["Diverged"]
        return ReportTable(columns: columns, rows: rows,
                           caption: "TinyStories: validation bits per character after the last epoch and the lowest over the epochs, "
                               + "\(MinibatchTables.over(g.seeds.count)) (\(setup)); lower is better.")
    }

    /// How a table's values were aggregated: `mean ± 95% interval over 3 seeds`, or `one seed,
    /// no interval` when the profile ran a single seed.
    static func over(_ seeds: Int) -> String {
        seeds == 1 ? "one seed, no interval" : "mean ± 95% interval over \(seeds) seeds"
    }

    /// `tiny-samples`: the text each model generated (first seed, every depth), sorted from the
    /// lowest final bits per character to the highest; line breaks shown as ` / `.
    public static func tinySamples(_ g: MinibatchGroups, maxCharacters: Int = 160) -> ReportTable {
        var entries: [(bpc: Double, row: [String])] = []
        for v in g.variants {
            for d in g.depths {
                guard let run = g.runs(v, depth: d).first else { continue }
                let bpc = run.result.divergedAtEpoch == nil ? (run.result.epochs.last?.bitsPerCharacter ?? .nan) : .nan
                var text = (run.sample ?? "").replacingOccurrences(of: "\n", with: " / ")
                if text.count > maxCharacters { text = String(text.prefix(maxCharacters)) + "…" }
                if text.isEmpty { text = run.result.divergedAtEpoch != nil ? "(diverged: no sample)" : "(empty)" }
                entries.append((bpc, [v.name, "\(d)", bpc.isFinite ? NumberFormat.significant(bpc, digits: 4) : "—", text]))
            }
        }
        entries.sort { a, b in
            switch (a.bpc.isFinite, b.bpc.isFinite) {
            case (true, true): return a.bpc < b.bpc
            case (true, false): return true
            default: return false
            }
        }
        return ReportTable(columns: ["Variant", "Depth", "bits/char", "Sample after \"Once upon a time\""],
                           rows: entries.map(\.row),
                           caption: "TinyStories: generated text, best variant first.")
    }

    static func cell(_ metrics: MetricTable, _ key: MetricKey) -> String {
        guard let e = metrics[key.description] else { return "—" }
        return NumberFormat.estimate(e, digits: 4)
    }
}
