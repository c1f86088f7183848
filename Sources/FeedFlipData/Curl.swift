import Foundation

/// Downloads through the `curl` program (Debian's `curl`), shared by the dataset fetchers.
enum Curl {
    /// Downloads `url` to `path`; returns nil on success, else the reason (curl's exit code and
    /// message, or that curl is missing). `environment` supplies `PATH`.
    static func download(_ url: String, to path: String, timeoutSeconds: Int,
                         environment: [String: String]) -> String? {
        guard let curl = findExecutable("curl", path: environment["PATH"]) else {
            return "curl was not found on PATH (install curl)"
        }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: curl)
        p.arguments = ["-fsSL", "--retry", "1", "--connect-timeout", "15",
                       "--max-time", String(timeoutSeconds), "-o", path, url]
        let err = Pipe()
        p.standardError = err
        p.standardOutput = FileHandle.nullDevice
        do { try p.run() } catch { return "\(url): curl could not start (\((error as NSError).localizedDescription))" }
        let data = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        guard p.terminationStatus != 0 else { return nil }
        let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return "\(url): curl exit \(p.terminationStatus)\(text.isEmpty ? "" : " (" + text + ")")"
    }

    /// The first executable `name` in the `PATH` folders.
    static func findExecutable(_ name: String, path: String?) -> String? {
        let dirs = (path ?? "/usr/bin:/bin:/usr/local/bin").split(separator: ":").map(String.init)
        return dirs.map { $0 + "/" + name }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
