import XCTest
import Foundation
import FeedFlipCore
import FeedFlipReport
import FeedFlipBuild

/// The report tables built from a time-series sweep and its metrics.
final class TablesTests: XCTestCase {
    /// Backprop and +Momentum on depths 1, 2 (k = 1), seeds 0, 1; +Momentum seed 1 diverged at d = 2.
    private func sweep() -> TimeSeriesSweepResults {
        let g = TimeSeriesGrid(variants: [.backprop, .momentum], depths: [1, 2], frequencies: [1], seeds: [0, 1], epochs: 2, mode: .reference)
        let finals: [Double?] = [0.1, 0.3, 0.2, 0.2, 0.4, 0.6, 0.5, nil]   // in specs order (variant, depth, seed)
        return TimeSeriesSweepResults(grid: g, runs: finals.map { f in
            f.map { TimeSeriesResult(mse: [1, $0]) } ?? TimeSeriesResult(mse: [1, .nan], divergedAtEpoch: 1)
        })
    }

    func testRelativeMSETable() throws {
        let r = sweep()
        var m = MetricsBuilder()
        TimeSeriesMetrics.add(r, to: &m)
        let t = TimeSeriesTables.relativeMSE(r, metrics: m.table)
        XCTAssertEqual(t.columns, ["Variant", "Rel. MSE ↑ (%)", "Mean of cell ratios (%)", "Grid-mean final MSE", "Diverged runs"])
        XCTAssertEqual(t.rows.map(\.first), ["Backprop", "+Momentum"])
        XCTAssertTrue(t.rows.allSatisfy { $0.count == t.columns.count })
        // +Momentum: only seed 0 pairs (grid means 0.45 vs 0.15): a single run, 200 %.
        XCTAssertEqual(try XCTUnwrap(m.table["ts.rel_mse_pct[+Momentum]"]).mean, 200, accuracy: 1e-9)
        XCTAssertEqual(t.rows[1][1], NumberFormat.estimate(try XCTUnwrap(m.table["ts.rel_mse_pct[+Momentum]"]), digits: 3))
        XCTAssertEqual(t.rows[1][4], "1")
        XCTAssertEqual(t.rows[0][4], "0")
        XCTAssertTrue(t.caption?.contains("2 seeds, depths 1 2, frequencies 1, 2 epochs, reference random streams") ?? false, t.caption ?? "")
    }

    func testFinalMSETableMarksDivergedRuns() {
        let t = TimeSeriesTables.finalMSE(sweep())
        XCTAssertEqual(t.columns, ["Variant", "d=1 k=1", "d=2 k=1"])
        XCTAssertEqual(t.rows[0], ["Backprop", NumberFormat.significant(0.2, digits: 3), NumberFormat.significant(0.2, digits: 3)])
        XCTAssertEqual(t.rows[1], ["+Momentum", NumberFormat.significant(0.5, digits: 3), NumberFormat.significant(0.5, digits: 3) + " (1 div.)"])
    }
}
