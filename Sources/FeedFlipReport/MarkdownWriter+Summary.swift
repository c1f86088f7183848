import Foundation

extension MarkdownWriter {
    /// A short claims summary for `GITHUB_STEP_SUMMARY`: the counts, then one row per claim
    /// (id, verdict, reproduced, reference), failures first.
    public static func stepSummary(results: [ClaimResult], title: String = "FeedFlipNets claims") -> String {
        let counts = VerdictCounts(results)
        var out = "### \(escape(title))\n\n\(counts.line)\n"
        guard !results.isEmpty else { return out }
        let order: (Verdict) -> Int = { v in
            switch v {
            case .fail: return 0
            case .unexpectedPass: return 1
            case .knownDeviation: return 2
            case .notRun: return 3
            case .pass: return 4
            case .notApplicable: return 5
            }
        }
        let sorted = results.enumerated().sorted { (order($0.element.verdict), $0.offset) < (order($1.element.verdict), $1.offset) }
        out += "\n| Claim | Verdict | Reproduced | Reference |\n|---|---|---|---|\n"
        for (_, r) in sorted {
            let verdict = r.verdict == .fail ? "**FAIL**" : escape(r.verdict.label)
            out += "| \(inline(.code(r.claim.id), inTable: true)) | \(verdict) | \(escape(r.valueText)) | \(escape(r.claim.reference.text)) |\n"
        }
        return out
    }
}
