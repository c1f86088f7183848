import Foundation
import FeedFlipCore
import FeedFlipPlot
import FeedFlipReport

/// Figures that summarise a benchmark across variants.
public enum SummaryFigures {
    /// `ts-rel-mse`: relative final-MSE increase over Backprop per variant (%), with 95%
    /// intervals, beside the paper's value where `paper` (metric key → point or range, as
    /// `ClaimSet.referenceValues` gives) has one.
    public static func relativeMSE(_ variants: [Variant], metrics: MetricTable,
                                   paper: [String: ClosedRange<Double>] = [:]) -> Figure {
        let keys = variants.map { MetricKey(family: "ts.rel_mse_pct", variant: $0.name).description }
        let estimates = keys.map { metrics[$0] }
        let references = keys.map { paper[$0] }
        let values = estimates.map { $0?.mean ?? .nan }
        let errors = estimates.map { e in e.map { ($0.upper - $0.lower) / 2 } ?? .nan }
        let chart = BarChart(title: "Time series: final MSE relative to Backprop",
                             xLabel: "variant", yLabel: "Rel. MSE ↑ (%) ± 95% interval",
                             groups: variants.map(shortName),
                             series: [BarSeries(name: "reproduced (95% interval)", values: values, errors: errors)],
                             legend: references.contains { $0 != nil } ? .automatic : .hidden,
                             references: references.contains { $0 != nil } ? references : [],
                             referenceLabel: "paper: value, or range (band)")
        return Figure(width: 468, height: 300, chart: .bar(chart))
    }

    /// A short label for a variant on a crowded axis.
    static func shortName(_ v: Variant) -> String {
        switch v {
        case .backprop: return "BP"
        case .vanillaDFA: return "DFA"
        case .structuredDFA: return "Ortho DFA"
        case .ternaryStatic: return "T static"
        case .ternaryAdaptive: return "T adapt"
        case .ternaryAdaptiveOrtho: return "T+ortho"
        case .ternaryAdaptiveOrthoCal: return "T+ortho+cal"
        case .shadow: return "+Shadow"
        case .momentum: return "+Mom."
        case .transformerLLM: return "T block"
        case .feedFlip: return "FeedFlip"
        default: return v.name
        }
    }
}
