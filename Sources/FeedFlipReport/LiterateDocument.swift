import Foundation

/// The literate source of the paper parsed into blocks: one source, rendered to Markdown and LaTeX.
///
/// Syntax (a small Markdown subset): `#`–`####` headings (the first `#` heading is the title),
/// paragraphs, `-`/`*` and `1.` lists (continuation and nested lines indented by two spaces or
/// more), pipe tables with a `|---|` delimiter row, fenced code blocks, and inline code,
/// `*emphasis*`, `**strong**`, `[links](url)` and backslash escapes. Directives:
/// `{{ value: <metric key> }}` inline; `{{ table: <name> }}` and `{{ figure: <name> | <caption> }}`
/// alone on a line. Anything else in `{{ }}` is an error naming the line and column.
public struct LiterateDocument: Equatable, Sendable {
    /// The blocks in source order.
    public var blocks: [Block]

    /// A document from blocks.
    public init(blocks: [Block]) { self.blocks = blocks }

    /// Parses `source`; `file` names it in error messages.
    /// - Parameter variants: accepted variant names in `{{ value: }}` keys; nil accepts any.
    /// - Throws: `ReportError.literateSyntax` or `.unknownDirective` with line and column.
    public static func parse(_ source: String, file: String, variants: [String]? = nil) throws(ReportError) -> LiterateDocument {
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map {
            SourceLine(text: String($0.element).replacingOccurrences(of: "\r", with: "")
                .replacingOccurrences(of: "\t", with: "    "), line: $0.offset + 1, column: 1)
        }
        var parser = BlockParser(file: file, variants: variants)
        return LiterateDocument(blocks: try parser.parse(lines))
    }
}

/// One source line with its 1-based line number and the column of its first character.
struct SourceLine {
    var text: String
    var line: Int
    var column: Int

    var isBlank: Bool { text.trimmingCharacters(in: .whitespaces).isEmpty }
    var indent: Int { text.prefix { $0 == " " }.count }

    func dropping(_ n: Int) -> SourceLine {
        SourceLine(text: String(text.dropFirst(n)), line: line, column: column + n)
    }
}

/// Splits lines into blocks; list items are parsed recursively.
struct BlockParser {
    let file: String
    let variants: [String]?

    mutating func parse(_ lines: [SourceLine]) throws(ReportError) -> [Block] {
        var blocks: [Block] = []
        var i = 0
        while i < lines.count {
            let l = lines[i]
            let t = l.text.trimmingCharacters(in: .whitespaces)
            if l.isBlank { i += 1; continue }
            if t.hasPrefix("```") {
                var body: [String] = []
                var j = i + 1
                while j < lines.count, !lines[j].text.trimmingCharacters(in: .whitespaces).hasPrefix("```") {
                    body.append(String(lines[j].text.dropFirst(min(l.indent, lines[j].indent))))
                    j += 1
                }
                guard j < lines.count else {
                    throw ReportError.literateSyntax(file: file, line: l.line, column: l.column + l.indent,
                                                     problem: "unclosed code block", fix: "close it with a line of ```")
                }
                blocks.append(.code(body)); i = j + 1; continue
            }
            if let level = headingLevel(t) {
                let start = l.indent + level + 1
                let inline = try inlines(l.dropping(start))
                blocks.append(.heading(level: level, inline)); i += 1; continue
            }
            if t.hasPrefix("{{"), t.hasSuffix("}}"), t.dropFirst(2).range(of: "{{") == nil {
                let col = l.column + l.indent
                let directive = try Directive.parse(String(t.dropFirst(2).dropLast(2)), file: file, line: l.line,
                                                    column: col, variants: variants)
                switch directive {
                case let .table(name): blocks.append(.tableDirective(name: name, line: l.line, column: col))
                case let .figure(name, caption):
                    let capInline = try InlineParser(file: file, line: l.line, columnOffset: col,
                                                     variants: variants).parse(caption)
                    blocks.append(.figureDirective(name: name, caption: capInline, line: l.line, column: col))
                case .value: blocks.append(.paragraph(try inlines(l)))
                }
                i += 1; continue
            }
            if t.hasPrefix("|") {
                var j = i
                while j < lines.count, lines[j].text.trimmingCharacters(in: .whitespaces).hasPrefix("|") { j += 1 }
                blocks.append(try table(Array(lines[i..<j]))); i = j; continue
            }
            if let marker = listMarker(l.text) {
                var items: [[Block]] = []
                var j = i
                while j < lines.count, let m = listMarker(lines[j].text), m.ordered == marker.ordered,
                      lines[j].indent == l.indent {
                    var itemLines = [lines[j].dropping(m.width)]
                    var k = j + 1
                    while k < lines.count {
                        let n = lines[k]
                        if n.isBlank {
                            if k + 1 < lines.count, lines[k + 1].indent > l.indent, !lines[k + 1].isBlank {
                                itemLines.append(n); k += 1; continue
                            }
                            break
                        }
                        guard n.indent > l.indent else { break }
                        itemLines.append(n.dropping(min(n.indent, m.width)))
                        k += 1
                    }
                    items.append(try parse(itemLines))
                    j = k
                    while j < lines.count, lines[j].isBlank, j + 1 < lines.count,
                          let m2 = listMarker(lines[j + 1].text), m2.ordered == marker.ordered,
                          lines[j + 1].indent == l.indent { j += 1 }
                }
                blocks.append(.list(ordered: marker.ordered, items: items)); i = j; continue
            }
            var para: [Inline] = []
            var j = i
            while j < lines.count, !lines[j].isBlank, !startsBlock(lines[j]) {
                if !para.isEmpty { para.append(.text(" ")) }
                let line = lines[j]
                let trimmedStart = line.dropping(line.indent)
                var trimmed = trimmedStart
                while trimmed.text.hasSuffix(" ") { trimmed.text.removeLast() }
                para += try inlines(trimmed)
                j += 1
            }
            blocks.append(.paragraph(merge(para))); i = j
        }
        return blocks
    }

    private func inlines(_ l: SourceLine) throws(ReportError) -> [Inline] {
        try InlineParser(file: file, line: l.line, columnOffset: l.column, variants: variants).parse(l.text)
    }

    private func merge(_ xs: [Inline]) -> [Inline] {
        var out: [Inline] = []
        for x in xs {
            if case let .text(b) = x, case let .text(a)? = out.last { out[out.count - 1] = .text(a + b) } else { out.append(x) }
        }
        return out
    }

    private func headingLevel(_ t: String) -> Int? {
        let hashes = t.prefix { $0 == "#" }.count
        guard (1...4).contains(hashes), t.count > hashes, t.dropFirst(hashes).first == " " else { return nil }
        return hashes
    }

    private func listMarker(_ text: String) -> (ordered: Bool, width: Int)? {
        let indent = text.prefix { $0 == " " }.count
        let rest = text.dropFirst(indent)
        if rest.hasPrefix("- ") || rest.hasPrefix("* ") { return (false, indent + 2) }
        let digits = rest.prefix { $0.isASCII && $0.isNumber }.count
        if digits > 0, rest.dropFirst(digits).hasPrefix(". ") { return (true, indent + digits + 2) }
        return nil
    }

    private func startsBlock(_ l: SourceLine) -> Bool {
        let t = l.text.trimmingCharacters(in: .whitespaces)
        return t.hasPrefix("```") || headingLevel(t) != nil || t.hasPrefix("|") || listMarker(l.text) != nil
            || (t.hasPrefix("{{") && t.hasSuffix("}}") && t.dropFirst(2).range(of: "{{") == nil
                && !t.dropFirst(2).trimmingCharacters(in: .whitespaces).hasPrefix("value"))
    }

    private func table(_ lines: [SourceLine]) throws(ReportError) -> Block {
        let rows = lines.map(cells)
        guard rows.count >= 2, rows[1].allSatisfy({ isDelimiter($0.text) }) else {
            let l = lines.count >= 2 ? lines[1] : lines[0]
            throw ReportError.literateSyntax(file: file, line: l.line, column: l.column + l.indent,
                                             problem: "a table needs a delimiter row like |---|---| after its header",
                                             fix: "add the delimiter row")
        }
        let width = rows[0].count
        for (index, row) in rows.enumerated() where row.count != width {
            let l = lines[index]
            throw ReportError.literateSyntax(file: file, line: l.line, column: l.column + l.indent,
                                             problem: "this table row has \(row.count) cells but the header has \(width)",
                                             fix: "give every row \(width) cells")
        }
        let header = try rows[0].map { c throws(ReportError) in try inlines(c) }
        var body: [[[Inline]]] = []
        for row in rows.dropFirst(2) {
            body.append(try row.map { c throws(ReportError) in try inlines(c) })
        }
        return .table(header: header, rows: body, caption: nil)
    }

    private func isDelimiter(_ s: String) -> Bool {
        let t = s.trimmingCharacters(in: .whitespaces)
        return !t.isEmpty && t.allSatisfy { $0 == "-" || $0 == ":" } && t.contains("-")
    }

    /// Splits a table line on unescaped `|` outside code spans, keeping each cell's column.
    private func cells(_ l: SourceLine) -> [SourceLine] {
        let chars = Array(l.text)
        var out: [SourceLine] = []
        var start = -1
        var inCode = false
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c == "\\" { i += 2; continue }
            if c == "`" { inCode.toggle() }
            if c == "|" && !inCode {
                if start >= 0 { out.append(cell(chars, start, i, l)) }
                start = i + 1
            }
            i += 1
        }
        if start >= 0, start < chars.count, !String(chars[start...]).trimmingCharacters(in: .whitespaces).isEmpty {
            out.append(cell(chars, start, chars.count, l))
        }
        return out
    }

    private func cell(_ chars: [Character], _ a: Int, _ b: Int, _ l: SourceLine) -> SourceLine {
        let raw = String(chars[a..<b])
        let lead = raw.prefix { $0 == " " }.count
        return SourceLine(text: raw.trimmingCharacters(in: .whitespaces), line: l.line, column: l.column + a + lead)
    }
}
