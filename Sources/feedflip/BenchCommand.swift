import Foundation
import FeedFlipBuild

/// `feedflip bench`: speed, as ratios against references measured in the same run.
enum BenchCommand {
    static let specs: [OptionSpec] = [
        .init(name: "only", arity: .one, metavar: "PART", help: "timeseries or mnist; default: both."),
        .init(name: "seeds", arity: .one, metavar: "N", help: "Seeds of the time-series grid; default: 10 (the issue's 900-run grid)."),
        .init(name: "jobs", arity: .one, metavar: "N", help: "Threads for the parallel measurements; default: all cores."),
    ]

    static func run(_ argv: [String]) throws -> Int32 {
        if argv.contains("--help") {
            Console.out(helpText(command: "bench", summary: "Measure the engines' speed against references measured in the same run: the time-series grid against scalar libm tanh, the MNIST MLP (synthetic data of MNIST's shape) against cblas_sgemm at its own shapes. Use a release build.",
                                 usage: "[options]", specs: specs))
            return 0
        }
        let args = try ParsedArguments(command: "bench", arguments: argv, specs: specs)
        let only = args.string("only")
        guard only == nil || only == "timeseries" || only == "mnist" else {
            throw UsageError("bench: --only: expected timeseries or mnist, got \"\(only ?? "")\"")
        }
        let jobs = try args.int("jobs", minimum: 1) ?? Scheduler.defaultJobs
        if only != "mnist" {
            Console.out(TimeSeriesBench.report(seeds: try args.int("seeds", minimum: 1) ?? 10, jobs: jobs))
        }
        if only != "timeseries" {
            var options = BenchOptions()
            options.threadCounts = jobs > 1 ? [1, jobs] : [1]
            Console.out(Bench.run(options).text)
        }
        return 0
    }
}
