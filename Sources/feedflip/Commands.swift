import Foundation
import FeedFlipBuild

/// The subcommands and the dispatcher.
enum Commands {
    static let summary = """
        feedflip: reproduce the FeedFlipNets paper (DFA + ternary weights) end to end.

        Usage: feedflip <command> [options]

        Commands:
          build    train every benchmark of a profile, render figures, check claims, write the report
          sweep    the original interface: a depth x frequency grid (or MNIST / TinyStories sweep)
          bench    measure speed against references measured in the same run
          fetch    download a dataset (mnist, tinystories) into the data store

        Run `feedflip <command> --help` for a command's options.
        """

    /// Runs the command named by `argv[0]`; returns the process exit code.
    static func run(_ argv: [String]) -> Int32 {
        guard let name = argv.first else {
            Console.err(summary)
            return 2
        }
        let rest = Array(argv.dropFirst())
        if name == "--help" || name == "-h" || name == "help" {
            Console.out(summary)
            return 0
        }
        let table: [String: ([String]) throws -> Int32] = [
            "sweep": SweepCommand.run,
            "build": BuildCommand.run,
            "bench": BenchCommand.run,
            "fetch": FetchCommand.run,
        ]
        guard let command = table[name] else {
            Console.error("unknown command \"\(name)\"; known: build, sweep, bench, fetch (see `feedflip --help`)")
            return 2
        }
        do {
            return try command(rest)
        } catch let e as UsageError {
            Console.error(e.description)
            return 2
        } catch let e as BuildError {
            Console.error(e.description)
            return 2
        } catch {
            Console.error("\(error)")
            return 2
        }
    }
}
