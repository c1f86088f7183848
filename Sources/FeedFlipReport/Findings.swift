import Foundation

extension Expansion {
    /// The built-in `findings` table: the claims grouped by what the reproduction found, as a
    /// list of groups (empty groups left out), each naming its claims with reproduced value and
    /// reference. A pass is split in two: the reproduced interval meets the paper's number
    /// itself, or only that number widened by the tolerance.
    func findings() -> Block {
        guard !data.results.isEmpty else { return .notRun("no claims were checked by this build") }
        let groups: [(String, (ClaimResult) -> Bool)] = [
            ("Reproduced: the reproduced interval meets the paper's number itself",
             { $0.verdict == .pass && !$0.needsTolerance }),
            ("Reproduced only within the tolerance: the interval misses the paper's number and meets it widened by the tolerance",
             { $0.verdict == .pass && $0.needsTolerance }),
            ("Does not reproduce (documented as a known deviation)",
             { if case .knownDeviation = $0.verdict { return true } else { return false } }),
            ("Fails unexpectedly",
             { $0.verdict == .fail }),
            ("Passes although a deviation is documented (claims.json should be updated)",
             { if case .unexpectedPass = $0.verdict { return true } else { return false } }),
            ("Not run by this profile",
             { if case .notRun = $0.verdict { return true } else { return false } }),
            ("Reported without a verdict (the paper gives no number)",
             { if case .notApplicable = $0.verdict { return true } else { return false } }),
        ]
        let items: [[Block]] = groups.compactMap { title, member in
            let members = data.results.filter(member)
            guard !members.isEmpty else { return nil }
            let lines: [[Block]] = members.map { r in
                let measured = r.value == nil ? (r.verdict.reason ?? "not measured") : "reproduced \(r.valueText)"
                return [.paragraph([.code(r.claim.id), .text(": \(measured), paper \(r.claim.reference.text)")])]
            }
            return [.paragraph([.strong([.text("\(title) (\(members.count)).")])]),
                    .list(ordered: false, items: lines)]
        }
        return .list(ordered: false, items: items)
    }
}
