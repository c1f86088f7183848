import Foundation
import FeedFlipCore

/// What one finished cell produced.
public enum CellOutcome: Codable, Hashable, Sendable {
    case timeSeries(TimeSeriesResult)
    /// A minibatch run, with the generated text sample of a language model (if any).
    case minibatch(MinibatchResult, sample: String?)
}

/// One stored cell: its key, what it was, what it gave and what it cost.
public struct StoredCell: Codable, Hashable, Sendable {
    /// Format of this record; a record of another format is ignored (treated as absent).
    public var format: Int
    public var key: String
    /// The canonical description of the cell (the text the key hashes, minus the checksum).
    public var cell: String
    public var outcome: CellOutcome
    /// Wall-clock and CPU seconds of the run.
    public var wallSeconds: Double
    public var cpuSeconds: Double

    /// The format this build writes; `ResultStore.load` ignores records of any other.
    public static let currentFormat = 1

    /// A record from its parts (`format` is normally `currentFormat`).
    public init(format: Int = StoredCell.currentFormat, key: String, cell: String, outcome: CellOutcome,
                wallSeconds: Double, cpuSeconds: Double) {
        self.format = format
        self.key = key
        self.cell = cell
        self.outcome = outcome
        self.wallSeconds = wallSeconds
        self.cpuSeconds = cpuSeconds
    }
}

/// A content-addressed result store: `<root>/cells/<key prefix>/<key>.json`, one file per cell,
/// written atomically (temp file + rename), so an interrupted build keeps every finished cell,
/// and two builds sharing a store at once at worst compute a cell twice, never corrupt it.
public struct ResultStore: Sendable {
    public let root: URL

    public init(root: URL) { self.root = root }

    /// The file of a key.
    public func url(for key: String) -> URL {
        root.appendingPathComponent("cells").appendingPathComponent(String(key.prefix(2)))
            .appendingPathComponent(key + ".json")
    }

    /// The stored cell of `key`, or nil when absent, unreadable or of another format.
    public func load(_ key: String) -> StoredCell? {
        guard let data = try? Data(contentsOf: url(for: key)),
              let cell = try? Self.decoder.decode(StoredCell.self, from: data),
              cell.format == StoredCell.currentFormat, cell.key == key else { return nil }
        return cell
    }

    private static var decoder: JSONDecoder {
        let d = JSONDecoder()
        d.nonConformingFloatDecodingStrategy = .convertFromString(
            positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return d
    }

    /// Saves a finished cell atomically.
    public func save(_ cell: StoredCell) throws(BuildError) {
        try AtomicFile.write(try JSONText.encode(cell), to: url(for: cell.key))
    }
}
