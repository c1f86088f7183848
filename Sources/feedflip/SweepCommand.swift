import Foundation
import FeedFlipBuild
import FeedFlipCore

/// `feedflip sweep`: the original FeedFlipNets interface.
enum SweepCommand {
    static let specs: [OptionSpec] = [
        .init(name: "dataset", arity: .one, metavar: "NAME", help: "timeseries (default), mnist, fashion-mnist or tinystories."),
        .init(name: "methods", arity: .many, metavar: "NAME...", help: "Variants by exact name (quote names with spaces) or file name; default: all."),
        .init(name: "depths", arity: .many, metavar: "D...", help: "Numbers of hidden layers; default: 1 2 4 (time series), 2 4 (others)."),
        .init(name: "freqs", arity: .many, metavar: "K...", help: "Signal frequencies k of sin(k*pi*x) (time series only); default: 1 3 5."),
        .init(name: "seeds", arity: .many, metavar: "S...", help: "Seeds; default: 0."),
        .init(name: "epochs", arity: .one, metavar: "N", help: "Epochs per run; default: 500 (time series), 20 (mnist), 50 (tinystories)."),
        .init(name: "outdir", arity: .one, metavar: "DIR", help: "Output folder; default: results."),
        .init(name: "max-points", arity: .one, metavar: "N", help: "At most N points per curve in plots (curve files keep every epoch); default: 500."),
        .init(name: "rng", arity: .one, metavar: "MODE", help: "reference (NumPy-exact streams, default) or fast (time series only)."),
        .init(name: "jobs", arity: .one, metavar: "N", help: "Runs in parallel; default: all cores. Results do not depend on it."),
        .init(name: "data-dir", arity: .one, metavar: "DIR", help: "Where datasets are found (before $FEEDFLIP_DATA and the cache)."),
        .init(name: "width", arity: .one, metavar: "N", help: "Hidden units per layer (mnist, tinystories); default: \(image.width) / \(text.width)."),
        .init(name: "batch-size", arity: .one, metavar: "N", help: "Examples per SGD step (mnist, tinystories); default: \(image.batchSize) / \(text.batchSize)."),
        .init(name: "lr", arity: .one, metavar: "X", help: "SGD learning rate (mnist, tinystories); default: \(image.learningRate) / \(text.learningRate)."),
        .init(name: "train-limit", arity: .one, metavar: "N", help: "Use only the first N training images (mnist, fashion-mnist), for quick runs."),
        .init(name: "windows-per-epoch", arity: .one, metavar: "N", help: "Training windows per epoch (tinystories); default: \(text.windowsPerEpoch ?? 0)."),
        .init(name: "context", arity: .one, metavar: "K", help: "Characters of context (tinystories); default: \(text.context ?? 0)."),
    ]

    /// The resolved defaults of the image and text sweeps, for the help text.
    private static let image = MinibatchSweepConfig(dataset: .mnist, variants: [], depths: [], seeds: [])
    private static let text = MinibatchSweepConfig(dataset: .tinystories, variants: [], depths: [], seeds: [])

    static func run(_ argv: [String]) throws -> Int32 {
        if argv.contains("--help") {
            Console.out(helpText(command: "sweep", summary: "Train a grid of runs and write tables, curves, summary.json and plots.",
                                 usage: "[options]", specs: specs))
            return 0
        }
        let args = try ParsedArguments(command: "sweep", arguments: argv, specs: specs)
        let dataset = args.string("dataset") ?? "timeseries"
        switch dataset {
        case "timeseries":
            if let bad = MinibatchSweepCommand.minibatchOnly.first(where: args.has) {
                throw UsageError("sweep: --\(bad) applies to --dataset mnist, fashion-mnist or tinystories, not to the time-series sweep; remove it")
            }
            return try timeSeries(args)
        default:
            return try MinibatchSweepCommand.run(dataset: dataset, args: args)
        }
    }

    /// Parses `--methods` against `known`; unknown names are a usage error listing the known ones.
    static func variants(_ args: ParsedArguments, known: [Variant]) throws -> [Variant] {
        guard let names = args.strings("methods") else { return known }
        var out: [Variant] = []
        for name in names {
            do { out.append(try Variant.named(name, among: known)) } catch {
                throw UsageError("sweep: --methods: \(error.description)")
            }
        }
        return out
    }

    static func timeSeries(_ args: ParsedArguments) throws -> Int32 {
        let modeName = args.string("rng") ?? "reference"
        guard let mode = RandomMode(rawValue: modeName) else {
            throw UsageError("sweep: --rng: expected reference or fast, got \"\(modeName)\"")
        }
        let grid = TimeSeriesGrid(
            variants: try variants(args, known: Variant.timeSeries),
            depths: try args.ints("depths", minimum: 1) ?? [1, 2, 4],
            frequencies: try args.ints("freqs", minimum: 0) ?? [1, 3, 5],
            seeds: try args.ints("seeds", minimum: 0) ?? [0],
            epochs: try args.int("epochs", minimum: 1) ?? 500,
            mode: mode)
        try grid.validate()
        let jobs = try args.int("jobs", minimum: 1) ?? Scheduler.defaultJobs
        let maxPoints = try args.int("max-points", minimum: 2) ?? 500
        let outdir = URL(fileURLWithPath: args.string("outdir") ?? "results")
        try AtomicFile.prepareFolder(outdir)
        // A stale summary.json would make an interrupted sweep look complete.
        try? FileManager.default.removeItem(at: outdir.appendingPathComponent("summary.json"))

        let total = grid.specs.count
        Console.err("sweep: \(total) runs (\(grid.variants.count) variants x \(grid.depths.count) depths x \(grid.frequencies.count) freqs x \(grid.seeds.count) seeds, \(grid.epochs) epochs, rng \(mode.rawValue)) on \(jobs) threads")
        let meter = ProgressMeter(label: "sweep", total: total, interactive: Console.interactive, sink: Console.progressSink)
        let start = Date()
        let runs = TimeSeriesSweep.run(grid, jobs: jobs, progress: meter)
        let results = TimeSeriesSweepResults(grid: grid, runs: runs)
        try TimeSeriesOutputs.write(results, to: outdir)
        try SweepPlots.writeTimeSeries(results, to: outdir.appendingPathComponent("plots"), maxPoints: maxPoints)
        Console.err(String(format: "sweep: done in %.2f s; outputs in %@", Date().timeIntervalSince(start), outdir.path))
        for v in grid.variants {
            Console.out("final MSE, \(v.name) (rows: depth, columns: freq)")
            Console.out(TimeSeriesOutputs.finalTable(results, variant: v), terminator: "")
        }
        return 0
    }
}
