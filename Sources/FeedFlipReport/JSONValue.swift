import Foundation

/// A parsed JSON value, so that files can be validated field by field with precise messages.
enum JSONValue: Decodable, Equatable, Sendable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null; return }
        if let b = try? c.decode(Bool.self) { self = .bool(b); return }
        if let d = try? c.decode(Double.self) { self = .number(d); return }
        if let s = try? c.decode(String.self) { self = .string(s); return }
        if let a = try? c.decode([JSONValue].self) { self = .array(a); return }
        self = .object(try c.decode([String: JSONValue].self))
    }

    /// The kind as a noun for messages: "a string", "a number", ...
    var kindName: String {
        switch self {
        case .null: return "null"
        case .bool: return "a boolean"
        case .number: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }

    /// Parses `data`; the error text names the line and column where the syntax breaks when
    /// Foundation reports a character offset.
    static func parse(_ data: Data) throws(ReportErrorText) -> JSONValue {
        do {
            return try JSONDecoder().decode(JSONValue.self, from: data)
        } catch {
            throw ReportErrorText(text: syntaxMessage(data))
        }
    }

    /// Foundation's description of the syntax error, with "character N" turned into line:column.
    private static func syntaxMessage(_ data: Data) -> String {
        var text = "the data is not valid JSON"
        do { _ = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) } catch {
            text = ((error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String) ?? text
        }
        guard let range = text.range(of: "character "),
              let offset = Int(text[range.upperBound...].prefix { $0.isNumber }) else { return text }
        var line = 1, column = 1
        for (i, byte) in data.enumerated() where i < offset {
            if byte == 10 { line += 1; column = 1 } else if byte & 0xC0 != 0x80 { column += 1 }
        }
        return text.replacingOccurrences(of: "around character \(offset)", with: "at line \(line), column \(column)")
    }
}

/// A message carried out of a helper to be wrapped into a `ReportError` by the caller.
struct ReportErrorText: Error {
    var text: String
}
