import Foundation

/// Turns a `DecodingError` into a `BuildError.badInput` naming the file, the JSON path,
/// what was expected and what to do.
enum DecodingProblem {
    /// - Parameter data: the bytes that failed to decode, to locate a syntax error by line and column.
    static func describe(_ error: any Error, file: String, fix: String, data: Data? = nil) -> BuildError {
        if case let .dataCorrupted(ctx)? = error as? DecodingError, ctx.codingPath.isEmpty,
           ctx.underlyingError == nil, let data, let syntax = syntaxProblem(data) {
            return .badInput(file: file, place: syntax.place, problem: "not valid JSON: \(syntax.text)", fix: fix)
        }
        guard let e = error as? DecodingError else {
            return .badInput(file: file, place: "line 1", problem: "not valid JSON (\(error.localizedDescription))", fix: fix)
        }
        switch e {
        case let .typeMismatch(type, ctx):
            return .badInput(file: file, place: path(ctx.codingPath),
                             problem: "expected \(typeName(type)) (\(ctx.debugDescription))", fix: fix)
        case let .valueNotFound(type, ctx):
            return .badInput(file: file, place: path(ctx.codingPath),
                             problem: "expected \(typeName(type)), found null", fix: fix)
        case let .keyNotFound(key, ctx):
            return .badInput(file: file, place: path(ctx.codingPath + [key]),
                             problem: "missing required key \"\(key.stringValue)\"", fix: fix)
        case let .dataCorrupted(ctx):
            let underlying = (ctx.underlyingError as NSError?)?.userInfo["NSDebugDescription"] as? String
            return .badInput(file: file, place: ctx.codingPath.isEmpty ? "document" : path(ctx.codingPath),
                             problem: underlying.map { "not valid JSON: \($0)" } ?? ctx.debugDescription, fix: fix)
        @unknown default:
            return .badInput(file: file, place: "document", problem: "\(e)", fix: fix)
        }
    }

    /// The JSON parser's message for `data` and the line and column it points at (1-based);
    /// nil when `data` is well-formed JSON. (swift-corelibs' JSONDecoder reports only "not valid
    /// JSON"; JSONSerialization says "... around character N", N counted from 0.)
    static func syntaxProblem(_ data: Data) -> (place: String, text: String)? {
        do {
            _ = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
            return nil
        } catch {
            let text = (error as NSError).userInfo["NSDebugDescription"] as? String ?? error.localizedDescription
            guard let r = text.range(of: #"character \d+"#, options: .regularExpression),
                  let offset = Int(text[r].dropFirst("character ".count)) else { return ("document", text) }
            let before = Array(data).prefix(offset)
            let line = before.filter { $0 == 0x0A }.count + 1
            let column = offset - (before.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0) + 1
            return ("line \(line), column \(column)", text)
        }
    }

    /// A JSON path like `profiles.smoke.timeseries.depths[1]`.
    static func path(_ keys: [any CodingKey]) -> String {
        guard !keys.isEmpty else { return "document" }
        var s = ""
        for k in keys {
            if let i = k.intValue { s += "[\(i)]" } else { s += (s.isEmpty ? "" : ".") + k.stringValue }
        }
        return s
    }

    private static func typeName(_ t: Any.Type) -> String {
        switch t {
        case is Int.Type: return "a whole number"
        case is Double.Type: return "a number"
        case is String.Type: return "a string"
        case is Bool.Type: return "true or false"
        default: return "\(t)".contains("Array") ? "a list" : "an object"
        }
    }
}
