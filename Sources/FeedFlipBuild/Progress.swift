import Foundation

/// Progress of a long job: `done/total`, elapsed time and an estimate of the time left.
/// Thread-safe; the owner decides where lines go (`sink`), so the library never prints.
public final class ProgressMeter: @unchecked Sendable {
    private let lock = NSLock()
    private let total: Int
    private let label: String
    private let start = Date()
    private var done = 0
    private let interactive: Bool
    private let sink: @Sendable (String, _ transient: Bool) -> Void

    /// - Parameters:
    ///   - interactive: true on a terminal (one line rewritten in place), false in logs (a line per step).
    ///   - sink: receives each line; `transient` lines are to be overwritten by the next one.
    public init(label: String, total: Int, interactive: Bool,
                sink: @escaping @Sendable (String, _ transient: Bool) -> Void) {
        self.label = label
        self.total = total
        self.interactive = interactive
        self.sink = sink
    }

    /// Records `count` finished steps (default one) described by `what`.
    public func step(_ what: String, count: Int = 1) {
        lock.lock()
        done += count
        let d = done
        let elapsed = Date().timeIntervalSince(start)
        lock.unlock()
        let left = d > 0 ? elapsed / Double(d) * Double(total - d) : 0
        let line = "[\(label) \(d)/\(total)] \(what) (elapsed \(Self.clock(elapsed)), left ~\(Self.clock(left)))"
        sink(line, interactive && d < total)
    }

    /// Formats seconds as `1h02m`, `3m07s` or `4.2s`.
    public static func clock(_ seconds: Double) -> String {
        guard seconds.isFinite, seconds >= 0 else { return "?" }
        if seconds < 60 { return String(format: "%.1fs", seconds) }
        let s = Int(seconds.rounded())
        if s < 3600 { return String(format: "%dm%02ds", s / 60, s % 60) }
        return String(format: "%dh%02dm", s / 3600, (s % 3600) / 60)
    }
}
