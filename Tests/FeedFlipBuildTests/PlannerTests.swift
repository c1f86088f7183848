import XCTest
import Foundation
import FeedFlipCore
import FeedFlipBuild

/// `Planner` and `Cell`: content keys are deterministic and change exactly when a cell's
/// numbers could change.
final class PlannerTests: XCTestCase {
    private let sums = ["mnist": "mnist-sum-1", "tinystories": "tiny-sum-1"]

    private func cells(_ text: String = sampleExperiments, checksums: [String: String]? = nil) throws -> [Cell] {
        try Planner.cells(sampleProfile(text, in: makeTemporaryFolder(self)), checksums: checksums ?? sums)
    }

    /// Keys by benchmark, as sets.
    private func keys(_ cs: [Cell], _ benchmark: String) -> Set<String> {
        Set(cs.filter { $0.benchmark == benchmark }.map(\.key))
    }

    func testCellsOfTheSampleProfileInPlanOrder() throws {
        let cs = try cells()
        XCTAssertEqual(cs.map(\.benchmark), Array(repeating: "timeseries", count: 2 * 2 * 2 * 2)
            + Array(repeating: "committed", count: 2) + Array(repeating: "mnist", count: 2 * 2) + ["tinystories"])
        XCTAssertEqual(cs.first?.label, "timeseries Backprop d=1 k=1 seed=0 epochs=5 rng=reference")
        XCTAssertEqual(cs[1].label, "timeseries Backprop d=1 k=1 seed=1 epochs=5 rng=reference")
        XCTAssertEqual(cs[15].label, "timeseries Vanilla DFA d=2 k=3 seed=1 epochs=5 rng=reference")
        XCTAssertEqual(cs[16].label, "committed Backprop d=1 k=1 seed=0 epochs=7 rng=reference")
        XCTAssertEqual(cs[18].label, "mnist Backprop d=2 seed=0 epochs=2")
        XCTAssertEqual(cs[21].label, "mnist Vanilla DFA d=2 seed=1 epochs=2")
        XCTAssertEqual(cs[22].label, "tinystories Backprop d=1 seed=0 epochs=1")
        guard case let .mnist(run) = cs[18].work else { return XCTFail("expected an MNIST cell") }
        XCTAssertEqual(run.trainLimit, 100)
        XCTAssertEqual(run.learningRate, 0.05)
    }

    func testKeysAreDeterministicHexAndDistinct() throws {
        let a = try cells(), b = try cells()
        XCTAssertEqual(a.map(\.key), b.map(\.key))
        XCTAssertEqual(a.map(\.canonical), b.map(\.canonical))
        XCTAssertEqual(Set(a.map(\.key)).count, a.count)
        for c in a {
            XCTAssertEqual(c.key.count, 64)
            XCTAssertTrue(c.key.allSatisfy { "0123456789abcdef".contains($0) }, c.key)
        }
    }

    /// Documents the key: SHA-256 of `engine version \n benchmark \n dataset checksum \n canonical`,
    /// where `canonical` is the sorted-key JSON of the work and the engine version is
    /// `timeseries-<TimeSeriesEngine.numericsVersion>` for time-series and committed cells,
    /// `minibatch-<MinibatchConfig.numericsVersion>` for MNIST and TinyStories cells. Bumping one
    /// engine's version changes exactly that engine's keys, so only its stored cells are recomputed.
    func testKeyFormulaIncludesTheEnginesNumericsVersion() throws {
        let cs = try cells()
        let tsEngine = "timeseries-\(TimeSeriesEngine.numericsVersion)", mb = "minibatch-\(MinibatchConfig.numericsVersion)"
        XCTAssertEqual(Cell.numericsVersion, "\(tsEngine) \(mb)", "the manifest's version names both engines")
        for c in cs {
            let minibatch = c.benchmark == "mnist" || c.benchmark == "tinystories"
            let sum = minibatch ? sums[c.benchmark]! : "generated"
            let engine = minibatch ? mb : tsEngine
            XCTAssertEqual(c.canonical, try JSONText.encode(c.work))
            XCTAssertEqual(c.key, ContentHash.sha256Hex("\(engine)\n\(c.benchmark)\n\(sum)\n\(c.canonical)"), c.label)
            let bumped = minibatch ? "minibatch-\(MinibatchConfig.numericsVersion + 1)" : "timeseries-\(TimeSeriesEngine.numericsVersion + 1)"
            XCTAssertNotEqual(c.key, ContentHash.sha256Hex("\(bumped)\n\(c.benchmark)\n\(sum)\n\(c.canonical)"))
        }
        XCTAssertEqual(ContentHash.sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        // The canonical text holds only what affects the numbers, with sorted keys.
        let ts = try XCTUnwrap(cs.first)
        XCTAssertEqual(ts.canonical, """
            {
              "timeSeries" : {
                "_0" : {
                  "depth" : 1,
                  "epochs" : 5,
                  "frequency" : 1,
                  "mode" : "reference",
                  "seed" : 0,
                  "variant" : "Backprop"
                }
              }
            }

            """)
        // The benchmark name is part of the key: a committed run equal to a grid run is its own cell.
        let spec = TimeSeriesSpec(variant: .backprop, depth: 1, frequency: 1, seed: 0, epochs: 5, mode: .reference)
        XCTAssertNotEqual(try Cell(benchmark: "timeseries", work: .timeSeries(spec), datasetChecksum: "generated").key,
                          try Cell(benchmark: "committed", work: .timeSeries(spec), datasetChecksum: "generated").key)
        XCTAssertEqual(try Cell(benchmark: "timeseries", work: .timeSeries(spec), datasetChecksum: "generated").key, ts.key)
    }

    func testChangingOneBenchmarksEpochsChangesOnlyItsKeys() throws {
        let before = try cells()
        let mnist = try cells(replacing(sampleExperiments, "\"epochs\": 2,", "\"epochs\": 3,"))
        XCTAssertTrue(keys(before, "mnist").isDisjoint(with: keys(mnist, "mnist")))
        XCTAssertEqual(keys(mnist, "mnist").count, 4)
        for b in ["timeseries", "committed", "tinystories"] { XCTAssertEqual(keys(before, b), keys(mnist, b), b) }

        let ts = try cells(replacing(sampleExperiments, "\"epochs\": 5,", "\"epochs\": 6,"))
        XCTAssertTrue(keys(before, "timeseries").isDisjoint(with: keys(ts, "timeseries")))
        for b in ["committed", "mnist", "tinystories"] { XCTAssertEqual(keys(before, b), keys(ts, b), b) }

        let committed = try cells(replacing(sampleExperiments, "\"epochs\": 7", "\"epochs\": 8"))
        XCTAssertTrue(keys(before, "committed").isDisjoint(with: keys(committed, "committed")))
        for b in ["timeseries", "mnist", "tinystories"] { XCTAssertEqual(keys(before, b), keys(committed, b), b) }
    }

    func testAddingAVariantDepthOrSeedKeepsTheOtherKeys() throws {
        let before = Set(try cells().map(\.key))
        let moreVariants = try cells(replacing(sampleExperiments, "\"variants\": [\"Backprop\"], \"depths\": [1]",
                                              "\"variants\": [\"Backprop\", \"+Shadow\"], \"depths\": [1]"))
        XCTAssertTrue(before.isSubset(of: Set(moreVariants.map(\.key))))
        XCTAssertEqual(moreVariants.count, before.count + 1)
        XCTAssertEqual(moreVariants.filter { !before.contains($0.key) }.map(\.label), ["tinystories +Shadow d=1 seed=0 epochs=1"])

        let moreTS = try cells(replacing(sampleExperiments, "\"variants\": [\"Backprop\", \"Vanilla DFA\"], \"depths\": [1, 2]",
                                        "\"variants\": [\"Structured DFA\", \"Backprop\", \"Vanilla DFA\"], \"depths\": [1, 2]"))
        XCTAssertTrue(before.isSubset(of: Set(moreTS.map(\.key))), "order in the list does not matter")
        XCTAssertEqual(moreTS.count, before.count + 8)

        let moreSeeds = try cells(replacing(sampleExperiments, "\"seeds\": [0, 1], \"epochs\": 2", "\"seeds\": [0, 1, 2], \"epochs\": 2"))
        XCTAssertTrue(before.isSubset(of: Set(moreSeeds.map(\.key))))
        XCTAssertEqual(moreSeeds.count, before.count + 2)
    }

    func testDatasetChecksumChangesOnlyThatDatasetsKeys() throws {
        let before = try cells()
        let after = try cells(checksums: ["mnist": "mnist-sum-2", "tinystories": "tiny-sum-1"])
        XCTAssertTrue(keys(before, "mnist").isDisjoint(with: keys(after, "mnist")))
        for b in ["timeseries", "committed", "tinystories"] { XCTAssertEqual(keys(before, b), keys(after, b), b) }
        let tiny = try cells(checksums: ["mnist": "mnist-sum-1", "tinystories": "tiny-sum-2"])
        XCTAssertNotEqual(keys(before, "tinystories"), keys(tiny, "tinystories"))
        XCTAssertEqual(keys(before, "mnist"), keys(tiny, "mnist"))
    }

    /// A setting that does not reach a benchmark's runs (a profile's description, another
    /// profile) changes no key.
    func testIrrelevantEditsKeepKeys() throws {
        let before = try cells().map(\.key)
        let edited = replacing(replacing(sampleExperiments, "\"unit tests\"", "\"reworded\""),
                               "\"epochs\": 3, \"rng\": \"fast\"", "\"epochs\": 4, \"rng\": \"fast\"")
        XCTAssertEqual(try cells(edited).map(\.key), before)
    }
}
