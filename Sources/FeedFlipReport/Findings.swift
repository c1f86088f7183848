import Foundation

extension Expansion {
    /// The titles of the findings groups, in report order (see `findingsGroup`).
    static let findingsTitles = [
        "Reproduced: the reproduced interval meets the paper's number itself",
        "Reproduced only within the tolerance: the interval misses the paper's number and meets it widened by the tolerance",
        "Does not reproduce (documented as a known deviation)",
        "Fails unexpectedly",
        "Passes although a deviation is documented (claims.json should be updated)",
        "Not run by this profile",
        "Reported without a verdict (the paper gives no number)",
    ]

    /// The index into `findingsTitles` of the group `r` belongs to. A pass is split in two:
    /// the reproduced interval meets the paper's number itself, or only that number widened by
    /// the tolerance.
    static func findingsGroup(_ r: ClaimResult) -> Int {
        switch r.verdict {
        case .pass: return r.needsTolerance ? 1 : 0
        case .knownDeviation: return 2
        case .fail: return 3
        case .unexpectedPass: return 4
        case .notRun: return 5
        case .notApplicable: return 6
        }
    }

    /// The built-in `findings` table: the claims grouped by what the reproduction found, as a
    /// list of groups (empty groups left out), each naming its claims with reproduced value and
    /// reference.
    func findings() -> Block {
        guard !data.results.isEmpty else { return .notRun("no claims were checked by this build") }
        let items: [[Block]] = Self.findingsTitles.indices.compactMap { group in
            let members = data.results.filter { Self.findingsGroup($0) == group }
            guard !members.isEmpty else { return nil }
            let lines: [[Block]] = members.map { r in
                let measured = r.value == nil ? (r.verdict.reason ?? "not measured") : "reproduced \(r.valueText)"
                return [.paragraph([.code(r.claim.id), .text(": \(measured), paper \(r.claim.reference.text)")])]
            }
            return [.paragraph([.strong([.text("\(Self.findingsTitles[group]) (\(members.count)).")])]),
                    .list(ordered: false, items: lines)]
        }
        return .list(ordered: false, items: items)
    }
}
