import Foundation
import FeedFlipCore
import FeedFlipReport

/// The results of a build, gathered per benchmark from the stored cells, with the metrics,
/// tables and figures the report needs.
struct Assembly {
    var timeSeries: TimeSeriesSweepResults?
    var committed: [(TimeSeriesSpec, TimeSeriesResult)] = []
    var mnist: MinibatchGroups?
    var tiny: MinibatchGroups?
    var metrics = MetricsBuilder()
    var tables: [String: ReportTable] = [:]
    var figures: [NamedFigure] = []

    /// Gathers `cells` (every cell of the plan, by key) into benchmark results and derives
    /// metrics, tables and figures; `paper` (metric key → the paper's point or range,
    /// `ClaimSet.referenceValues`) is drawn beside the reproduced values in summary figures.
    init(plan: BuildPlan, cells: [String: StoredCell], data: Datasets, paper: [String: ClosedRange<Double>] = [:]) {
        let profile = plan.profile
        func outcome(_ c: Cell) -> CellOutcome? { cells[c.key]?.outcome }

        if let t = profile.timeseries {
            let grid = TimeSeriesGrid(variants: t.variants.resolve(Variant.timeSeries), depths: t.depths,
                                      frequencies: t.freqs, seeds: t.seeds, epochs: t.epochs, mode: t.rng)
            let runs = plan.cells.filter { $0.benchmark == "timeseries" }.compactMap { c -> TimeSeriesResult? in
                if case let .timeSeries(r)? = outcome(c) { return r } else { return nil }
            }
            if runs.count == grid.specs.count {
                let r = TimeSeriesSweepResults(grid: grid, runs: runs)
                timeSeries = r
                TimeSeriesMetrics.add(r, to: &metrics)
            }
        } else {
            metrics.notRun("ts", reason: "the time-series benchmark is not in profile \(plan.profileName)")
        }
        for c in plan.cells where c.benchmark == "committed" {
            if case let .timeSeries(spec) = c.work, case let .timeSeries(r)? = outcome(c) { committed.append((spec, r)) }
        }
        TimeSeriesMetrics.addCommitted(committed, to: &metrics)
        if profile.committed == nil {
            metrics.notRun("ts.committed", reason: "the committed-table runs are not in profile \(plan.profileName)")
        }

        if let m = profile.mnist {
            let runs = plan.cells.compactMap { c -> MinibatchGroups.Run? in
                guard case let .mnist(r) = c.work, case let .minibatch(res, _)? = outcome(c) else { return nil }
                return .init(variant: r.variant, depth: r.depth, seed: r.seed, result: res)
            }
            let g = MinibatchGroups(variants: m.variants.resolve(Variant.all), depths: m.depths, seeds: m.seeds, runs: runs)
            mnist = g
            MinibatchMetrics.addMNIST(g, to: &metrics)
        } else {
            metrics.notRun("mnist", reason: "the MNIST benchmark is not in profile \(plan.profileName)")
        }

        if let t = profile.tinystories {
            let runs = plan.cells.compactMap { c -> MinibatchGroups.Run? in
                guard case let .tinyStories(r) = c.work, case let .minibatch(res, sample)? = outcome(c) else { return nil }
                return .init(variant: r.variant, depth: r.depth, seed: r.seed, result: res, sample: sample)
            }
            let g = MinibatchGroups(variants: t.variants.resolve(Variant.all), depths: t.depths, seeds: t.seeds, runs: runs)
            tiny = g
            if let b = data.tinyBaselines {
                MinibatchMetrics.addTinyStories(g, unigram: b.unigram, bigram: b.bigram, to: &metrics)
            }
        } else {
            metrics.notRun("tiny", reason: "the TinyStories benchmark is not in profile \(plan.profileName)")
        }
        buildTablesAndFigures(profile: profile, paper: paper)
    }

    private mutating func buildTablesAndFigures(profile: Profile, paper: [String: ClosedRange<Double>]) {
        let table = metrics.table
        if let r = timeSeries {
            tables["ts-rel-mse"] = TimeSeriesTables.relativeMSE(r, metrics: table)
            tables["ts-final-mse"] = TimeSeriesTables.finalMSE(r)
            figures.append(NamedFigure("ts-rel-mse", SummaryFigures.relativeMSE(r.grid.variants, metrics: table, paper: paper)))
            figures += TimeSeriesFigures.all(r, maxPoints: 300) { "ts-\($0)-\($1.fileName)" }
        }
        if let g = mnist, let m = profile.mnist {
            let setup = "width \(m.width), batch \(m.batchSize), lr \(m.learningRate), \(m.epochs) epochs"
                + (m.trainLimit.map { ", first \($0) training images" } ?? "")
            tables["mnist-accuracy"] = MinibatchTables.mnist(g, metrics: table, setup: setup)
            figures.append(NamedFigure("mnist-accuracy", MinibatchFigures.bars(
                g, metrics: table, family: "mnist.test_accuracy", title: "MNIST: test accuracy after \(m.epochs) epochs",
                yLabel: "test accuracy (%) ± 95% interval", yRange: 0...100)))
            figures.append(NamedFigure("mnist-curves", MinibatchFigures.curves(
                g, title: "MNIST: test accuracy per epoch (mean over seeds)", yLabel: "test accuracy (%)", logY: false) {
                    $0.testAccuracy.map { 100 * $0 } }))
        }
        if let g = tiny, let t = profile.tinystories {
            let setup = "context \(t.context), embedding \(t.embedDim), width \(t.width), \(t.windowsPerEpoch) windows × \(t.epochs) epochs"
            tables["tiny-bpc"] = MinibatchTables.tinyStories(g, metrics: table, setup: setup)
            tables["tiny-samples"] = MinibatchTables.tinySamples(g)
            let base = [("unigram", table[MetricKey(family: "tiny.unigram_bpc").description]?.mean ?? .nan),
                        ("bigram", table[MetricKey(family: "tiny.bigram_bpc").description]?.mean ?? .nan)]
            figures.append(NamedFigure("tiny-bpc", MinibatchFigures.bars(
                g, metrics: table, family: "tiny.bpc", title: "TinyStories: validation bits per character",
                yLabel: "bits per character (lower is better)", extraGroups: base)))
            figures.append(NamedFigure("tiny-curves", MinibatchFigures.curves(
                g, title: "TinyStories: validation bits per character per epoch", yLabel: "bits per character", logY: false) {
                    $0.bitsPerCharacter }))
        }
    }
}
