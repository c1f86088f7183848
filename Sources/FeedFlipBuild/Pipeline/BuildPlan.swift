import Foundation

/// What a build will do: every cell of the profile, which are stored and which must run.
public struct BuildPlan: Sendable {
    public let profileName: String
    public let profile: Profile
    /// Every cell, in plan order.
    public let cells: [Cell]
    /// Cells whose results are in the store (by key).
    public let stored: [String: StoredCell]
    /// Cells to train, with the reason for each.
    public let toRun: [(cell: Cell, reason: String)]

    /// Plans a build: expands the profile and looks every cell up in the store.
    public init(profileName: String, profile: Profile, checksums: [String: String],
                store: ResultStore, rebuild: Bool) throws(BuildError) {
        self.profileName = profileName
        self.profile = profile
        cells = try Planner.cells(profile, checksums: checksums)
        var stored: [String: StoredCell] = [:]
        var toRun: [(Cell, String)] = []
        var seen = Set<String>()
        for c in cells where seen.insert(c.key).inserted {
            if rebuild {
                toRun.append((c, "--rebuild ignores the store"))
            } else if let s = store.load(c.key) {
                stored[c.key] = s
            } else {
                toRun.append((c, "not in the store (new cell, or its settings, data or the engine's numerics version changed)"))
            }
        }
        self.stored = stored
        self.toRun = toRun
    }

    /// The `--explain` text: counts per benchmark, then each cell to run and why.
    public func explanation() -> String {
        var lines = ["profile \(profileName): \(cells.count) cells, \(stored.count) stored, \(toRun.count) to train"]
        let benchmarks = ["timeseries", "committed", "mnist", "tinystories"]
        for b in benchmarks {
            let all = cells.filter { $0.benchmark == b }.count
            let run = toRun.filter { $0.cell.benchmark == b }.count
            lines.append(all == 0 ? "  \(b): not in this profile" : "  \(b): \(all) cells, \(run) to train")
        }
        for (c, why) in toRun {
            lines.append("  train \(c.label) [\(c.key.prefix(12))]: \(why)")
        }
        if toRun.isEmpty { lines.append("  nothing to train: figures and report are re-rendered from the store") }
        return lines.joined(separator: "\n")
    }
}
