import XCTest
import Foundation
import FeedFlipCore
import FeedFlipBuild

/// `BuildPlan`: which cells a build trains and why (`--explain`).
final class BuildPlanTests: XCTestCase {
    private let sums = ["mnist": "m1", "tinystories": "t1"]

    private func plan(_ profile: Profile, store: ResultStore, rebuild: Bool = false,
                      checksums: [String: String]? = nil) throws -> BuildPlan {
        try BuildPlan(profileName: "tiny", profile: profile, checksums: checksums ?? sums, store: store, rebuild: rebuild)
    }

    func testEmptyStoreTrainsEveryCellAndExplainsWhy() throws {
        let folder = makeTemporaryFolder(self)
        let profile = try sampleProfile(in: folder)
        let p = try plan(profile, store: ResultStore(root: folder.appendingPathComponent("store")))
        XCTAssertEqual(p.cells.count, 23)
        XCTAssertEqual(p.toRun.count, 23)
        XCTAssertTrue(p.stored.isEmpty)
        XCTAssertEqual(p.toRun.map(\.cell.key), p.cells.map(\.key), "cells train in plan order")
        let text = p.explanation()
        let lines = text.components(separatedBy: "\n")
        XCTAssertEqual(Array(lines.prefix(5)), [
            "profile tiny: 23 cells, 0 stored, 23 to train",
            "  timeseries: 16 cells, 16 to train",
            "  committed: 2 cells, 2 to train",
            "  mnist: 4 cells, 4 to train",
            "  tinystories: 1 cells, 1 to train",
        ])
        XCTAssertEqual(lines.count, 5 + 23)
        let first = p.cells[0]
        XCTAssertEqual(lines[5], "  train \(first.label) [\(first.key.prefix(12))]: not in the store (new cell, or its settings, data or the engine's numerics version changed)")
        XCTAssertTrue(lines.contains { $0.hasPrefix("  train mnist Vanilla DFA d=2 seed=1 epochs=2 [") })
        XCTAssertFalse(text.contains("nothing to train"))
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("store").path), "planning writes nothing")
    }

    func testFilledStoreTrainsNothingAndRebuildTrainsAll() throws {
        let folder = makeTemporaryFolder(self)
        let profile = try sampleProfile(in: folder)
        let store = ResultStore(root: folder.appendingPathComponent("store"))
        for c in try Planner.cells(profile, checksums: sums) { try store.save(storedTimeSeriesCell(c)) }

        let p = try plan(profile, store: store)
        XCTAssertTrue(p.toRun.isEmpty)
        XCTAssertEqual(Set(p.stored.keys), Set(p.cells.map(\.key)))
        let text = p.explanation()
        XCTAssertTrue(text.hasPrefix("profile tiny: 23 cells, 23 stored, 0 to train\n  timeseries: 16 cells, 0 to train\n"), text)
        XCTAssertTrue(text.hasSuffix("\n  nothing to train: figures and report are re-rendered from the store"), text)
        XCTAssertFalse(text.contains("  train "))

        let r = try plan(profile, store: store, rebuild: true)
        XCTAssertEqual(r.toRun.map(\.cell.key), r.cells.map(\.key))
        XCTAssertTrue(r.toRun.allSatisfy { $0.reason == "--rebuild ignores the store" })
        XCTAssertTrue(r.stored.isEmpty)
        XCTAssertTrue(r.explanation().hasPrefix("profile tiny: 23 cells, 0 stored, 23 to train"))
    }

    /// Only the cells whose records are missing, damaged or keyed differently are trained.
    func testPartialStoreTrainsOnlyWhatIsMissing() throws {
        let folder = makeTemporaryFolder(self)
        let profile = try sampleProfile(in: folder)
        let store = ResultStore(root: folder.appendingPathComponent("store"))
        let cells = try Planner.cells(profile, checksums: sums)
        for c in cells { try store.save(storedTimeSeriesCell(c)) }
        try FileManager.default.removeItem(at: store.url(for: cells[3].key))
        try Data("{ truncated".utf8).write(to: store.url(for: cells[17].key))

        let p = try plan(profile, store: store)
        XCTAssertEqual(p.toRun.map(\.cell.key), [cells[3].key, cells[17].key])
        XCTAssertEqual(p.stored.count, cells.count - 2)
        XCTAssertTrue(p.explanation().hasPrefix("profile tiny: 23 cells, 21 stored, 2 to train\n  timeseries: 16 cells, 1 to train\n  committed: 2 cells, 1 to train\n  mnist: 4 cells, 0 to train\n"))

        // A new MNIST checksum retrains exactly the MNIST cells.
        let q = try plan(profile, store: store, checksums: ["mnist": "m2", "tinystories": "t1"])
        XCTAssertEqual(Set(q.toRun.map(\.cell.benchmark)), ["timeseries", "committed", "mnist"])
        XCTAssertEqual(q.toRun.filter { $0.cell.benchmark == "mnist" }.count, 4)
    }

    /// A cell listed twice (a repeated depth) is planned once.
    func testDuplicateCellsAreTrainedOnce() throws {
        let folder = makeTemporaryFolder(self)
        let text = replacing(sampleExperiments, "\"depths\": [1, 2], \"freqs\": [1], \"seed\": 0", "\"depths\": [1, 1], \"freqs\": [1], \"seed\": 0")
        let profile = try sampleProfile(text, in: folder)
        let p = try plan(profile, store: ResultStore(root: folder))
        XCTAssertEqual(p.cells.count, 23)
        XCTAssertEqual(p.toRun.count, 22)
    }

    func testProfileWithoutABenchmarkSaysSo() throws {
        let folder = makeTemporaryFolder(self)
        let profile = try sampleProfile(sampleExperiments, "other", in: folder)
        let p = try BuildPlan(profileName: "other", profile: profile, checksums: [:], store: ResultStore(root: folder), rebuild: false)
        XCTAssertEqual(p.cells.count, 10)
        let lines = p.explanation().components(separatedBy: "\n")
        XCTAssertEqual(Array(lines.prefix(5)), [
            "profile other: 10 cells, 0 stored, 10 to train",
            "  timeseries: 10 cells, 10 to train",
            "  committed: not in this profile",
            "  mnist: not in this profile",
            "  tinystories: not in this profile",
        ])
    }
}
