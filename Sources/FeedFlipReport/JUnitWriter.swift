import Foundation

/// JUnit XML for CI: one test case per claim; returns a String, writes nothing.
///
/// Mapping: pass → passed; FAIL → `<failure>` with the check as message; known deviation and
/// unexpected pass → passed, with the state and reason in `<system-out>` (neither fails CI);
/// not run and n/a → `<skipped>` with the reason. The `tests`, `failures`, `errors` and
/// `skipped` counts of the suite and of the root agree with the cases.
public enum JUnitWriter {
    /// The XML document for `results`; `suite` names the test suite (e.g. `feedflip claims (full)`).
    public static func xml(results: [ClaimResult], suite: String = "feedflip claims") -> String {
        let counts = VerdictCounts(results)
        let skipped = counts.notRun + counts.notApplicable
        let attributes = "tests=\"\(results.count)\" failures=\"\(counts.fail)\" errors=\"0\" skipped=\"\(skipped)\""
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<testsuites name=\"\(escape(suite))\" \(attributes)>\n"
        out += "  <testsuite name=\"\(escape(suite))\" \(attributes)>\n"
        for r in results {
            let group = r.claim.id.split(separator: ".").first.map(String.init) ?? "claims"
            let name = "\(r.claim.id): \(r.claim.statement)"
            out += "    <testcase classname=\"claims.\(escape(group))\" name=\"\(escape(name))\" time=\"0\">\n"
            let summary = "reproduced \(r.valueText), reference \(r.claim.reference.text); \(r.detail)"
            switch r.verdict {
            case .pass:
                break
            case .fail:
                out += "      <failure message=\"\(escape(summary))\" type=\"claim\">"
                out += escape("\(r.claim.criterion)\nmetric: \(r.claim.metric)\nsource: \(r.claim.source)")
                out += "</failure>\n"
            case let .knownDeviation(reason), let .unexpectedPass(reason):
                out += "      <system-out>\(escape("\(r.verdict.label): \(reason); \(summary)"))</system-out>\n"
            case let .notRun(reason):
                out += "      <skipped message=\"\(escape("not run: \(reason)"))\"/>\n"
            case let .notApplicable(reason):
                out += "      <skipped message=\"\(escape("not applicable: \(reason)"))\"/>\n"
            }
            out += "    </testcase>\n"
        }
        out += "  </testsuite>\n</testsuites>\n"
        return out
    }

    /// `s` escaped for XML text and attribute values; characters XML 1.0 forbids are dropped.
    public static func escape(_ s: String) -> String {
        var out = ""
        for u in s.unicodeScalars {
            switch u {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\n": out += "&#10;"
            case "\t", "\r": out += "&#\(u.value);"
            default:
                let v = u.value
                if v < 0x20 || v == 0xFFFE || v == 0xFFFF { continue }
                out.unicodeScalars.append(u)
            }
        }
        return out
    }
}
