import Foundation
import FeedFlipCore
import FeedFlipReport

/// What a build ended with.
public struct BuildOutcome: Sendable {
    /// With `--explain`: the plan's explanation (nothing was trained or written).
    public var explanation: String?
    /// The closing summary: verdict counts and where the outputs are.
    public var summary: String
    /// Claims that failed without being documented known deviations.
    public var unexpectedFailures: Int
}

/// The paper build: experiments → plan → store → training → aggregates → figures → claims → report.
public enum BuildPipeline {
    /// Runs a build. `log` receives one line per stage; `progress` the per-cell progress lines.
    /// - Throws: bad input (`BuildError`, `ReportError`, data errors) before anything is trained.
    public static func run(_ o: BuildOptions, log: @escaping @Sendable (String) -> Void,
                           progress: @escaping @Sendable (String, Bool) -> Void, interactive: Bool) throws -> BuildOutcome {
        let started = Date()
        let experiments = try ExperimentFile.load(o.experimentsFile)
        let variantNames = Variant.all.map(\.name)
        let claims = try ClaimSet.load(from: o.claimsFile, variants: variantNames)
        let sourceText: String
        do { sourceText = try String(contentsOf: o.sourceFile, encoding: .utf8) } catch {
            throw BuildError.badInput(file: o.sourceFile.relativePath, place: "file", problem: "cannot be read as UTF-8 text (\(error.localizedDescription))", fix: "")
        }
        let document = try LiterateDocument.parse(sourceText, file: o.sourceFile.relativePath, variants: variantNames)
        let profileName = o.profile ?? experiments.defaultProfile
        let profile = try experiments.profile(profileName)
        let data = try Datasets(profile: profile, dataDir: o.dataDir, log: log)
        let store = ResultStore(root: o.storeDir)
        let plan = try BuildPlan(profileName: profileName, profile: profile, checksums: data.checksums,
                                 store: store, rebuild: o.rebuild)
        if o.explain {
            return BuildOutcome(explanation: plan.explanation(), summary: "", unexpectedFailures: 0)
        }
        for folder in [o.storeDir, o.outDir, o.figuresDir] { try AtomicFile.prepareFolder(folder) }
        // A stale report would look like the result of this build until it is rewritten.
        try? FileManager.default.removeItem(at: o.outDir.appendingPathComponent("results.json"))

        log("build: profile \(profileName): \(plan.cells.count) cells, \(plan.stored.count) from the store, \(plan.toRun.count) to train on \(o.jobs) thread\(o.jobs == 1 ? "" : "s")")
        MinibatchBLAS.setThreads(1)   // one BLAS thread per cell: results independent of scheduling
        let meter = ProgressMeter(label: "train", total: plan.toRun.count,
                                  totalCost: plan.toRun.map(\.cell.estimatedCost).reduce(0, +),
                                  interactive: interactive, sink: progress)
        let cells = try Training.run(plan, data: data, store: store, jobs: o.jobs, meter: meter)

        let assembly = Assembly(plan: plan, cells: cells, data: data, paper: claims.referenceValues)
        log("build: rendering \(assembly.figures.count) figures (PNG and PDF) into \(o.figuresDir.path)")
        try FigureWriter.write(assembly.figures, to: o.figuresDir, jobs: o.jobs)

        let metrics = assembly.metrics.table
        let results = Verdicts.evaluate(claims: claims, metrics: metrics)
        let counts = VerdictCounts(results)
        let provenance = Provenance.collect(projectRoot: o.projectRoot, blas: MinibatchBLAS.configuration,
                                            outputs: [o.outDir, o.figuresDir])
        let reportData = ReportData(
            metrics: metrics, results: results, tables: assembly.tables,
            figures: Dictionary(uniqueKeysWithValues: assembly.figures.map { f in
                (f.name, FigurePaths(png: relative(o.figuresDir, to: o.outDir) + "/\(f.name).png",
                                     pdf: relative(o.figuresDir, to: o.outDir) + "/\(f.name).pdf"))
            }),
            commands: [:],
            defaultCommand: "feedflip build --profile \(profileName) --check",
            provenance: provenanceLines(provenance, profile: profileName, data: data, jobs: o.jobs),
            timestamp: "Generated \(ISO8601DateFormatter().string(from: started)) by feedflip build.")
        try ReportOutputs.write(document: document, data: reportData, results: results, to: o.outDir, log: log)
        try AtomicFile.write(try JSONText.encode(ResultsDocument(profile: profileName, metrics: metrics, results: results,
                                                                 timeSeries: assembly.timeSeries?.summaries)),
                             to: o.outDir.appendingPathComponent("results.json"))
        let manifest = Manifest(
            generated: ISO8601DateFormatter().string(from: started), profile: profileName,
            numericsVersion: Cell.numericsVersion, provenance: provenance,
            threads: ["jobs": o.jobs, "blas_threads_per_cell": 1], datasets: data.manifestEntries,
            benchmarks: costs(plan, cells), claims: claimCosts(claims, costs(plan, cells)),
            cells: plan.cells.compactMap { c in cells[c.key].map {
                .init(key: c.key, benchmark: c.benchmark, cell: c.label, wallSeconds: $0.wallSeconds,
                      cpuSeconds: $0.cpuSeconds, fromStore: plan.stored[c.key] != nil)
            } })
        try AtomicFile.write(try JSONText.encode(manifest), to: o.outDir.appendingPathComponent("manifest.json"))
        if let summaryPath = ProcessInfo.processInfo.environment["GITHUB_STEP_SUMMARY"], !summaryPath.isEmpty {
            appendStepSummary(MarkdownWriter.stepSummary(results: results), to: summaryPath)
        }
        let unexpected = results.filter { $0.verdict.failsCheck }.count
        let summary = """
            claims: \(counts.line)
            report: \(o.outDir.path)/report.md\(FileManager.default.fileExists(atPath: o.outDir.appendingPathComponent("report.pdf").path) ? ", report.pdf" : ""), report.tex, junit.xml, results.json, manifest.json
            figures: \(o.figuresDir.path) (\(assembly.figures.count) figures, PNG and PDF)
            """
        return BuildOutcome(explanation: nil, summary: summary, unexpectedFailures: unexpected)
    }

    /// Wall and CPU seconds per benchmark, summed over its cells (stored cells keep their original cost).
    static func costs(_ plan: BuildPlan, _ cells: [String: StoredCell]) -> [String: Manifest.Cost] {
        var out: [String: Manifest.Cost] = [:]
        for c in plan.cells {
            guard let s = cells[c.key] else { continue }
            var cost = out[c.benchmark] ?? .init(cells: 0, wallSeconds: 0, cpuSeconds: 0)
            cost.cells += 1; cost.wallSeconds += s.wallSeconds; cost.cpuSeconds += s.cpuSeconds
            out[c.benchmark] = cost
        }
        return out
    }

    /// Each claim's cost: that of the benchmark its metric comes from.
    static func claimCosts(_ claims: ClaimSet, _ benchmarks: [String: Manifest.Cost]) -> [String: Manifest.Cost] {
        var out: [String: Manifest.Cost] = [:]
        for c in claims.claims {
            let prefix = String(c.metric.prefix { $0 != "." && $0 != "[" })
            let benchmark = c.metric.hasPrefix("ts.committed") ? "committed"
                : ["ts": "timeseries", "mnist": "mnist", "tiny": "tinystories"][prefix] ?? prefix
            if let cost = benchmarks[benchmark] { out[c.id] = cost }
        }
        return out
    }

    static func provenanceLines(_ p: Provenance, profile: String, data: Datasets, jobs: Int) -> [String] {
        ["Profile: \(profile)",
         "Commit: \(p.commit)\(p.dirty ? " (with uncommitted changes)" : "")",
         "Toolchain: \(p.swiftVersion)",
         "Machine: \(p.os), \(p.cpu), \(p.cores) cores",
         "BLAS: \(p.blas), 1 thread per cell; \(jobs) cells in parallel",
         "Engine numerics version: \(Cell.numericsVersion)"] + data.provenanceLines
    }

    /// Appends `text` to the file at `path` (`GITHUB_STEP_SUMMARY`), creating it if needed; a
    /// file that cannot be written gives a warning on standard error, not a failed build.
    static func appendStepSummary(_ text: String, to path: String) {
        guard let h = FileHandle(forWritingAtPath: path) else {
            if !FileManager.default.createFile(atPath: path, contents: Data(text.utf8)) {
                FileHandle.standardError.write(Data("feedflip: warning: cannot write the step summary to \(path)\n".utf8))
            }
            return
        }
        h.seekToEndOfFile()
        h.write(Data(text.utf8))
        h.closeFile()
    }

    /// `url`'s path relative to `base` (both folders or files under a common root).
    static func relative(_ url: URL, to base: URL) -> String {
        let a = url.standardizedFileURL.pathComponents, b = base.standardizedFileURL.pathComponents
        var i = 0
        while i < a.count, i < b.count, a[i] == b[i] { i += 1 }
        let up = Array(repeating: "..", count: b.count - i)
        let path = (up + a[i...]).joined(separator: "/")
        return path.isEmpty ? "." : path
    }
}

/// `results.json`: every metric (estimates and per-seed samples), every verdict, and the
/// time-series cell summaries; machine-readable and deterministic.
struct ResultsDocument: Encodable {
    struct ClaimEntry: Encodable {
        var id: String
        var metric: String
        var verdict: String
        var value: Estimate?
        var detail: String
    }
    var profile: String
    var metrics: MetricTable
    var claims: [ClaimEntry]
    var timeSeries: [TimeSeriesCellSummary]?

    init(profile: String, metrics: MetricTable, results: [ClaimResult], timeSeries: [TimeSeriesCellSummary]?) {
        self.profile = profile
        self.metrics = metrics
        claims = results.map { .init(id: $0.claim.id, metric: $0.claim.metric, verdict: $0.verdict.label, value: $0.value, detail: $0.detail) }
        self.timeSeries = timeSeries
    }

    enum CodingKeys: String, CodingKey { case profile, metrics, claims, timeSeries = "timeseries_cells" }
}
