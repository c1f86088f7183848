import Foundation

/// Finds datasets on disk: in an explicit data folder, then `$FEEDFLIP_DATA`, then the per-user
/// cache (`$XDG_CACHE_HOME/feedflip`, else `~/.cache/feedflip`), then system folders (Debian's
/// Fashion-MNIST). Layout under a root: `<root>/<dataset>/<file>`; each file may be gzip
/// (`name.gz`) or plain (`name` without `.gz`).
public struct DataStore: Sendable {
    /// The folder given on the command line (`--data-dir`), if any.
    public var dataDir: String?
    /// The environment consulted for `FEEDFLIP_DATA`, `XDG_CACHE_HOME` and `HOME`.
    public var environment: [String: String]

    /// A store over `dataDir` and the process environment (or the one given, for tests).
    public init(dataDir: String? = nil, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.dataDir = dataDir
        self.environment = environment
    }

    /// The per-user cache root: `$XDG_CACHE_HOME/feedflip`, else `$HOME/.cache/feedflip`.
    public var cacheRoot: String {
        if let x = environment["XDG_CACHE_HOME"], !x.isEmpty { return x + "/feedflip" }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return home + "/.cache/feedflip"
    }

    /// The data roots in search order (explicit folder, `$FEEDFLIP_DATA`, cache).
    public var roots: [String] {
        var r: [String] = []
        if let d = dataDir, !d.isEmpty { r.append(d) }
        if let e = environment["FEEDFLIP_DATA"], !e.isEmpty { r.append(e) }
        r.append(cacheRoot)
        return r
    }

    /// The folders searched for `dataset`, in order.
    public func candidateFolders(for dataset: ImageDatasetKind) -> [String] {
        roots.map { $0 + "/" + dataset.folder } + dataset.systemFolders
    }

    /// The first folder holding all four files of `dataset`, with each file's path (gzip name
    /// preferred, else the plain name), keyed by canonical `.gz` name.
    /// - Throws: `DataError.notFound` listing the missing files and the folders searched.
    public func locate(_ dataset: ImageDatasetKind) throws(DataError) -> (folder: String, files: [String: String]) {
        let fm = FileManager.default
        var bestMissing = ImageDatasetKind.fileNames
        for folder in candidateFolders(for: dataset) {
            var files: [String: String] = [:]
            var missing: [String] = []
            for name in ImageDatasetKind.fileNames {
                let gz = folder + "/" + name
                let plain = folder + "/" + String(name.dropLast(3))
                if fm.isReadableFile(atPath: gz) { files[name] = gz }
                else if fm.isReadableFile(atPath: plain) { files[name] = plain }
                else { missing.append(name) }
            }
            if missing.isEmpty { return (folder, files) }
            if missing.count < bestMissing.count { bestMissing = missing }
        }
        throw .notFound(dataset: dataset.rawValue, missing: bestMissing, searched: candidateFolders(for: dataset))
    }
}
