import XCTest
import Foundation
import FeedFlipCore
import FeedFlipBuild

/// `ExperimentFile.load`: the real experiment file, and every kind of bad input giving
/// `BuildError.badInput` that names the file, the JSON path and the problem.
final class ExperimentFileTests: XCTestCase {
    /// The committed `paper/experiments.json` decodes; every profile is valid and plannable.
    func testRealExperimentFileDecodesAndEveryProfileIsValid() throws {
        let url = packageRoot.appendingPathComponent("paper/experiments.json")
        let file = try ExperimentFile.load(url)
        XCTAssertEqual(file.version, 1)
        XCTAssertEqual(file.defaultProfile, "full")
        for name in ["smoke", "quick", "full"] { XCTAssertNotNil(file.profiles[name], name) }
        for (name, _) in file.profiles {
            let p = try file.profile(name)
            XCTAssertFalse(p.description.isEmpty, name)
            let cells = try Planner.cells(p, checksums: ["mnist": "m", "tinystories": "t"])
            XCTAssertFalse(cells.isEmpty, name)
            XCTAssertEqual(Set(cells.map(\.key)).count, cells.count, "\(name): every cell has its own key")
            if let t = p.timeseries {
                let grid = TimeSeriesGrid(variants: t.variants.resolve(Variant.timeSeries), depths: t.depths,
                                          frequencies: t.freqs, seeds: t.seeds, epochs: t.epochs, mode: t.rng)
                XCTAssertNoThrow(try grid.validate(), name)
                XCTAssertEqual(cells.filter { $0.benchmark == "timeseries" }.count, grid.specs.count, name)
            }
        }
        // The paper's grid (issue 4): every variant, depths 1 2 4, frequencies 1 3 5, seeds 0-9, 300 epochs.
        let full = try file.profile("full")
        let t = try XCTUnwrap(full.timeseries)
        XCTAssertEqual(t.variants.resolve(Variant.timeSeries), Variant.timeSeries)
        XCTAssertEqual(t.depths, [1, 2, 4])
        XCTAssertEqual(t.freqs, [1, 3, 5])
        XCTAssertEqual(t.seeds, Array(0...9))
        XCTAssertEqual(t.epochs, 300)
        XCTAssertEqual(try Planner.cells(full, checksums: [:]).filter { $0.benchmark == "timeseries" }.count, 10 * 3 * 3 * 10)
    }

    func testUnknownProfileNameListsTheDefinedOnes() throws {
        let file = try loadExperiments(sampleExperiments, in: makeTemporaryFolder(self))
        XCTAssertThrowsError(try file.profile("nope")) { error in
            let text = "\(error)"
            XCTAssertTrue(text.contains("unknown profile \"nope\"") && text.contains("other, tiny"), text)
        }
    }

    func testSampleFileDecodesEveryField() throws {
        let file = try loadExperiments(sampleExperiments, in: makeTemporaryFolder(self))
        XCTAssertEqual(file.defaultProfile, "tiny")
        let p = try file.profile("tiny")
        let m = try XCTUnwrap(p.mnist)
        XCTAssertEqual(m.variants.resolve(Variant.all), [.backprop, .vanillaDFA])
        XCTAssertEqual(m.batchSize, 32)
        XCTAssertEqual(m.learningRate, 0.05)
        XCTAssertEqual(m.trainLimit, 100)
        XCTAssertEqual(m.testLimit, 50)
        let s = try XCTUnwrap(p.tinystories)
        XCTAssertEqual([s.context, s.embedDim, s.windowsPerEpoch, s.validationWindows], [8, 4, 64, 32])
        XCTAssertEqual(p.committed?.epochs, 7)
        XCTAssertEqual(try file.profile("other").timeseries?.rng, .fast)
        XCTAssertNil(try file.profile("other").mnist, "a missing benchmark is not run")
    }

    // MARK: bad input

    /// Loads `text` expecting `badInput`; checks the place, a fragment of the problem, and that
    /// the one-line description names the file, the place and the problem.
    private func assertBadInput(_ text: String, place: String, problem: String,
                                file: StaticString = #filePath, line: UInt = #line) {
        let folder = makeTemporaryFolder(self)
        let path = folder.appendingPathComponent("bad-experiments.json").path
        do {
            _ = try loadExperiments(text, in: folder, name: "bad-experiments.json")
            XCTFail("expected BuildError.badInput at \(place)", file: file, line: line)
        } catch {
            guard case let .badInput(f, p, pr, fix) = error else {
                return XCTFail("expected badInput, got \(error)", file: file, line: line)
            }
            XCTAssertEqual(f, path, file: file, line: line)
            XCTAssertEqual(p, place, file: file, line: line)
            XCTAssertTrue(pr.contains(problem), "problem \"\(pr)\" should contain \"\(problem)\"", file: file, line: line)
            XCTAssertFalse(fix.isEmpty, "a bad-input error says what to do", file: file, line: line)
            let d = error.description
            XCTAssertTrue(d.hasPrefix("\(path): \(place): "), d, file: file, line: line)
            XCTAssertTrue(d.contains(problem), d, file: file, line: line)
            XCTAssertFalse(d.contains("\n"), "one line: \(d)", file: file, line: line)
        }
    }

    func testMissingKey() {
        assertBadInput(replacing(sampleExperiments, "\"epochs\": 5, ", ""),
                       place: "profiles.tiny.timeseries.epochs", problem: "missing required key \"epochs\"")
        assertBadInput(replacing(sampleExperiments, "\"version\": 1,", ""),
                       place: "version", problem: "missing required key \"version\"")
        assertBadInput(replacing(sampleExperiments, "\"batch_size\": 32, ", ""),
                       place: "profiles.tiny.mnist.batch_size", problem: "missing required key \"batch_size\"")
    }

    func testWrongType() {
        assertBadInput(replacing(sampleExperiments, "\"depths\": [1, 2], \"freqs\": [1, 3]", "\"depths\": \"two\", \"freqs\": [1, 3]"),
                       place: "profiles.tiny.timeseries.depths", problem: "expected a list")
        assertBadInput(replacing(sampleExperiments, "\"depths\": [1, 2], \"freqs\": [1, 3]", "\"depths\": [1, \"x\"], \"freqs\": [1, 3]"),
                       place: "profiles.tiny.timeseries.depths[1]", problem: "expected a whole number")
        assertBadInput(replacing(sampleExperiments, "\"learning_rate\": 0.05", "\"learning_rate\": \"fast\""),
                       place: "profiles.tiny.mnist.learning_rate", problem: "expected a number")
        assertBadInput(replacing(sampleExperiments, "\"seed\": 0, \"epochs\": 7", "\"seed\": null, \"epochs\": 7"),
                       place: "profiles.tiny.committed.seed", problem: "found null")
        assertBadInput(replacing(sampleExperiments, "\"rng\": \"reference\"", "\"rng\": \"numpy\""),
                       place: "profiles.tiny.timeseries.rng", problem: "numpy")
    }

    func testDepthZero() {
        assertBadInput(replacing(sampleExperiments, "\"depths\": [1, 2], \"freqs\": [1, 3]", "\"depths\": [1, 0], \"freqs\": [1, 3]"),
                       place: "profiles.tiny.timeseries.depths", problem: "depth must be at least 1, got 0")
        assertBadInput(replacing(sampleExperiments, "\"depths\": [2], \"seeds\": [0, 1], \"epochs\": 2", "\"depths\": [0], \"seeds\": [0, 1], \"epochs\": 2"),
                       place: "profiles.tiny.mnist.depths", problem: "depth must be at least 1, got 0")
    }

    func testEmptyListsAndNonPositiveNumbers() {
        assertBadInput(replacing(sampleExperiments, "\"seeds\": [0, 1], \"epochs\": 5", "\"seeds\": [], \"epochs\": 5"),
                       place: "profiles.tiny.timeseries.seeds", problem: "expected at least one seed")
        assertBadInput(replacing(sampleExperiments, "\"freqs\": [1, 3]", "\"freqs\": []"),
                       place: "profiles.tiny.timeseries.freqs", problem: "expected at least one frequency")
        assertBadInput(replacing(sampleExperiments, "\"freqs\": [1, 3]", "\"freqs\": [1, -3]"),
                       place: "profiles.tiny.timeseries.freqs", problem: "frequency must be >= 0, got -3")
        assertBadInput(replacing(sampleExperiments, "\"freqs\": [1], \"seed\"", "\"freqs\": [], \"seed\""),
                       place: "profiles.tiny.committed.freqs", problem: "expected at least one frequency")
        assertBadInput(replacing(sampleExperiments, "\"epochs\": 7", "\"epochs\": 0"),
                       place: "profiles.tiny.committed.epochs", problem: "must be at least 1, got 0")
        assertBadInput(replacing(sampleExperiments, "\"embed_dim\": 4", "\"embed_dim\": 0"),
                       place: "profiles.tiny.tinystories.embed_dim", problem: "must be at least 1, got 0")
        assertBadInput(replacing(sampleExperiments, "\"learning_rate\": 0.05", "\"learning_rate\": -0.05"),
                       place: "profiles.tiny.mnist.learning_rate", problem: "expected a positive number")
    }

    func testUnknownVariantName() {
        assertBadInput(replacing(sampleExperiments, "\"variants\": [\"Backprop\", \"Vanilla DFA\"], \"depths\": [2]",
                                 "\"variants\": [\"Backprop\", \"Vanila DFA\"], \"depths\": [2]"),
                       place: "profiles.tiny.mnist.variants", problem: "unknown variant \"Vanila DFA\"; known: \"Backprop\"")
        assertBadInput(replacing(sampleExperiments, "\"variants\": \"all\"", "\"variants\": \"every\""),
                       place: "profiles.other.timeseries.variants", problem: "expected \"all\" or a list of variant names")
    }

    func testUnknownDefaultProfile() {
        assertBadInput(replacing(sampleExperiments, "\"default_profile\": \"tiny\"", "\"default_profile\": \"tinny\""),
                       place: "default_profile", problem: "names profile \"tinny\", which is not defined")
    }

    func testSyntaxError() {
        let folder = makeTemporaryFolder(self)
        let text = replacing(sampleExperiments, "\"version\": 1,", "\"version\": 1")
        XCTAssertThrowsError(try loadExperiments(text, in: folder, name: "broken.json")) { error in
            guard let e = error as? BuildError, case let .badInput(file, place, problem, _) = e else {
                return XCTFail("expected badInput, got \(error)")
            }
            XCTAssertEqual(file, folder.appendingPathComponent("broken.json").path)
            // The missing comma after `"version": 1` is noticed at the next key, on line 3.
            XCTAssertTrue(place.hasPrefix("line 3, column "), place)
            XCTAssertTrue(problem.contains("not valid JSON: "), problem)
            XCTAssertGreaterThan(problem.count, "not valid JSON: ".count + 10, "the parser's message is kept: \(problem)")
            XCTAssertTrue(e.description.hasPrefix(file + ": "), e.description)
        }
    }

    func testUnsupportedVersion() {
        assertBadInput(replacing(sampleExperiments, "\"version\": 1,", "\"version\": 2,"),
                       place: "version", problem: "unsupported version 2; expected 1")
    }

    /// A file of a future version is reported as such, even when its body has another shape.
    func testUnsupportedVersionIsReportedBeforeTheBody() {
        assertBadInput("{ \"version\": 3, \"experiments\": [] }", place: "version", problem: "unsupported version 3; expected 1")
    }

    /// A variant that exists but not in the benchmark (FeedFlip has no time-series run) is an
    /// error, not a silently empty grid.
    func testVariantOutsideItsBenchmark() {
        assertBadInput(replacing(sampleExperiments, "\"variants\": [\"Backprop\", \"Vanilla DFA\"], \"depths\": [1, 2]",
                                 "\"variants\": [\"Backprop\", \"FeedFlip\"], \"depths\": [1, 2]"),
                       place: "profiles.tiny.timeseries.variants", problem: "unknown variant \"FeedFlip\"")
    }

    func testUnreadableFile() {
        let url = makeTemporaryFolder(self).appendingPathComponent("absent.json")
        XCTAssertThrowsError(try ExperimentFile.load(url)) { error in
            guard let e = error as? BuildError, case let .badInput(file, place, problem, _) = e else {
                return XCTFail("expected badInput, got \(error)")
            }
            XCTAssertEqual(file, url.path)
            XCTAssertEqual(place, "file")
            XCTAssertTrue(problem.contains("cannot be read"), problem)
        }
    }

    /// A relative URL is named relative to its base, as the CLI shows it (`paper/experiments.json`).
    func testFileIsNamedByItsRelativePath() throws {
        let root = makeTemporaryFolder(self)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("paper"), withIntermediateDirectories: true)
        try Data(replacing(sampleExperiments, "\"version\": 1,", "\"version\": 9,").utf8)
            .write(to: root.appendingPathComponent("paper/experiments.json"))
        let url = URL(fileURLWithPath: "paper/experiments.json", relativeTo: root)
        XCTAssertThrowsError(try ExperimentFile.load(url)) { error in
            XCTAssertTrue("\(error)".hasPrefix("paper/experiments.json: version: unsupported version 9"), "\(error)")
        }
    }
}
