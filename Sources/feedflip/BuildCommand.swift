import Foundation
import FeedFlipBuild

/// `feedflip build`: the paper build (train, figures, claims, report).
enum BuildCommand {
    static let specs: [OptionSpec] = [
        .init(name: "profile", arity: .one, metavar: "P", help: "smoke, quick or full (default: the experiment file's default, full)."),
        .init(name: "jobs", arity: .one, metavar: "N", help: "Cells trained in parallel; default: all cores. Results do not depend on it."),
        .init(name: "check", arity: .flag, metavar: "", help: "Exit 1 when a claim fails unexpectedly (0 when all pass or are known deviations)."),
        .init(name: "out", arity: .one, metavar: "DIR", help: "Report folder; default: report."),
        .init(name: "figures", arity: .one, metavar: "DIR", help: "Figure folder; default: figures."),
        .init(name: "store", arity: .one, metavar: "DIR", help: "Result store; default: .feedflip-store."),
        .init(name: "project", arity: .one, metavar: "DIR", help: "Folder holding paper/; default: the current folder."),
        .init(name: "data-dir", arity: .one, metavar: "DIR", help: "Where datasets are found (before $FEEDFLIP_DATA and the cache)."),
        .init(name: "rebuild", arity: .flag, metavar: "", help: "Ignore stored results; train every cell again."),
        .init(name: "explain", arity: .flag, metavar: "", help: "List what would be trained and why; train and write nothing."),
    ]

    static func run(_ argv: [String]) throws -> Int32 {
        if argv.contains("--help") {
            Console.out(helpText(command: "build", summary: "Train every benchmark of a profile, render every figure, check every claim, write the report.",
                                 usage: "[options]", specs: specs))
            return 0
        }
        let args = try ParsedArguments(command: "build", arguments: argv, specs: specs)
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        func dir(_ name: String, _ fallback: String) -> URL {
            URL(fileURLWithPath: args.string(name) ?? fallback, relativeTo: cwd).standardizedFileURL
        }
        let options = BuildOptions(
            projectRoot: dir("project", "."), profile: args.string("profile"),
            jobs: try args.int("jobs", minimum: 1) ?? Scheduler.defaultJobs,
            outDir: dir("out", "report"), figuresDir: dir("figures", "figures"),
            storeDir: dir("store", ".feedflip-store"), rebuild: args.has("rebuild"),
            explain: args.has("explain"), dataDir: args.string("data-dir").map { URL(fileURLWithPath: $0) })
        let outcome = try BuildPipeline.run(options, log: { Console.err($0) }, progress: Console.progressSink,
                                            interactive: Console.interactive)
        if let text = outcome.explanation {
            Console.out(text)
            return 0
        }
        Console.out(outcome.summary)
        return args.has("check") && outcome.unexpectedFailures > 0 ? 1 : 0
    }
}
