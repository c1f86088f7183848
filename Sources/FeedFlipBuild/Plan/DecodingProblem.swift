import Foundation

/// Turns a `DecodingError` into a `BuildError.badInput` naming the file, the JSON path,
/// what was expected and what to do.
enum DecodingProblem {
    static func describe(_ error: any Error, file: String, fix: String) -> BuildError {
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
