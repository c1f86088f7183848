import Foundation

/// Where the command layer prints: results to stdout, progress and errors to stderr.
enum Console {
    /// Whether stderr is a terminal (progress is then one line rewritten in place).
    static let interactive: Bool = isatty(STDERR_FILENO) != 0 && ProcessInfo.processInfo.environment["CI"] == nil

    /// Prints a line to standard output.
    static func out(_ line: String, terminator: String = "\n") {
        print(line, terminator: terminator)
    }

    /// Prints a line to standard error.
    static func err(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    /// Prints `feedflip: error: <message>` to standard error.
    static func error(_ message: String) {
        err("feedflip: error: \(message)")
    }

    /// A progress sink: on a terminal, transient lines overwrite each other; otherwise one line each.
    static let progressSink: @Sendable (String, Bool) -> Void = { line, transient in
        if interactive {
            FileHandle.standardError.write(Data(("\r\u{1B}[K" + line + (transient ? "" : "\n")).utf8))
        } else {
            FileHandle.standardError.write(Data((line + "\n").utf8))
        }
    }
}
