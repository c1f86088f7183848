import Foundation

/// `manifest.json`: what was built, where, with what, and what it cost.
struct Manifest: Encodable {
    struct CellEntry: Encodable {
        var key: String
        var benchmark: String
        var cell: String
        var wallSeconds: Double
        var cpuSeconds: Double
        var fromStore: Bool
        enum CodingKeys: String, CodingKey {
            case key, benchmark, cell, wallSeconds = "wall_seconds", cpuSeconds = "cpu_seconds", fromStore = "from_store"
        }
    }
    struct Cost: Encodable {
        var cells: Int
        var wallSeconds: Double
        var cpuSeconds: Double
        enum CodingKeys: String, CodingKey { case cells, wallSeconds = "wall_seconds", cpuSeconds = "cpu_seconds" }
    }

    var tool = "feedflip build"
    var generated: String
    var profile: String
    var numericsVersion: String
    var provenance: Provenance
    var threads: [String: Int]
    var datasets: [String: [String: String]]
    var benchmarks: [String: Cost]
    var claims: [String: Cost]
    var cells: [CellEntry]

    enum CodingKeys: String, CodingKey {
        case tool, generated, profile, numericsVersion = "numerics_version", provenance, threads, datasets
        case benchmarks, claims, cells
    }
}
