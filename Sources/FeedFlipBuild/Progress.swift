import Foundation

/// Progress of a long job: `done/total`, elapsed time and an estimate of the time left.
/// Steps may carry a cost (any unit proportional to their run time, e.g. FLOPs); the estimate
/// is then elapsed × remaining cost / finished cost, which stays honest when cheap and
/// expensive steps are mixed. Thread-safe; the owner decides where lines go (`sink`).
public final class ProgressMeter: @unchecked Sendable {
    private let lock = NSLock()
    private let total: Int
    private let totalCost: Double
    private let label: String
    private let start = Date()
    private var done = 0
    private var doneCost = 0.0
    private let interactive: Bool
    private let sink: @Sendable (String, _ transient: Bool) -> Void

    /// - Parameters:
    ///   - interactive: true on a terminal (one line rewritten in place), false in logs (a line per step).
    ///   - sink: receives each line; `transient` lines are to be overwritten by the next one.
    ///   - totalCost: the summed cost of all steps; nil counts every step as 1.
    public init(label: String, total: Int, totalCost: Double? = nil, interactive: Bool,
                sink: @escaping @Sendable (String, _ transient: Bool) -> Void) {
        self.label = label
        self.total = total
        self.totalCost = totalCost ?? Double(total)
        self.interactive = interactive
        self.sink = sink
    }

    /// Records `count` finished steps (default one) described by `what`, of total cost `cost`
    /// (default `count`, for meters that do not use costs).
    public func step(_ what: String, count: Int = 1, cost: Double? = nil) {
        lock.lock()
        done += count
        doneCost += cost ?? Double(count)
        let d = done, dc = doneCost
        let elapsed = Date().timeIntervalSince(start)
        lock.unlock()
        let left = dc > 0 ? elapsed / dc * max(0, totalCost - dc) : 0
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
