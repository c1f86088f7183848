import Foundation

/// Escaping of text for pdflatex (T1 font encoding, UTF-8 input).
///
/// The ten special characters become `\_ \% \& \# \$ \{ \} \textasciitilde{} \textasciicircum{}
/// \textbackslash{}`; Greek letters and mathematical symbols (Δ, ±, −, ×, ·, ≤, ≥, ≠, ≈, ∩, ∅, ∞,
/// arrows) become `\ensuremath{...}`; dashes and quotes become their TeX ligatures; Latin letters
/// with diacritics pass through (T1 + UTF-8 handle them); any other character becomes the text
/// `[U+XXXX]` so that pdflatex never stops on an undefined character.
public enum LatexEscaping {
    /// `s` as LaTeX text (straight double quotes become ``…'' in pairs), with line-break opportunities after `_ / |` so that metric keys
    /// and paths inside prose wrap instead of overflowing.
    public static func text(_ s: String) -> String {
        var out = ""
        var open = true
        for ch in s {
            if ch == "\"" {
                // Straight double quotes alternate between TeX's opening and closing quotes.
                out += open ? "``" : "''"
                open.toggle()
                continue
            }
            out += character(ch)
            if "_/|".contains(ch) { out += "\\allowbreak{}" }
        }
        return out
    }

    /// `s` as the body of `\texttt{...}`: escaped, with line-break opportunities after
    /// `/ - _ . = , : | [ ]` so that long commands and keys wrap instead of overflowing.
    public static func code(_ s: String) -> String {
        var out = ""
        for ch in s {
            out += character(ch)
            if "/-_.=,:|[]".contains(ch) { out += "\\allowbreak{}" }
            if ch == " " { out += "\\allowbreak{}" }
        }
        return out
    }

    /// `url` as the first argument of `\href`: `#`, `%` and `\` escaped.
    public static func url(_ url: String) -> String {
        var out = ""
        for ch in url {
            switch ch {
            case "#": out += "\\#"
            case "%": out += "\\%"
            case "\\": out += "/"
            default: out.append(ch)
            }
        }
        return out
    }

    private static let specials: [Character: String] = [
        "\\": "\\textbackslash{}", "{": "\\{", "}": "\\}", "$": "\\$", "&": "\\&", "#": "\\#",
        "%": "\\%", "_": "\\_", "~": "\\textasciitilde{}", "^": "\\textasciicircum{}",
        "<": "\\textless{}", ">": "\\textgreater{}", "|": "\\textbar{}", "\"": "\\textquotedbl{}",
    ]

    private static let unicode: [Unicode.Scalar: String] = [
        "Δ": "\\ensuremath{\\Delta}", "δ": "\\ensuremath{\\delta}", "α": "\\ensuremath{\\alpha}",
        "β": "\\ensuremath{\\beta}", "γ": "\\ensuremath{\\gamma}", "ε": "\\ensuremath{\\varepsilon}",
        "η": "\\ensuremath{\\eta}", "λ": "\\ensuremath{\\lambda}", "μ": "\\ensuremath{\\mu}",
        "π": "\\ensuremath{\\pi}", "σ": "\\ensuremath{\\sigma}", "θ": "\\ensuremath{\\theta}",
        "Σ": "\\ensuremath{\\Sigma}", "±": "\\ensuremath{\\pm}", "−": "\\ensuremath{-}",
        "×": "\\ensuremath{\\times}", "·": "\\ensuremath{\\cdot}", "≤": "\\ensuremath{\\leq}",
        "≥": "\\ensuremath{\\geq}", "≠": "\\ensuremath{\\neq}", "≈": "\\ensuremath{\\approx}",
        "∩": "\\ensuremath{\\cap}", "∪": "\\ensuremath{\\cup}", "∅": "\\ensuremath{\\emptyset}",
        "∞": "\\ensuremath{\\infty}", "∈": "\\ensuremath{\\in}", "√": "\\ensuremath{\\surd}",
        "→": "\\ensuremath{\\rightarrow}", "←": "\\ensuremath{\\leftarrow}",
        "↑": "\\ensuremath{\\uparrow}", "↓": "\\ensuremath{\\downarrow}", "⊙": "\\ensuremath{\\odot}",
        "²": "\\textsuperscript{2}", "³": "\\textsuperscript{3}", "°": "\\textdegree{}",
        "–": "--", "—": "---", "‘": "`", "’": "'", "“": "``", "”": "''", "…": "\\ldots{}",
        "ø": "{\\o}", "Ø": "{\\O}", "æ": "{\\ae}", "Æ": "{\\AE}", "ß": "{\\ss}",
        "\u{00A0}": "~", "✓": "\\ensuremath{\\surd}", "§": "\\S{}", "¶": "\\P{}",
    ]

    private static func character(_ ch: Character) -> String {
        if let s = specials[ch] { return s }
        let scalars = Array(ch.unicodeScalars)
        if scalars.count == 2, scalars[1] == "\u{0304}" {
            return "\\ensuremath{\\bar{\(text(String(scalars[0])))}}"
        }
        var out = ""
        for u in scalars {
            if u.isASCII {
                out.unicodeScalars.append(u)
            } else if let s = unicode[u] {
                out += s
            } else if (0xC0...0x17F).contains(u.value) && u.value != 0xD7 && u.value != 0xF7 {
                out.unicodeScalars.append(u)
            } else {
                out += String(format: "[U+%04X]", u.value)
            }
        }
        return out
    }
}
