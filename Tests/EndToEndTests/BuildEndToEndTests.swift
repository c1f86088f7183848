import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest

/// `feedflip build` on the smoke profile, run as a user runs it: outputs, caching, resumption,
/// determinism and bad input.
final class BuildEndToEndTests: XCTestCase {
    /// A copy of `paper/` in a temporary project folder, so tests can edit it.
    func makeProject() throws -> URL {
        let dir = try BinaryRunner.temporaryFolder(self)
        let paper = dir.appendingPathComponent("paper")
        try FileManager.default.copyItem(at: BinaryRunner.packageRoot.appendingPathComponent("paper"), to: paper)
        return dir
    }

    func build(_ project: URL, _ extra: [String] = []) throws -> BinaryRunner.Output {
        try BinaryRunner.run(["build", "--profile", "smoke", "--project", project.path,
                              "--out", project.appendingPathComponent("report").path,
                              "--figures", project.appendingPathComponent("figures").path,
                              "--store", project.appendingPathComponent("store").path] + extra,
                             env: ["FEEDFLIP_DATA": BinaryRunner.dataRoot.path])
    }

    func testSmokeBuildWritesEveryOutputAndCachesAndIsDeterministic() throws {
        let project = try makeProject()
        let first = try build(project)
        XCTAssertEqual(first.status, 0, first.stderr + first.stdout)
        let report = project.appendingPathComponent("report")
        for name in ["report.md", "report.tex", "junit.xml", "results.json", "manifest.json"] {
            XCTAssertTrue(FileManager.default.fileExists(atPath: report.appendingPathComponent(name).path), name)
        }
        let figures = try FileManager.default.contentsOfDirectory(atPath: project.appendingPathComponent("figures").path)
        XCTAssertTrue(figures.contains("ts-heat-Backprop.png") && figures.contains("ts-heat-Backprop.pdf"), "\(figures)")
        XCTAssertTrue(figures.contains("ts-rel-mse.png"))

        // Markdown parses with cmark-gfm (when installed) and references figures that exist.
        let md = try String(contentsOf: report.appendingPathComponent("report.md"), encoding: .utf8)
        XCTAssertTrue(md.contains("../figures/ts-heat-Backprop.png"))
        if let html = Tools.run(["cmark-gfm", "--extension", "table", report.appendingPathComponent("report.md").path]) {
            XCTAssertTrue(html.contains("<table>"), "cmark-gfm renders the claims table")
        }
        // JUnit XML is well-formed, with one test case per claim.
        let junit = try XMLDocument(contentsOf: report.appendingPathComponent("junit.xml"))
        let cases = try junit.nodes(forXPath: "//testcase").count
        let claims = try JSONSerialization.jsonObject(with: Data(contentsOf: project.appendingPathComponent("paper/claims.json"))) as? [String: Any]
        XCTAssertEqual(cases, (claims?["claims"] as? [Any])?.count)
        if Tools.exists("latexmk") {
            XCTAssertTrue(FileManager.default.fileExists(atPath: report.appendingPathComponent("report.pdf").path), first.stderr)
        }

        // A second build trains nothing and gives the same results, figures and report.
        let results1 = try Data(contentsOf: report.appendingPathComponent("results.json"))
        let md1 = md
        let png1 = try Data(contentsOf: project.appendingPathComponent("figures/ts-rel-mse.png"))
        // With --check the exit code says whether a claim failed unexpectedly (JUnit failures).
        let failures = try junit.nodes(forXPath: "//testcase/failure").count
        let second = try build(project, ["--check"])
        XCTAssertEqual(second.status, failures > 0 ? 1 : 0, second.stderr)
        XCTAssertTrue(second.stderr.contains("0 to train"), second.stderr)
        XCTAssertEqual(try Data(contentsOf: report.appendingPathComponent("results.json")), results1)
        XCTAssertEqual(try Data(contentsOf: project.appendingPathComponent("figures/ts-rel-mse.png")), png1)
        let md2 = try String(contentsOf: report.appendingPathComponent("report.md"), encoding: .utf8)
        let differing = zip(md1.split(separator: "\n"), md2.split(separator: "\n")).filter { $0 != $1 }
        XCTAssertLessThanOrEqual(differing.count, 1, "only the timestamp line may differ: \(differing)")

        // --explain lists nothing to train; after changing the epochs, only time-series cells.
        let explain = try build(project, ["--explain"])
        XCTAssertTrue(explain.stdout.contains("0 to train"), explain.stdout)
        let exp = project.appendingPathComponent("paper/experiments.json")
        let text = try String(contentsOf: exp, encoding: .utf8)
            .replacingOccurrences(of: "\"epochs\": 60", with: "\"epochs\": 61")
        try text.write(to: exp, atomically: true, encoding: .utf8)
        let changed = try build(project, ["--explain"])
        XCTAssertTrue(changed.stdout.contains("timeseries: 80 cells, 80 to train"), changed.stdout)
        XCTAssertTrue(changed.stdout.contains("committed: 4 cells, 0 to train"), changed.stdout)
    }

    func testKilledBuildResumesWithTheSameResults() throws {
        let project = try makeProject()
        // Uninterrupted reference build in its own store.
        let reference = try BinaryRunner.run(["build", "--profile", "smoke", "--project", project.path, "--jobs", "1",
                                              "--out", project.appendingPathComponent("ref").path,
                                              "--figures", project.appendingPathComponent("ref-fig").path,
                                              "--store", project.appendingPathComponent("ref-store").path],
                                             env: ["FEEDFLIP_DATA": BinaryRunner.dataRoot.path])
        XCTAssertEqual(reference.status, 0, reference.stderr)

        // Start a build, kill it once some cells are stored, then resume.
        let store = project.appendingPathComponent("store")
        let p = Process()
        p.executableURL = BinaryRunner.binary
        p.arguments = ["build", "--profile", "smoke", "--project", project.path, "--jobs", "1",
                       "--out", project.appendingPathComponent("report").path,
                       "--figures", project.appendingPathComponent("figures").path, "--store", store.path]
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        // Wait (generously: the machine may be loaded) until a few cells are stored.
        let deadline = Date().addingTimeInterval(600)
        while Date() < deadline && p.isRunning && storedCells(store) < 3 { usleep(20_000) }
        kill(p.processIdentifier, SIGKILL)
        p.waitUntilExit()
        let kept = storedCells(store)
        XCTAssertGreaterThan(kept, 0)

        let resumed = try build(project)
        XCTAssertEqual(resumed.status, 0, resumed.stderr)
        XCTAssertTrue(resumed.stderr.contains("\(kept) from the store") || kept >= 44, resumed.stderr)
        let a = try Data(contentsOf: project.appendingPathComponent("ref/results.json"))
        let b = try Data(contentsOf: project.appendingPathComponent("report/results.json"))
        XCTAssertEqual(a, b, "a resumed build ends with the results of an uninterrupted one")
    }

    func testMalformedInputsAreExitTwoNamingFileAndPlace() throws {
        let project = try makeProject()
        let exp = project.appendingPathComponent("paper/experiments.json")
        let original = try String(contentsOf: exp, encoding: .utf8)
        let smokeGrid = "\"timeseries\": { \"variants\": \"all\", \"depths\": [1, 2]"
        XCTAssertTrue(original.contains(smokeGrid))
        try original.replacingOccurrences(of: smokeGrid, with: "\"timeseries\": { \"variants\": \"all\", \"depths\": [0, 2]")
            .write(to: exp, atomically: true, encoding: .utf8)
        assertBadInput(try build(project), mentions: "paper/experiments.json: profiles.smoke.timeseries.depths: depth must be at least 1, got 0")
        try "{ \"version\": 1, ".write(to: exp, atomically: true, encoding: .utf8)
        assertBadInput(try build(project), mentions: "experiments.json")
        try original.write(to: exp, atomically: true, encoding: .utf8)

        let claims = project.appendingPathComponent("paper/claims.json")
        let claimsText = try String(contentsOf: claims, encoding: .utf8)
        try claimsText.replacingOccurrences(of: "\"metric\": \"ts.rel_mse_pct[Vanilla DFA]\"", with: "\"metric\": \"ts.rel_mse[Vanilla DFA]\"")
            .write(to: claims, atomically: true, encoding: .utf8)
        assertBadInput(try build(project), mentions: "claims.json")
        try claimsText.write(to: claims, atomically: true, encoding: .utf8)

        assertBadInput(try BinaryRunner.run(["build", "--profile", "nope", "--project", project.path]), mentions: "unknown profile \"nope\"")
        assertBadInput(try build(project, ["--jobs", "0"]), mentions: "--jobs")
    }

    private func storedCells(_ store: URL) -> Int {
        guard let e = FileManager.default.enumerator(atPath: store.appendingPathComponent("cells").path) else { return 0 }
        return e.compactMap { $0 as? String }.filter { $0.hasSuffix(".json") && !$0.contains("/.") }.count
    }
}

/// Optional external tools (cmark-gfm, latexmk) used to validate outputs.
enum Tools {
    static func exists(_ name: String) -> Bool {
        run(["sh", "-c", "command -v \(name)"]) != nil
    }

    /// The standard output of a program, or nil when it is missing or fails.
    static func run(_ argv: [String]) -> String? {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = argv
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        do { try p.run() } catch { return nil }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return p.terminationStatus == 0 ? String(decoding: data, as: UTF8.self) : nil
    }
}
