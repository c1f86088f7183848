/// How many values a command-line option takes.
enum Arity {
    /// A switch: `--check`.
    case flag
    /// Exactly one value: `--epochs 300`.
    case one
    /// One or more values, up to the next option: `--depths 1 2 4`.
    case many
}

/// One option a command accepts.
struct OptionSpec {
    /// The name without dashes: `depths` for `--depths`.
    let name: String
    let arity: Arity
    /// The value's shape for help text: `N`, `DIR`, `D...`.
    let metavar: String
    let help: String
}

/// A usage error: printed as one line, exit code 2.
struct UsageError: Error, CustomStringConvertible {
    let description: String
    init(_ message: String) { description = message }
}

/// The parsed options of one command: option name -> its values (empty for a switch).
struct ParsedArguments {
    private var values: [String: [String]] = [:]
    let command: String

    /// Parses `arguments` against `specs`; unknown options, missing values and stray words are errors.
    init(command: String, arguments: [String], specs: [OptionSpec]) throws(UsageError) {
        self.command = command
        var i = 0
        while i < arguments.count {
            let word = arguments[i]
            guard word.hasPrefix("--"), word.count > 2 else {
                throw UsageError("\(command): unexpected argument \"\(word)\"; options start with --; see `feedflip \(command) --help`")
            }
            var name = String(word.dropFirst(2))
            var inline: String?
            if let eq = name.firstIndex(of: "=") {
                inline = String(name[name.index(after: eq)...])
                name = String(name[..<eq])
            }
            guard let spec = specs.first(where: { $0.name == name }) else {
                let known = specs.map { "--" + $0.name }.joined(separator: ", ")
                throw UsageError("\(command): unknown option --\(name); known: \(known)")
            }
            guard values[name] == nil else {
                throw UsageError("\(command): --\(name) is given twice; give it once")
            }
            i += 1
            var taken: [String] = []
            if let inline { taken.append(inline) }
            switch spec.arity {
            case .flag:
                if inline != nil { throw UsageError("\(command): --\(name) takes no value") }
            case .one:
                if inline == nil {
                    guard i < arguments.count, !isOption(arguments[i]) else {
                        throw UsageError("\(command): --\(name) needs a value (\(spec.metavar))")
                    }
                    taken.append(arguments[i]); i += 1
                }
            case .many:
                while i < arguments.count, !isOption(arguments[i]) { taken.append(arguments[i]); i += 1 }
                if taken.isEmpty { throw UsageError("\(command): --\(name) needs at least one value (\(spec.metavar))") }
            }
            values[name] = taken
        }
    }

    private func isOption(_ word: String) -> Bool {
        word.hasPrefix("--") && word.count > 2
    }

    /// Whether a switch or option was given.
    func has(_ name: String) -> Bool { values[name] != nil }

    /// The raw value(s) of an option, if given.
    func strings(_ name: String) -> [String]? { values[name] }

    /// The single value of an option, if given.
    func string(_ name: String) -> String? { values[name]?.first }

    /// Whole numbers `>= minimum`, if given; otherwise an error naming the option and the bad value.
    func ints(_ name: String, minimum: Int) throws(UsageError) -> [Int]? {
        guard let raw = values[name] else { return nil }
        var out: [Int] = []
        for word in raw {
            guard let v = Int(word), v >= minimum else {
                throw UsageError("\(command): --\(name): expected whole numbers >= \(minimum), got \"\(word)\"")
            }
            out.append(v)
        }
        return out
    }

    /// A single whole number `>= minimum`, if given.
    func int(_ name: String, minimum: Int) throws(UsageError) -> Int? {
        try ints(name, minimum: minimum)?.first
    }
}

/// The help text of a command from its summary and option specs.
func helpText(command: String, summary: String, usage: String, specs: [OptionSpec]) -> String {
    var lines = ["\(summary)", "", "Usage: feedflip \(command) \(usage)", "", "Options:"]
    let rows = specs.map { spec -> (String, String) in
        let left = spec.arity == .flag ? "--\(spec.name)" : "--\(spec.name) \(spec.metavar)"
        return (left, spec.help)
    } + [("--help", "Show this help and exit.")]
    let width = (rows.map(\.0.count).max() ?? 0) + 2
    for (left, right) in rows {
        lines.append("  " + left.padding(toLength: width, withPad: " ", startingAt: 0) + right)
    }
    return lines.joined(separator: "\n")
}
