import Foundation

/// Rough widths of rendered text in em (Latin Modern), to size table columns without running TeX.
///
/// Per character: lower-case letters 0.5, upper-case, `m w + =` and symbols 0.8, `M W % & @` 1, digits 0.5,
/// narrow punctuation and `i l j f t` 0.3, space 0.33, typewriter 0.525. Break opportunities
/// are spaces, hyphens and the characters after which the LaTeX escaping inserts `\allowbreak`.
enum TextWidth {
    /// The widest unbreakable run and the total width of a cell, in em.
    static func cell(_ xs: [Inline]) -> (longestWord: Double, total: Double) {
        var longest = 0.0, total = 0.0
        for x in xs {
            switch x {
            case let .text(s):
                let m = measure(s, breaks: " -_/|", width: proportional)
                longest = max(longest, m.longest); total += m.total
            case let .code(s):
                let m = measure(s, breaks: " /-_.=,:|[]", width: { _ in 0.525 })
                longest = max(longest, m.longest); total += m.total
            case let .emphasis(ys), let .link(ys, _):
                let m = cell(ys)
                longest = max(longest, m.longestWord); total += m.total
            case let .strong(ys):
                let m = cell(ys)
                longest = max(longest, 1.12 * m.longestWord); total += 1.12 * m.total
            case let .value(metric, _, _):
                let m = measure(metric, breaks: " -_/|", width: proportional)
                longest = max(longest, m.longest); total += m.total
            case let .notRun(reason):
                let m = measure("[not run: \(reason)]", breaks: " -_/|", width: proportional)
                longest = max(longest, 1.12 * m.longest); total += 1.12 * m.total
            }
        }
        return (longest, total)
    }

    private static func proportional(_ c: Character) -> Double {
        if c == " " { return 0.33 }
        if "iljft.,;:'!|()[]".contains(c) { return 0.3 }
        if "MW%&@—".contains(c) { return 1.0 }
        if c.isUppercase || "mw+=<>≤≥±×→Δ".contains(c) { return 0.8 }
        return 0.5
    }

    private static func measure(_ s: String, breaks: String, width: (Character) -> Double) -> (longest: Double, total: Double) {
        var longest = 0.0, current = 0.0, total = 0.0
        for c in s {
            let w = width(c)
            total += w
            current += w
            if breaks.contains(c) {
                longest = max(longest, current)
                current = 0
            }
        }
        return (max(longest, current), total)
    }
}
