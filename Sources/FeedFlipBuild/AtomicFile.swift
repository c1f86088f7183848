import Foundation

/// Writing files so that a reader never sees a partial one: write a temporary file in the same
/// folder, then rename it over the target (atomic on POSIX file systems).
public enum AtomicFile {
    /// Creates `folder` (and parents) if needed and checks that it is writable.
    /// - Throws: `BuildError.unwritable` naming the folder.
    public static func prepareFolder(_ folder: URL) throws(BuildError) {
        let fm = FileManager.default
        do {
            try fm.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw .unwritable(path: folder.path, reason: "cannot create the folder (\(error.localizedDescription))")
        }
        guard fm.isWritableFile(atPath: folder.path) else {
            throw .unwritable(path: folder.path, reason: "the folder is not writable")
        }
    }

    /// Writes `bytes` to `url` atomically, creating the parent folder.
    public static func write(_ bytes: some Collection<UInt8>, to url: URL) throws(BuildError) {
        try prepareFolder(url.deletingLastPathComponent())
        let tmp = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(getpid()).\(UInt64.random(in: 0...UInt64.max)).tmp")
        do {
            try Data(bytes).write(to: tmp)
            if rename(tmp.path, url.path) != 0 {
                let reason = String(cString: strerror(errno))
                try? FileManager.default.removeItem(at: tmp)
                throw BuildError.unwritable(path: url.path, reason: reason)
            }
        } catch let e as BuildError {
            throw e
        } catch {
            try? FileManager.default.removeItem(at: tmp)
            throw .unwritable(path: url.path, reason: error.localizedDescription)
        }
    }

    /// Writes a UTF-8 string atomically.
    public static func write(_ text: String, to url: URL) throws(BuildError) {
        try write(Array(text.utf8), to: url)
    }
}
