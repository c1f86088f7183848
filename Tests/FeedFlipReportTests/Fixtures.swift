import FeedFlipReport
import Foundation

/// A sample literate document using every construct and directive kind, and data for it.
enum Fixtures {
    static let source = """
    # Sample report: Δ & friends

    ## Abstract

    A *short* abstract with **strong** text, `code_with_underscores`, a [link](https://example.org/a_b#c)
    and special characters: 50% & $5 # {braces} ~tilde^ back\\\\slash, Nøkland, ± − × · ≤ ≥ → “quotes” — dashes.

    ## Values

    Vanilla DFA: {{ value: ts.rel_mse_pct[Vanilla DFA] }} percent; single run {{ value: ts.committed[d=1|k=1] }};
    missing {{ value: mnist.test_accuracy[FeedFlip|d=2] }}.

    - first item with {{ value: tiny.bigram_bpc }}
    - second item
      continued on a second line
      - nested item
    1. ordered one
    2. ordered two

    | Variant | Feedback |
    |---|---|
    | Backprop | transposed weights |
    | Ternary static Δ | random `B_l` |

    ```
    make reproduce
    feedflip build --profile full --check
    ```

    ### Tables and figures

    {{ table: ts-rel-mse }}

    {{ table: missing-table }}

    {{ figure: ts-heat-Backprop | Final MSE of Backprop, mean over seeds }}

    {{ figure: missing-figure | A figure this build did not render }}

    {{ table: claims }}

    {{ table: claim-details }}

    {{ table: findings }}

    {{ table: provenance }}
    """

    static func claim(_ id: String, _ metric: String, _ reference: Reference,
                      tolerance: Tolerance = .paperDefault, expect: Expectation? = nil) -> Claim {
        Claim(id: id, statement: "Statement of \(id) with 5% & more", source: "Source_\(id) (2025)",
              interpretation: "How \(id) is read.", metric: metric, reference: reference,
              tolerance: tolerance, expectation: expect)
    }

    static let claims: [Claim] = [
        claim("ts.vanilla-dfa", "ts.rel_mse_pct[Vanilla DFA]", .range(5, 10)),
        claim("ts.ternary-static", "ts.rel_mse_pct[Ternary static Δ]", .point(400)),
        claim("ts.shadow", "ts.rel_mse_pct[+Shadow]", .point(15), expect: .deviation(reason: "the port's shadow init differs")),
        claim("ts.structured", "ts.rel_mse_pct[Structured DFA]", .range(2, 3), expect: .deviation(reason: "expected too high")),
        claim("ts.momentum", "ts.seed_spread[+Momentum]", .unstable),
        claim("ts.committed.d1k1", "ts.committed[d=1|k=1]", .exact(0.1320558514171195, relativeTolerance: 1e-9)),
        claim("mnist.vanilla-dfa", "mnist.acc_drop_pp[Vanilla DFA|d=2]", .range(5, 10)),
        claim("tiny.transformer-llm", "tiny.bpc[Ternary DFA on Transformer/LLM|d=2]", .notApplicable(reason: "the paper reports no number (TBD)")),
        claim("tiny.backprop-beats-bigram", "tiny.bpc[Backprop|d=2]", .below(metric: "tiny.bigram_bpc"), tolerance: .zero),
    ]

    static let metrics = MetricTable(estimates: [
        "ts.rel_mse_pct[Vanilla DFA]": Estimate(mean: 7.25, std: 3, lower: 5.1, upper: 9.4, n: 10),
        "ts.rel_mse_pct[Ternary static Δ]": Estimate(mean: 120, std: 20, lower: 105.7, upper: 134.3, n: 10),
        "ts.rel_mse_pct[+Shadow]": Estimate(mean: 60, std: 10, lower: 52.8, upper: 67.2, n: 10),
        "ts.rel_mse_pct[Structured DFA]": Estimate(mean: 2.5, std: 1, lower: 1.8, upper: 3.2, n: 10),
        "ts.seed_spread[+Momentum]": .point(0.31),
        "ts.seed_spread[Backprop]": .point(0.02),
        "ts.committed[d=1|k=1]": .point(0.1320558514171195),
        "tiny.bpc[Backprop|d=2]": Estimate(mean: 2.1, std: 0.01, lower: 2.09, upper: 2.11, n: 3),
        "tiny.bpc[Ternary DFA on Transformer/LLM|d=2]": Estimate(mean: 3.4, std: 0.1, lower: 3.2, upper: 3.6, n: 3),
        "tiny.bigram_bpc": .point(3.2871),
    ], notRunReasons: ["mnist": "benchmark mnist is not in profile smoke"])

    static var data: ReportData {
        ReportData(
            metrics: metrics,
            results: Verdicts.evaluate(claims: claims, metrics: metrics),
            tables: ["ts-rel-mse": ReportTable(
                columns: ["Variant", "Rel. MSE↑ (%) ratio of means", "Mean of cell ratios (%)", "Diverged"],
                rows: [["Vanilla DFA", "7.250 [5.100, 9.400]", "6.9", "0"],
                       ["Ternary static Δ", "120.0 [105.7, 134.3]", "131", "0"],
                       ["+Momentum", "44_x | y", "[41]", "2"]],
                caption: "Relative increase of the final MSE over Backprop (time series)")],
            figures: ["ts-heat-Backprop": FigurePaths(png: "figures/ts-heat-Backprop.png", pdf: "figures/ts-heat-Backprop.pdf")],
            commands: ["ts.vanilla-dfa": "feedflip build --profile full --only ts"],
            defaultCommand: "make reproduce",
            provenance: ["commit 0123abc (clean)", "Swift 6.3.1, Linux x86_64, OpenBLAS 0.3.26", "profile smoke"],
            timestamp: "Generated 2026-12-03T19:00:00Z")
    }

    static func document() throws -> LiterateDocument {
        try LiterateDocument.parse(source, file: "sample.md", variants: paperVariantsForFixtures)
    }

    static let paperVariantsForFixtures = ["Backprop", "Vanilla DFA", "Structured DFA", "Ternary static Δ",
        "Ternary + adaptive Δ", "Ternary + adaptive + ortho B", "Ternary + adaptive + ortho B + cal", "+Shadow",
        "+Momentum", "Ternary DFA on Transformer/LLM", "FeedFlip"]
}
