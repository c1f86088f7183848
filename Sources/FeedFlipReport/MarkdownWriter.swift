import Foundation

/// GitHub-flavoured Markdown from the document model; returns Strings, writes nothing.
///
/// Tables carry a "Table N: caption" line and figures a "Figure N: caption" line, numbered in
/// document order exactly as LaTeX numbers them; missing data shows as `**[not run: reason]**`.
public enum MarkdownWriter {
    /// The whole report: `document` with its directives resolved against `data`.
    public static func report(document: LiterateDocument, data: ReportData) -> String {
        render(document.expanded(with: data))
    }

    /// The claims table followed by the per-claim details (criterion, source, command).
    public static func claimsSection(data: ReportData) -> String {
        let e = Expansion(data: data)
        return render([e.claimsTable(), e.claimDetails()])
    }

    /// Expanded blocks as Markdown, ending with one newline.
    public static func render(_ blocks: [Block]) -> String {
        var state = Numbering()
        let parts = blocks.map { block($0, &state) }
        return parts.joined(separator: "\n\n") + "\n"
    }

    struct Numbering {
        var tables = 0
        var figures = 0
    }

    static func block(_ b: Block, _ n: inout Numbering) -> String {
        switch b {
        case let .heading(level, xs):
            return String(repeating: "#", count: level) + " " + inlines(xs)
        case let .paragraph(xs):
            return guardBlockStart(inlines(xs))
        case let .list(ordered, items):
            return items.enumerated().map { index, item in
                let marker = ordered ? "\(index + 1). " : "- "
                let pad = String(repeating: " ", count: marker.count)
                let body = item.map { block($0, &n) }.joined(separator: "\n")
                let lines = body.split(separator: "\n", omittingEmptySubsequences: false)
                return lines.enumerated().map { i, l in (i == 0 ? marker : (l.isEmpty ? "" : pad)) + l }
                    .joined(separator: "\n")
            }.joined(separator: "\n")
        case let .table(header, rows, caption):
            var out = ""
            if let caption {
                n.tables += 1
                out += "*Table \(n.tables): \(inlines(caption))*\n\n"
            }
            out += "| " + header.map { cell($0) }.joined(separator: " | ") + " |\n"
            out += "|" + header.map { _ in "---|" }.joined() + "\n"
            out += rows.map { "| " + $0.map { cell($0) }.joined(separator: " | ") + " |" }.joined(separator: "\n")
            return out.hasSuffix("\n") ? String(out.dropLast()) : out
        case let .code(lines):
            let fence = lines.contains { $0.contains("```") } ? "~~~~" : "```"
            return ([fence] + lines + [fence]).joined(separator: "\n")
        case let .figure(_, paths, caption):
            n.figures += 1
            let text = inlines(caption)
            return "![\(plainText(caption).replacingOccurrences(of: "]", with: "\\]"))](\(paths.png))\n\n"
                + "*Figure \(n.figures): \(text)*"
        case let .notRun(reason):
            return notRun(reason)
        case let .tableDirective(name, _, _):
            return notRun("table \(name) was not expanded")
        case let .figureDirective(name, _, _, _):
            return notRun("figure \(name) was not expanded")
        }
    }

    static func notRun(_ reason: String) -> String { "**\\[not run: \(escape(reason))\\]**" }

    static func cell(_ xs: [Inline]) -> String {
        let s = inlines(xs, inTable: true)
        return s.isEmpty ? " " : s
    }

    /// Inline content as Markdown; inside a table cell `|` in code spans is escaped as GFM requires.
    static func inlines(_ xs: [Inline], inTable: Bool = false) -> String {
        xs.map { inline($0, inTable: inTable) }.joined()
    }

    static func inline(_ x: Inline, inTable: Bool = false) -> String {
        switch x {
        case let .text(s): return escape(s)
        case let .code(s): return code(inTable ? s.replacingOccurrences(of: "|", with: "\\|") : s)
        case let .emphasis(xs): return "*" + inlines(xs, inTable: inTable) + "*"
        case let .strong(xs): return "**" + inlines(xs, inTable: inTable) + "**"
        case let .link(text, url):
            return "[\(inlines(text, inTable: inTable))](\(url.replacingOccurrences(of: " ", with: "%20")))"
        case let .value(metric, _, _): return notRun("value \(metric) was not expanded")
        case let .notRun(reason): return notRun(reason)
        }
    }

    /// Inline code with a fence longer than any backquote run inside.
    static func code(_ s: String) -> String {
        var longest = 0, run = 0
        for c in s { run = c == "`" ? run + 1 : 0; longest = max(longest, run) }
        let fence = String(repeating: "`", count: longest + 1)
        let pad = s.hasPrefix("`") || s.hasSuffix("`") ? " " : ""
        return fence + pad + s + pad + fence
    }

    /// Text with Markdown's inline punctuation backslash-escaped.
    public static func escape(_ s: String) -> String {
        var out = ""
        for c in s {
            if "\\`*_[]<>|&~".contains(c) { out.append("\\") }
            out.append(c)
        }
        return out
    }

    /// Escapes a leading character that would otherwise start a heading, list, quote or rule.
    static func guardBlockStart(_ s: String) -> String {
        guard let first = s.first else { return s }
        if "#-+>=".contains(first) { return "\\" + s }
        let digits = s.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, s.dropFirst(digits.count).first == "." || s.dropFirst(digits.count).first == ")" {
            return digits + "\\" + s.dropFirst(digits.count)
        }
        return s
    }

    /// The visible text of inline content (for alt text and widths).
    static func plainText(_ xs: [Inline]) -> String {
        xs.map { x -> String in
            switch x {
            case let .text(s), let .code(s): return s
            case let .emphasis(ys), let .strong(ys), let .link(ys, _): return plainText(ys)
            case let .value(m, _, _): return m
            case let .notRun(r): return "[not run: \(r)]"
            }
        }.joined()
    }
}
