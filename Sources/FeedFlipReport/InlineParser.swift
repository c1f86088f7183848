import Foundation

/// Parses one line of inline content: `` `code` ``, `*emphasis*`, `**strong**`, `[text](url)`,
/// `{{ value: <metric> }}` and backslash escapes of ASCII punctuation.
struct InlineParser {
    let file: String
    let line: Int
    /// The 1-based column of `chars[0]` in the source line.
    let columnOffset: Int
    let variants: [String]?

    func parse(_ text: String) throws(ReportError) -> [Inline] {
        try parse(Array(text), from: 0)
    }

    private func column(_ index: Int, _ base: Int) -> Int { columnOffset + base + index }

    private func parse(_ chars: [Character], from base: Int) throws(ReportError) -> [Inline] {
        var out: [Inline] = []
        var text = ""
        func flush() {
            if !text.isEmpty { out.append(.text(text)); text = "" }
        }
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c == "\\", i + 1 < chars.count, chars[i + 1].isASCII, chars[i + 1].isPunctuation || chars[i + 1].isSymbol {
                text.append(chars[i + 1]); i += 2; continue
            }
            if c == "`" {
                guard let end = find(chars, "`", from: i + 1) else {
                    throw unclosed("`", at: i, base, fix: "close the code span with a backquote")
                }
                flush(); out.append(.code(String(chars[(i + 1)..<end]))); i = end + 1; continue
            }
            if c == "*" {
                let strong = i + 1 < chars.count && chars[i + 1] == "*"
                let marker = strong ? "**" : "*"
                let start = i + marker.count
                guard let end = findMarker(chars, strong: strong, from: start) else {
                    throw unclosed(marker, at: i, base, fix: "close the emphasis with \(marker) or escape it as \\*")
                }
                flush()
                let inner = try parse(Array(chars[start..<end]), from: base + start)
                out.append(strong ? .strong(inner) : .emphasis(inner))
                i = end + marker.count
                continue
            }
            if c == "[", let close = find(chars, "]", from: i + 1), close + 1 < chars.count, chars[close + 1] == "(",
               let paren = find(chars, ")", from: close + 2) {
                flush()
                let label = try parse(Array(chars[(i + 1)..<close]), from: base + i + 1)
                out.append(.link(text: label, url: String(chars[(close + 2)..<paren])))
                i = paren + 1
                continue
            }
            if c == "{", i + 1 < chars.count, chars[i + 1] == "{" {
                guard let end = findClose(chars, from: i + 2) else {
                    throw unclosed("{{", at: i, base, fix: "close the directive with }}")
                }
                flush()
                let directive = try Directive.parse(String(chars[(i + 2)..<end]), file: file, line: line,
                                                    column: column(i, base), variants: variants)
                switch directive {
                case let .value(metric):
                    out.append(.value(metric: metric, line: line, column: column(i, base)))
                case .table, .figure:
                    throw ReportError.literateSyntax(
                        file: file, line: line, column: column(i, base),
                        problem: "the \(directive.kind) directive must stand alone on its own line",
                        fix: "put {{ \(directive.kind): ... }} on a line by itself")
                }
                i = end + 2
                continue
            }
            text.append(c)
            i += 1
        }
        flush()
        return out
    }

    private func unclosed(_ marker: String, at i: Int, _ base: Int, fix: String) -> ReportError {
        .literateSyntax(file: file, line: line, column: column(i, base), problem: "unclosed \(marker)", fix: fix)
    }

    private func find(_ chars: [Character], _ c: Character, from start: Int) -> Int? {
        var j = start
        while j < chars.count {
            if chars[j] == "\\" && c != "`" { j += 2; continue }
            if chars[j] == c { return j }
            j += 1
        }
        return nil
    }

    private func findMarker(_ chars: [Character], strong: Bool, from start: Int) -> Int? {
        var j = start
        while j < chars.count {
            if chars[j] == "\\" { j += 2; continue }
            if chars[j] == "`", let end = find(chars, "`", from: j + 1) { j = end + 1; continue }
            if chars[j] == "*" {
                let double = j + 1 < chars.count && chars[j + 1] == "*"
                if strong && double { return j }
                if !strong && !double { return j }
                if !strong && double { j += 2; continue }
            }
            j += 1
        }
        return nil
    }

    private func findClose(_ chars: [Character], from start: Int) -> Int? {
        var j = start
        while j + 1 < chars.count {
            if chars[j] == "}" && chars[j + 1] == "}" { return j }
            j += 1
        }
        return nil
    }
}

/// A parsed `{{ kind: argument }}` directive.
enum Directive: Equatable {
    case value(metric: String)
    case table(name: String)
    case figure(name: String, caption: String)

    static let kinds = ["value", "table", "figure"]

    var kind: String {
        switch self {
        case .value: return "value"
        case .table: return "table"
        case .figure: return "figure"
        }
    }

    /// Parses the text between `{{` and `}}`; `column` is where `{{` starts.
    static func parse(_ body: String, file: String, line: Int, column: Int,
                      variants: [String]?) throws(ReportError) -> Directive {
        let trimmed = body.trimmingCharacters(in: .whitespaces)
        guard let colon = trimmed.firstIndex(of: ":") else {
            let name = trimmed.isEmpty ? "(empty)" : trimmed
            throw ReportError.unknownDirective(file: file, line: line, column: column, name: name, known: kinds)
        }
        let kind = trimmed[..<colon].trimmingCharacters(in: .whitespaces)
        let argument = trimmed[trimmed.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        guard kinds.contains(kind) else {
            throw ReportError.unknownDirective(file: file, line: line, column: column, name: kind, known: kinds)
        }
        guard !argument.isEmpty else {
            throw ReportError.literateSyntax(file: file, line: line, column: column,
                                             problem: "the \(kind) directive has no argument",
                                             fix: "write {{ \(kind): <name> }}")
        }
        switch kind {
        case "value":
            do {
                return .value(metric: try MetricKey.parse(argument, variants: variants).description)
            } catch {
                throw ReportError.literateSyntax(file: file, line: line, column: column, problem: error.message,
                                                 fix: "use a metric key of the form " + MetricKey.templates.joined(separator: ", "))
            }
        case "table":
            return .table(name: argument)
        default:
            let parts = argument.split(separator: "|", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                throw ReportError.literateSyntax(file: file, line: line, column: column,
                                                 problem: "the figure directive needs a name and a caption",
                                                 fix: "write {{ figure: <name> | <caption> }}")
            }
            return .figure(name: parts[0], caption: parts[1])
        }
    }
}
