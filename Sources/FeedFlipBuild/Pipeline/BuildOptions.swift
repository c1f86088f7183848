import Foundation

/// The resolved options of one `feedflip build`.
public struct BuildOptions: Sendable {
    /// The project folder holding `paper/` (experiments, claims, literate source).
    public var projectRoot: URL
    /// Profile name; nil means the experiment file's default.
    public var profile: String?
    /// Parallel cells.
    public var jobs: Int
    /// Where the report files go (default `report/`).
    public var outDir: URL
    /// Where the figures go (default `figures/`).
    public var figuresDir: URL
    /// The result store (default `.feedflip-store/`).
    public var storeDir: URL
    /// Ignore stored results and train every cell again.
    public var rebuild: Bool
    /// Only list what would run and why; train nothing, write nothing.
    public var explain: Bool
    /// An explicit dataset folder (searched before $FEEDFLIP_DATA and the cache).
    public var dataDir: URL?

    public init(projectRoot: URL, profile: String?, jobs: Int, outDir: URL, figuresDir: URL,
                storeDir: URL, rebuild: Bool, explain: Bool, dataDir: URL?) {
        self.projectRoot = projectRoot
        self.profile = profile
        self.jobs = jobs
        self.outDir = outDir
        self.figuresDir = figuresDir
        self.storeDir = storeDir
        self.rebuild = rebuild
        self.explain = explain
        self.dataDir = dataDir
    }

    /// `paper/experiments.json`.
    /// (Relative to the project root, so messages name `paper/experiments.json`.)
    public var experimentsFile: URL { URL(fileURLWithPath: "paper/experiments.json", relativeTo: projectRoot) }
    /// `paper/claims.json`.
    public var claimsFile: URL { URL(fileURLWithPath: "paper/claims.json", relativeTo: projectRoot) }
    /// `paper/feedflipnets.md`.
    public var sourceFile: URL { URL(fileURLWithPath: "paper/feedflipnets.md", relativeTo: projectRoot) }
}
