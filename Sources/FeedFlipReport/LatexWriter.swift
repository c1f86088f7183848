import Foundation

/// A standalone LaTeX document from the document model, for `latexmk -pdf`; returns Strings.
///
/// Packages (all in texlive-latex-recommended): fontenc (T1), inputenc (utf8), lmodern,
/// geometry, array, booktabs, longtable, graphicx, xcolor, hyperref. Tables are `longtable`s
/// with ragged-right `p` columns whose widths sum to `\linewidth` (so they wrap instead of
/// running into the margin and may break across pages); figures are PDF files scaled to the
/// text width, floated `[tp]` (top of a page or a float page: an `h` or `b` float next to a
/// longtable overfills its page). The first level-1 heading is the title; a level-2 heading
/// "Abstract" becomes the abstract.
public enum LatexWriter {
    /// The whole report: `document` with its directives resolved against `data`.
    public static func report(document: LiterateDocument, data: ReportData) -> String {
        render(document.expanded(with: data))
    }

    /// The claims table followed by the per-claim details, as a LaTeX fragment (no preamble).
    public static func claimsSection(data: ReportData) -> String {
        let e = Expansion(data: data)
        return [e.claimsTable(), e.claimDetails()].map(block).joined(separator: "\n\n") + "\n"
    }

    /// Expanded blocks as a complete LaTeX document.
    public static func render(_ blocks: [Block]) -> String {
        var title = "Report"
        var body = blocks
        if let index = body.firstIndex(where: { if case .heading(1, _) = $0 { return true }; return false }),
           case let .heading(_, xs) = body[index] {
            title = inlines(xs)
            body.remove(at: index)
        }
        var out = preamble(title: title)
        var inAbstract = false
        for b in body {
            if case let .heading(level, xs) = b {
                if inAbstract { out += "\\end{abstract}\n\n"; inAbstract = false }
                if level == 2, MarkdownWriter.plainText(xs).trimmingCharacters(in: .whitespaces) == "Abstract" {
                    out += "\\begin{abstract}\n"
                    inAbstract = true
                    continue
                }
            }
            out += block(b) + "\n\n"
        }
        if inAbstract { out += "\\end{abstract}\n\n" }
        out += "\\end{document}\n"
        return out
    }

    static func preamble(title: String) -> String {
        """
        \\documentclass[11pt,a4paper]{article}
        \\usepackage[T1]{fontenc}
        \\usepackage[utf8]{inputenc}
        \\usepackage{lmodern}
        \\usepackage[margin=2.5cm]{geometry}
        \\usepackage{array}
        \\usepackage{booktabs}
        \\usepackage{longtable}
        \\usepackage{graphicx}
        \\usepackage[table]{xcolor}
        \\usepackage[colorlinks=true,linkcolor=blue!50!black,urlcolor=blue!50!black]{hyperref}
        \\setlength{\\emergencystretch}{3em}
        \\setlength{\\parindent}{0pt}
        \\setlength{\\parskip}{0.5\\baselineskip}
        \\newcommand{\\notrun}[1]{\\textcolor{red!65!black}{\\textbf{[not run: #1]}}}
        \\title{\(title)}
        \\date{}
        \\begin{document}
        \\sloppy
        \\maketitle

        """
    }

    static func block(_ b: Block) -> String {
        switch b {
        case let .heading(level, xs):
            let command = ["section", "section", "section", "subsection", "subsubsection"][min(level, 4)]
            return "\\\(command){\(inlines(xs))}"
        case let .paragraph(xs):
            return inlines(xs)
        case let .list(ordered, items):
            let env = ordered ? "enumerate" : "itemize"
            let body = items.map { item in
                "\\item{} " + item.map(block).joined(separator: "\n\n")
            }.joined(separator: "\n")
            return "\\begin{\(env)}\n\(body)\n\\end{\(env)}"
        case let .table(header, rows, caption):
            return table(header: header, rows: rows, caption: caption)
        case let .code(lines):
            let body = lines.map { line -> String in
                let lead = line.prefix { $0 == " " }.count
                return String(repeating: "~", count: lead) + LatexEscaping.code(String(line.dropFirst(lead))) + "\\par"
            }.joined(separator: "\n")
            return "\\begin{flushleft}\\small\\ttfamily\n\(body)\n\\end{flushleft}"
        case let .figure(name, paths, caption):
            return """
            \\begin{figure}[tp]
            \\centering
            \\includegraphics[width=\\linewidth,height=0.42\\textheight,keepaspectratio]{\(paths.pdf)}
            \\caption{\(inlines(caption))}
            \\label{fig:\(LatexEscaping.url(name).replacingOccurrences(of: "\\", with: ""))}
            \\end{figure}
            """
        case let .notRun(reason):
            return "\\notrun{\(LatexEscaping.text(reason))}"
        case let .tableDirective(name, _, _):
            return "\\notrun{table \(LatexEscaping.text(name)) was not expanded}"
        case let .figureDirective(name, _, _, _):
            return "\\notrun{figure \(LatexEscaping.text(name)) was not expanded}"
        }
    }

    /// A booktabs longtable with ragged-right `p` columns that share `\linewidth`: each column
    /// first gets room for its longest unbreakable word (estimated from per-character widths in
    /// em, plus 12%), the rest is shared in proportion to how much its average cell is longer.
    /// The largest of `\small` (10 pt), `\footnotesize` (9 pt) and `\scriptsize` (8 pt) at which
    /// every column's longest word fits is used.
    static func table(header: [[Inline]], rows: [[[Inline]]], caption: [Inline]?) -> String {
        let n = max(header.count, 1)
        var minimum = [Double](repeating: 1.5, count: n)   // em
        var wanted = [Double](repeating: 0, count: n)      // em
        for (r, row) in ([header] + rows).enumerated() {
            let bold = r == 0 ? 1.12 : 1.0
            for (i, cell) in row.enumerated() where i < n {
                let m = TextWidth.cell(cell)
                minimum[i] = max(minimum[i], bold * 1.12 * m.longestWord + 0.5)
                wanted[i] += bold * m.total / Double(rows.count + 1)
            }
        }
        let line = 455.0 - Double(n - 1) * 12   // pt, a4 with 2.5 cm margins, minus column gaps
        let sizes: [(String, Double)] = (n < 5 ? [("\\small", 10)] : []) + [("\\footnotesize", 9), ("\\scriptsize", 8)]
        let (size, points) = sizes.first { line / $0.1 >= minimum.reduce(0, +) } ?? sizes[sizes.count - 1]
        let capacity = line / points   // em
        let spare = max(0, capacity - minimum.reduce(0, +))
        let extra = zip(wanted, minimum).map { max(0, $0 - $1) }
        let extraSum = extra.reduce(0, +)
        let widths = (0..<n).map { minimum[$0] + (extraSum > 0 ? spare * extra[$0] / extraSum : 0) }
        // Shares are rounded down so that they never add up to more than the line.
        let total = max(widths.reduce(0, +), capacity) * 1.001
        let sep = 2 * Double(n - 1) / Double(n)
        let spec = widths.map { w in
            ">{\\raggedright\\arraybackslash}p{\\dimexpr " + String(format: "%.4f", floor(10_000 * w / total) / 10_000)
                + "\\linewidth-" + String(format: "%.3f", sep) + "\\tabcolsep\\relax}"
        }.joined()
        let head = header.map { "\\textbf{\(inlines($0))}" }.joined(separator: " & ") + " \\tabularnewline"
        var out = "{\(size)\n\\begin{longtable}{@{}\(spec)@{}}\n"
        if let caption { out += "\\caption{\(inlines(caption))}\\tabularnewline\n" }
        out += "\\toprule\n\(head)\n\\midrule\n\\endfirsthead\n"
        out += "\\toprule\n\(head)\n\\midrule\n\\endhead\n\\bottomrule\n\\endlastfoot\n"
        for row in rows {
            out += row.map(inlines).joined(separator: " & ") + " \\tabularnewline\n"
        }
        out += "\\end{longtable}\n}"
        return out
    }

    static func inlines(_ xs: [Inline]) -> String { xs.map(inline).joined() }

    static func inline(_ x: Inline) -> String {
        switch x {
        case let .text(s): return LatexEscaping.text(s)
        case let .code(s): return "\\texttt{\(LatexEscaping.code(s))}"
        case let .emphasis(xs): return "\\emph{\(inlines(xs))}"
        case let .strong(xs): return "\\textbf{\(inlines(xs))}"
        case let .link(text, url): return "\\href{\(LatexEscaping.url(url))}{\(inlines(text))}"
        case let .value(metric, _, _): return "\\notrun{value \(LatexEscaping.text(metric)) was not expanded}"
        case let .notRun(reason): return "\\notrun{\(LatexEscaping.text(reason))}"
        }
    }
}
