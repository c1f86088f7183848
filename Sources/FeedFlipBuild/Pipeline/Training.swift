import Foundation
import FeedFlipCore

/// Trains the cells a plan lists as missing, saving each to the store the moment it finishes.
enum Training {
    /// Runs `plan.toRun` on `jobs` threads; returns every cell of the plan (stored + new) by key.
    /// - Throws: the first store write error (cells finished before it are kept in the store).
    static func run(_ plan: BuildPlan, data: Datasets, store: ResultStore, jobs: Int,
                    meter: ProgressMeter?) throws(BuildError) -> [String: StoredCell] {
        let cells = plan.toRun.map(\.cell)
        let outcomes = Scheduler.map(cells, jobs: jobs, onDone: { i, r in
            if case let .success(s) = r {
                meter?.step("\(cells[i].label): \(cellLabel(s)) (\(String(format: "%.1f", s.wallSeconds)) s)",
                            cost: cells[i].estimatedCost)
            }
        }) { cell -> Result<StoredCell, BuildError> in
            let wall0 = Date(), cpu0 = CPUClock.thread
            let outcome: CellOutcome
            do throws(BuildError) { outcome = try run(cell.work, data: data) } catch { return .failure(error) }
            let stored = StoredCell(format: StoredCell.currentFormat, key: cell.key, cell: cell.canonical,
                                    outcome: outcome, wallSeconds: Date().timeIntervalSince(wall0),
                                    cpuSeconds: CPUClock.thread - cpu0)
            do throws(BuildError) { try store.save(stored) } catch { return .failure(error) }
            return .success(stored)
        }
        var all = plan.stored
        for o in outcomes {
            switch o {
            case let .success(s): all[s.key] = s
            case let .failure(e): throw e
            }
        }
        return all
    }

    private static func cellLabel(_ s: StoredCell) -> String {
        switch s.outcome {
        case let .timeSeries(r):
            return r.divergedAtEpoch.map { "diverged at epoch \($0)" } ?? String(format: "final MSE %.4g", r.finalMSE)
        case let .minibatch(r, _):
            if let e = r.divergedAtEpoch { return "diverged at epoch \(e)" }
            guard let last = r.epochs.last else { return "no epochs" }
            if let b = last.bitsPerCharacter { return String(format: "%.3f bits/char", b) }
            if let a = last.testAccuracy { return String(format: "test accuracy %.2f%%", 100 * a) }
            return String(format: "test loss %.4f", last.testLoss)
        }
    }

    /// Trains one cell.
    static func run(_ work: CellWork, data: Datasets) throws(BuildError) -> CellOutcome {
        switch work {
        case let .timeSeries(spec):
            return .timeSeries(TimeSeriesEngine.run(spec))
        case let .mnist(r):
            return .minibatch(try data.trainMNIST(r), sample: nil)
        case let .tinyStories(r):
            let (result, sample) = try data.trainTinyStories(r)
            return .minibatch(result, sample: sample)
        }
    }
}
