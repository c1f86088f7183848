import Foundation

/// What a literate document refers to, so the pipeline can check it supplies everything.
public struct DocumentReferences: Equatable, Sendable {
    /// Metric keys of `{{ value: }}` directives, in order of first use.
    public var metrics: [String] = []
    /// Names of `{{ table: }}` directives (built-in ones included), in order of first use.
    public var tables: [String] = []
    /// Names of `{{ figure: }}` directives, in order of first use.
    public var figures: [String] = []
}

extension LiterateDocument {
    /// Every metric, table and figure the document's directives name (each once).
    public var references: DocumentReferences {
        var r = DocumentReferences()
        func add(_ name: String, to list: inout [String]) { if !list.contains(name) { list.append(name) } }
        func visit(_ xs: [Inline]) {
            for x in xs {
                switch x {
                case let .value(metric, _, _): add(metric, to: &r.metrics)
                case let .emphasis(ys), let .strong(ys), let .link(ys, _): visit(ys)
                case .text, .code, .notRun: break
                }
            }
        }
        func visit(_ b: Block) {
            switch b {
            case let .heading(_, xs), let .paragraph(xs): visit(xs)
            case let .list(_, items): items.forEach { $0.forEach(visit) }
            case let .table(header, rows, caption):
                header.forEach(visit)
                rows.forEach { $0.forEach(visit) }
                caption.map(visit)
            case let .tableDirective(name, _, _): add(name, to: &r.tables)
            case let .figureDirective(name, caption, _, _):
                add(name, to: &r.figures)
                visit(caption)
            case let .figure(name, _, caption):
                add(name, to: &r.figures)
                visit(caption)
            case .code, .notRun: break
            }
        }
        blocks.forEach(visit)
        return r
    }
}
