import Foundation
import FeedFlipCore
import FeedFlipReport

/// The plots of a minibatch sweep (`<outdir>/plots/`), drawn by `MinibatchFigures`:
/// `accuracy_curves` and `accuracy_bars` (MNIST, Fashion-MNIST) or `bpc_curves` and `bpc_bars`
/// (TinyStories, with the unigram and bigram baselines as extra bars).
public enum MinibatchSweepPlots {
    /// The figures of `r`; curves show at most `maxPoints` epochs each, with mean ± std bands
    /// when there are two or more seeds.
    public static func figures(_ r: MinibatchSweepResults, maxPoints: Int) -> [NamedFigure] {
        let c = r.config, g = r.groups
        let seeds = c.seeds.count
        let over = seeds > 1 ? "mean ± std over \(seeds) seeds" : "seed \(c.seeds.first ?? 0)"
        let interval = seeds > 1 ? " ± 95% interval" : ""
        let after = "after \(c.epochs) epoch\(c.epochs == 1 ? "" : "s")"
        var metrics = MetricsBuilder()
        if let b = r.baselines {
            MinibatchMetrics.addTinyStories(g, unigram: b.unigram, bigram: b.bigram, to: &metrics)
            let curves = MinibatchFigures.curves(
                g, title: "\(c.dataset.displayName): validation bits per character (\(over))",
                yLabel: "bits per character", logY: false, bands: true, maxPoints: maxPoints) { $0.bitsPerCharacter }
            let bars = MinibatchFigures.bars(
                g, metrics: metrics.table, family: "tiny.bpc",
                title: "\(c.dataset.displayName): bits per character \(after) (lower is better)",
                yLabel: "bits per character\(interval)",
                extraGroups: [("unigram", b.unigram), ("bigram", b.bigram)])
            return [NamedFigure("bpc_curves", curves), NamedFigure("bpc_bars", bars)]
        }
        MinibatchMetrics.addMNIST(g, to: &metrics)
        let curves = MinibatchFigures.curves(
            g, title: "\(c.dataset.displayName): test accuracy per epoch (\(over))",
            yLabel: "test accuracy (%)", logY: false, bands: true, maxPoints: maxPoints) { $0.testAccuracy.map { 100 * $0 } }
        let bars = MinibatchFigures.bars(
            g, metrics: metrics.table, family: "mnist.test_accuracy",
            title: "\(c.dataset.displayName): test accuracy \(after)",
            yLabel: "test accuracy (%)\(interval)", yRange: accuracyRange(r))
        return [NamedFigure("accuracy_curves", curves), NamedFigure("accuracy_bars", bars)]
    }

    /// A y range for accuracy bars that shows differences between variants: from 10 points below
    /// the lowest final accuracy (rounded down to a multiple of 10, at least 0) to 100.
    static func accuracyRange(_ r: MinibatchSweepResults) -> ClosedRange<Double>? {
        let lows = r.summaries.compactMap { $0.final?.min }
        guard let lo = lows.min() else { return nil }
        return max(0, ((lo - 10) / 10).rounded(.down) * 10)...100
    }

    /// Renders the figures of `r` to PNG and PDF in `folder`.
    /// - Throws: `BuildError.invalid` for a figure the plotting layer rejects, or `.unwritable`.
    public static func write(_ r: MinibatchSweepResults, to folder: URL, maxPoints: Int) throws(BuildError) {
        try FigureWriter.write(figures(r, maxPoints: maxPoints), to: folder)
    }
}
