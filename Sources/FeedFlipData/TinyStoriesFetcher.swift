import Foundation

/// Downloads the public TinyStories V2 validation file from the dataset's home into a data root,
/// atomically (temp file in the destination folder, verified, then renamed), and records its
/// size and SHA-256 beside it in `<file>.fetch.json` (`TinyStoriesFetcher.Record`).
///
/// Verification: the file must be non-empty, valid UTF-8 and hold at least one
/// `<|endoftext|>`-separated story; when `expectedSHA256` is set, its SHA-256 must match. A file
/// that is already present and passes the same checks is not downloaded again. Downloads run
/// `curl` from `PATH`. Without a network the error says where to put the file by hand.
public struct TinyStoriesFetcher: Sendable {
    /// The file name in the store: `<root>/tinystories/TinyStoriesV2-GPT4-valid.txt`.
    public static let fileName = "TinyStoriesV2-GPT4-valid.txt"
    /// The dataset's home (Hugging Face, `roneneldan/TinyStories`).
    public static let homeURL = "https://huggingface.co/datasets/roneneldan/TinyStories/resolve/main/TinyStoriesV2-GPT4-valid.txt"
    /// The folder under a data root.
    public static let folder = "tinystories"

    /// What was downloaded: recorded as JSON beside the file.
    public struct Record: Codable, Hashable, Sendable {
        /// Where the bytes came from.
        public var url: String
        /// The file name in the store.
        public var fileName: String
        /// Size in bytes.
        public var bytes: Int
        /// SHA-256 of the file, lowercase hex.
        public var sha256: String
        /// Number of stories read from it.
        public var stories: Int

        /// A record of `bytes` bytes with hash `sha256` and `stories` stories, downloaded from `url`.
        public init(url: String, fileName: String, bytes: Int, sha256: String, stories: Int) {
            self.url = url
            self.fileName = fileName
            self.bytes = bytes
            self.sha256 = sha256
            self.stories = stories
        }
    }

    /// The URL to download.
    public var url: String
    /// The SHA-256 the file must have; nil accepts any valid TinyStories text and records its hash.
    public var expectedSHA256: String?
    /// Seconds before a download is abandoned.
    public var timeoutSeconds: Int
    /// The environment used to find `curl` on `PATH`.
    public var environment: [String: String]

    /// A fetcher of the V2 validation file from its home (override `url` for tests).
    public init(url: String = TinyStoriesFetcher.homeURL, expectedSHA256: String? = nil, timeoutSeconds: Int = 600,
                environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.url = url
        self.expectedSHA256 = expectedSHA256
        self.timeoutSeconds = timeoutSeconds
        self.environment = environment
    }

    /// The path of the record of a data file.
    public static func recordPath(of file: String) -> String { file + ".fetch.json" }

    /// Fetches the file into `<root>/tinystories/` unless a valid copy is there; returns its record
    /// and whether it was downloaded now.
    /// - Throws: `DataError.downloadFailed` (no network, HTTP error, not TinyStories text, wrong
    ///   checksum; the reasons say which), `.unwritable`.
    public func fetch(into root: String) throws(DataError) -> (record: Record, downloaded: Bool) {
        let folder = root + "/" + Self.folder
        let dest = folder + "/" + Self.fileName
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw .unwritable(path: folder, reason: (error as NSError).localizedDescription)
        }
        if FileManager.default.fileExists(atPath: dest), let record = try? verify(path: dest, url: existingURL(dest)) {
            try writeRecord(record, for: dest)
            return (record, false)
        }
        let temp = folder + "/.\(Self.fileName).part-\(ProcessInfo.processInfo.processIdentifier)"
        defer { try? FileManager.default.removeItem(atPath: temp) }
        if let failure = Curl.download(url, to: temp, timeoutSeconds: timeoutSeconds, environment: environment) {
            throw .downloadFailed(file: Self.fileName, reasons: [failure], destination: folder)
        }
        let record: Record
        do {
            record = try verify(path: temp, url: url)
        } catch {
            throw .downloadFailed(file: Self.fileName, reasons: ["\(url): \(error.description)"], destination: folder)
        }
        if rename(temp, dest) != 0 {
            throw .unwritable(path: dest, reason: String(cString: strerror(errno)))
        }
        try writeRecord(record, for: dest)
        return (record, true)
    }

    /// Checks the file at `path` (see the type's summary) and returns its record.
    /// - Throws: `DataError` naming the file and the problem.
    public func verify(path: String, url: String) throws(DataError) -> Record {
        let bytes: [UInt8]
        do {
            bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            throw .unreadable(path: path, reason: (error as NSError).localizedDescription)
        }
        let corpus = try TinyStoriesCorpus.parse(bytes, format: .endOfText, source: path)
        let sha = SHA256Hasher.hex(bytes)
        if let want = expectedSHA256, want.lowercased() != sha {
            throw .checksumMismatch(path: path, expected: want, actual: sha)
        }
        return Record(url: url, fileName: Self.fileName, bytes: bytes.count, sha256: sha, stories: corpus.count)
    }

    /// The URL recorded for an existing file, else this fetcher's URL.
    private func existingURL(_ dest: String) -> String {
        guard let d = FileManager.default.contents(atPath: Self.recordPath(of: dest)),
              let r = try? JSONDecoder().decode(Record.self, from: d) else { return url }
        return r.url
    }

    private func writeRecord(_ record: Record, for dest: String) throws(DataError) {
        let path = Self.recordPath(of: dest)
        let enc = JSONEncoder()
        enc.outputFormatting = [.prettyPrinted, .sortedKeys]
        do {
            try enc.encode(record).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw .unwritable(path: path, reason: (error as NSError).localizedDescription)
        }
    }
}
