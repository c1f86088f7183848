import Foundation

/// Facts about the machine and the source tree that artifact evaluators ask for.
public struct Provenance: Codable, Sendable {
    public var commit: String
    public var dirty: Bool
    public var swiftVersion: String
    public var os: String
    public var cpu: String
    public var cores: Int
    public var blas: String

    enum CodingKeys: String, CodingKey {
        case commit, dirty, swiftVersion = "swift_version", os, cpu, cores, blas
    }

    /// Reads the facts: git in `projectRoot`, `swift --version`, /etc/os-release, /proc/cpuinfo.
    /// `outputs` are the build's own output folders (report, figures): changes inside them do
    /// not make the tree dirty, since the build itself rewrites them.
    public static func collect(projectRoot: URL, blas: String, outputs: [URL] = []) -> Provenance {
        let commit = Shell.output(["git", "-C", projectRoot.path, "rev-parse", "HEAD"]) ?? "unknown (not a git checkout)"
        let status = Shell.output(["git", "-C", projectRoot.path, "status", "--porcelain", "--untracked-files=no", "--", "."]
                                  + excludes(outputs, under: projectRoot)) ?? ""
        let swift = Shell.output(["swift", "--version"])?.split(separator: "\n").first.map(String.init) ?? "unknown"
        var os = "Linux"
        if let text = try? String(contentsOfFile: "/etc/os-release", encoding: .utf8),
           let line = text.split(separator: "\n").first(where: { $0.hasPrefix("PRETTY_NAME=") }) {
            os = line.dropFirst("PRETTY_NAME=".count).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        }
        var cpu = "unknown"
        if let text = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
           let line = text.split(separator: "\n").first(where: { $0.hasPrefix("model name") }),
           let colon = line.firstIndex(of: ":") {
            cpu = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return Provenance(commit: commit.trimmingCharacters(in: .whitespacesAndNewlines), dirty: !status.isEmpty,
                          swiftVersion: swift, os: os, cpu: cpu,
                          cores: ProcessInfo.processInfo.activeProcessorCount, blas: blas)
    }
}

/// Git pathspecs that leave out each of `folders` lying inside `root` (the others are ignored).
func excludes(_ folders: [URL], under root: URL) -> [String] {
    let base = root.standardizedFileURL.resolvingSymlinksInPath().path
    return folders.compactMap { folder in
        let path = folder.standardizedFileURL.resolvingSymlinksInPath().path
        guard path.hasPrefix(base + "/") else { return nil }
        return ":(exclude)" + String(path.dropFirst(base.count + 1))
    }
}

/// Running a helper program and capturing its output.
enum Shell {
    /// The standard output of `argv` (searched on PATH) when it exits 0, else nil.
    static func output(_ argv: [String], cwd: URL? = nil, environment: [String: String] = [:]) -> String? {
        guard let r = run(argv, cwd: cwd, environment: environment), r.status == 0 else { return nil }
        return r.output
    }

    /// Runs `argv`, merging stderr into the output; nil when the program cannot be started.
    static func run(_ argv: [String], cwd: URL? = nil, environment: [String: String] = [:]) -> (status: Int32, output: String)? {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = argv
        if let cwd { p.currentDirectoryURL = cwd }
        var env = ProcessInfo.processInfo.environment
        for (k, v) in environment { env[k] = v }
        p.environment = env
        let pipe = Pipe()
        p.standardOutput = pipe
        p.standardError = pipe
        p.standardInput = FileHandle.nullDevice
        do { try p.run() } catch { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// Whether `name` is an executable on PATH.
    static func exists(_ name: String) -> Bool {
        output(["sh", "-c", "command -v \(name)"]) != nil
    }
}
