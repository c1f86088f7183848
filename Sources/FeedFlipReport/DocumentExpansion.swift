import Foundation

extension LiterateDocument {
    /// The names of the built-in tables: `claims` (the claims table), `claim-details` (per claim:
    /// metric, criterion, interpretation, source, command), `findings` (the claims grouped by
    /// outcome) and `provenance` (provenance lines and the timestamp line).
    public static let builtInTables = ["claims", "claim-details", "findings", "provenance"]

    /// The document with every directive resolved against `data`: values formatted, tables and
    /// figures filled in, and a visible "not run" marker wherever data is missing.
    public func expanded(with data: ReportData) -> [Block] {
        blocks.flatMap { Expansion(data: data).block($0) }
    }
}

/// Resolves directives; shared by both writers so that Markdown and LaTeX say the same.
struct Expansion {
    let data: ReportData

    func block(_ b: Block) -> [Block] {
        switch b {
        case let .heading(level, xs): return [.heading(level: level, inlines(xs))]
        case let .paragraph(xs): return [.paragraph(inlines(xs))]
        case let .list(ordered, items): return [.list(ordered: ordered, items: items.map { $0.flatMap(block) })]
        case let .table(header, rows, caption):
            return [.table(header: header.map(inlines), rows: rows.map { $0.map(inlines) }, caption: caption.map(inlines))]
        case let .tableDirective(name, _, _): return table(named: name)
        case let .figureDirective(name, caption, _, _):
            guard let paths = data.figures[name] else {
                return [.notRun("figure \(name) was not rendered by this build")]
            }
            return [.figure(name: name, paths: paths, caption: inlines(caption))]
        case .code, .figure, .notRun: return [b]
        }
    }

    func inlines(_ xs: [Inline]) -> [Inline] { xs.map(inline) }

    func inline(_ x: Inline) -> Inline {
        switch x {
        case let .value(metric, _, _):
            guard let e = data.metrics[metric] else { return .notRun(data.metrics.reasonMissing(metric)) }
            return .text(NumberFormat.estimate(e, count: MetricKey.isCount(metric)))
        case let .emphasis(xs): return .emphasis(inlines(xs))
        case let .strong(xs): return .strong(inlines(xs))
        case let .link(text, url): return .link(text: inlines(text), url: url)
        case .text, .code, .notRun: return x
        }
    }

    func table(named name: String) -> [Block] {
        switch name {
        case "claims": return [claimsTable()]
        case "claim-details": return [claimDetails()]
        case "findings": return [findings()]
        case "provenance":
            let lines = data.provenance + (data.timestamp.isEmpty ? [] : [data.timestamp])
            guard !lines.isEmpty else { return [.notRun("no provenance was recorded by this build")] }
            return [.list(ordered: false, items: lines.map { [.paragraph([.text($0)])] })]
        default:
            guard let t = data.tables[name] else {
                return [.notRun("table \(name) was not produced by this build")]
            }
            return [.table(header: t.columns.map { [.text($0)] },
                           rows: t.rows.map { $0.map { [.text($0)] } },
                           caption: t.caption.map { [.text($0)] })]
        }
    }

    /// Claim, reference, reproduced value with its interval, tolerance, verdict, source.
    func claimsTable() -> Block {
        guard !data.results.isEmpty else { return .notRun("no claims were checked by this build") }
        let header: [[Inline]] = ["Claim", "Reference", "Reproduced [95% interval]", "Tolerance", "Verdict", "Source"]
            .map { [.text($0)] }
        let rows: [[[Inline]]] = data.results.map { r in
            [[.code(r.claim.id), .text(" " + r.claim.statement)],
             [.text(r.claim.reference.text)],
             r.value == nil ? [.notRun(r.verdict.reason ?? "not measured")] : [.text(r.valueText)],
             [.text(r.claim.toleranceText)],
             verdictInline(r.verdict),
             [.text(r.claim.source)]]
        }
        return .table(header: header, rows: rows,
                      caption: [.text("Claims of the paper: reference, reproduced value and verdict")])
    }

    func verdictInline(_ v: Verdict) -> [Inline] {
        if v == .fail { return [.strong([.text(v.label)])] }
        return [.text(v.label)]
    }

    /// Per claim: verdict and check, metric, criterion, interpretation, source and command.
    func claimDetails() -> Block {
        guard !data.results.isEmpty else { return .notRun("no claims were checked by this build") }
        let items: [[Block]] = data.results.map { r in
            var facts: [[Inline]] = [
                [.strong([.text("Verdict:")]), .text(" ")] + verdictInline(r.verdict) + [.text(" (\(r.detail))")],
                [.strong([.text("Metric:")]), .text(" "), .code(r.claim.metric), .text(", reproduced "),
                 r.value == nil ? .notRun(r.verdict.reason ?? "not measured") : .text(r.valueText)],
                [.strong([.text("Criterion:")]), .text(" " + r.claim.criterion)],
                [.strong([.text("Interpretation:")]), .text(" " + r.claim.interpretation)],
                [.strong([.text("Source:")]), .text(" " + r.claim.source)],
            ]
            if case let .deviation(reason)? = r.claim.expectation {
                facts.append([.strong([.text("Expected deviation:")]), .text(" " + reason)])
            }
            if let command = data.command(for: r.claim.id) {
                facts.append([.strong([.text("Reproduce:")]), .text(" "), .code(command)])
            } else {
                facts.append([.strong([.text("Reproduce:")]), .text(" "), .notRun("no command was given")])
            }
            return [.paragraph([.code(r.claim.id), .text(": " + r.claim.statement)]),
                    .list(ordered: false, items: facts.map { [.paragraph($0)] })]
        }
        return .list(ordered: false, items: items)
    }
}
