import Foundation

/// Downloads an image dataset's four files from public mirrors into a data root, verifying the
/// SHA-256 of each file's decompressed content and writing atomically (temp file + rename).
/// Downloads run `curl` (found on `PATH`); nothing is cached in memory between files.
public struct DatasetFetcher: Sendable {
    /// What happened to one file.
    public enum Outcome: Equatable, Sendable {
        /// Already present with the right content; not downloaded.
        case alreadyPresent
        /// Downloaded from this URL and verified.
        case downloaded(url: String)
    }

    /// Base URLs tried in order (each ends with `/`; the file name is appended).
    public var mirrors: [String]
    /// SHA-256 of the decompressed content per file name; nil checks only the IDX structure.
    public var expectedSHA256: [String: String]?
    /// Seconds before one download attempt is abandoned.
    public var timeoutSeconds: Int
    /// The environment used to find `curl` on `PATH`.
    public var environment: [String: String]

    /// A fetcher for `dataset` with its published mirrors and checksums (override them for tests).
    public init(dataset: ImageDatasetKind, mirrors: [String]? = nil, expectedSHA256: [String: String]?? = nil,
                timeoutSeconds: Int = 120, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.mirrors = mirrors ?? dataset.mirrors
        self.expectedSHA256 = expectedSHA256 ?? dataset.decompressedSHA256
        self.timeoutSeconds = timeoutSeconds
        self.environment = environment
    }

    /// Fetches the four files of `dataset` into `<root>/<dataset>/`, skipping files already present
    /// with the right content. Returns the outcome per canonical file name.
    /// - Throws: `DataError.downloadFailed` (every mirror failed: no network, HTTP error, bad
    ///   checksum), `.unwritable`.
    public func fetch(_ dataset: ImageDatasetKind, into root: String) throws(DataError) -> [String: Outcome] {
        let folder = root + "/" + dataset.folder
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw .unwritable(path: folder, reason: (error as NSError).localizedDescription)
        }
        var outcomes: [String: Outcome] = [:]
        for name in ImageDatasetKind.fileNames {
            let dest = folder + "/" + name
            if FileManager.default.fileExists(atPath: dest), (try? verify(path: dest, name: name)) != nil {
                outcomes[name] = .alreadyPresent
                continue
            }
            outcomes[name] = .downloaded(url: try download(name, to: dest, folder: folder))
        }
        return outcomes
    }

    /// Checks that the file at `path` decompresses to valid IDX with the expected SHA-256 (when
    /// known) and returns that SHA-256.
    /// - Throws: `DataError` naming the file and the problem.
    @discardableResult
    public func verify(path: String, name: String) throws(DataError) -> String {
        let raw = try GzipReader.contents(of: path)
        _ = try IDX.parse(raw, path: path)
        let sha = SHA256Hasher.hex(raw)
        if let want = expectedSHA256?[name], want != sha {
            throw .checksumMismatch(path: path, expected: want, actual: sha)
        }
        return sha
    }

    private func download(_ name: String, to dest: String, folder: String) throws(DataError) -> String {
        var reasons: [String] = []
        for base in mirrors {
            let url = (base.hasSuffix("/") ? base : base + "/") + name
            let temp = folder + "/.\(name).part-\(ProcessInfo.processInfo.processIdentifier)"
            defer { try? FileManager.default.removeItem(atPath: temp) }
            if let failure = Curl.download(url, to: temp, timeoutSeconds: timeoutSeconds, environment: environment) {
                reasons.append(failure)
                continue
            }
            do {
                try verify(path: temp, name: name)
            } catch {
                reasons.append("\(url): \(error.description)")
                continue
            }
            if rename(temp, dest) != 0 {
                throw .unwritable(path: dest, reason: String(cString: strerror(errno)))
            }
            return url
        }
        throw .downloadFailed(file: name, reasons: reasons, destination: folder)
    }
}
