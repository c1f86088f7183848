import Foundation
import FeedFlipBuild
import FeedFlipCore

/// `feedflip sweep --dataset mnist|fashion-mnist|tinystories`: a variant × depth × seed grid of
/// minibatch runs, with tables, curves, `summary.json` and plots in `--outdir`.
enum MinibatchSweepCommand {
    /// Options of the time-series sweep that make no sense here.
    static let timeSeriesOnly = ["freqs", "rng"]
    /// Options of this sweep per dataset kind (the others are rejected).
    static let imageOnly = ["train-limit"]
    static let textOnly = ["windows-per-epoch", "context"]
    /// Every option only minibatch sweeps accept (the time-series sweep rejects them).
    static let minibatchOnly = ["width", "batch-size", "lr"] + imageOnly + textOnly

    /// Runs the sweep of `dataset`; returns the exit code (0), or throws a usage or build error (exit 2).
    static func run(dataset name: String, args: ParsedArguments) throws -> Int32 {
        guard let dataset = MinibatchSweepDataset(rawValue: name) else {
            throw UsageError("sweep: --dataset: unknown dataset \"\(name)\"; known: timeseries, "
                             + MinibatchSweepDataset.allCases.map(\.rawValue).joined(separator: ", "))
        }
        let rejected = timeSeriesOnly + (dataset == .tinystories ? imageOnly : textOnly)
        if let bad = rejected.first(where: args.has) {
            let owner = timeSeriesOnly.contains(bad) ? "the time-series sweep (--dataset timeseries)"
                : imageOnly.contains(bad) ? "--dataset mnist or fashion-mnist" : "--dataset tinystories"
            throw UsageError("sweep: --\(bad) applies to \(owner) only, not to --dataset \(name); remove it")
        }
        let config = MinibatchSweepConfig(
            dataset: dataset,
            variants: try SweepCommand.variants(args, known: Variant.all),
            depths: try args.ints("depths", minimum: 1) ?? [2, 4],
            seeds: try args.ints("seeds", minimum: 0) ?? [0],
            epochs: try args.int("epochs", minimum: 1),
            width: try args.int("width", minimum: 1),
            batchSize: try args.int("batch-size", minimum: 1),
            learningRate: try positiveDouble(args, "lr"),
            trainLimit: try args.int("train-limit", minimum: 1),
            context: try args.int("context", minimum: 1),
            windowsPerEpoch: try args.int("windows-per-epoch", minimum: 1))
        try config.validate()
        if let kind = dataset.imageKind { try config.validate(classes: kind.classes) }
        let jobs = try args.int("jobs", minimum: 1) ?? Scheduler.defaultJobs
        let maxPoints = try args.int("max-points", minimum: 2) ?? 500
        let outdir = URL(fileURLWithPath: args.string("outdir") ?? "results")
        try AtomicFile.prepareFolder(outdir)

        let loadStart = Date()
        let data = try MinibatchSweepData.load(config, dataDir: args.string("data-dir"))
        Console.err(String(format: "sweep: %@ (loaded in %.1f s)", data.description, Date().timeIntervalSince(loadStart)))
        try config.validate(classes: data.classes)
        // A stale summary.json would make an interrupted sweep look complete.
        try? FileManager.default.removeItem(at: outdir.appendingPathComponent("summary.json"))

        let runs = config.runs.count
        Console.err("sweep: \(runs) runs (\(config.variants.count) variants x \(config.depths.count) depths x \(config.seeds.count) seeds, "
                    + "\(config.epochs) epochs, width \(config.width), batch \(config.batchSize), lr \(config.learningRate)) on \(jobs) threads")
        let meter = ProgressMeter(label: "sweep", total: runs * config.epochs,
                                  totalCost: MinibatchSweep.totalCost(config, data: data),
                                  interactive: Console.interactive, sink: Console.progressSink)
        let start = Date()
        let results = try MinibatchSweep.run(config, data: data, jobs: jobs, progress: meter)
        let trained = Date().timeIntervalSince(start)
        try MinibatchSweepOutputs.write(results, to: outdir)
        try MinibatchSweepPlots.write(results, to: outdir.appendingPathComponent("plots"), maxPoints: maxPoints)
        Console.err(String(format: "sweep: trained in %.1f s, done in %.1f s; outputs in %@", trained,
                           Date().timeIntervalSince(start), outdir.path))
        let what = dataset == .tinystories ? "validation bits per character and loss" : "test accuracy (%) and loss"
        for v in config.variants {
            Console.out("final \(what), \(v.name) (rows: depth)")
            Console.out(MinibatchSweepOutputs.finalTable(results, variant: v), terminator: "")
        }
        if let b = results.baselines {
            Console.out(String(format: "baselines (add-one): unigram %.4f bpc, bigram %.4f bpc", b.unigram, b.bigram))
        }
        return 0
    }

    /// A positive finite number given to `--name`, if any.
    static func positiveDouble(_ args: ParsedArguments, _ name: String) throws -> Double? {
        guard let raw = args.string(name) else { return nil }
        guard let v = Double(raw), v.isFinite, v > 0 else {
            throw UsageError("sweep: --\(name): expected a positive number, got \"\(raw)\"")
        }
        return v
    }
}
