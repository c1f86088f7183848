import Foundation

/// Deterministic JSON text: sorted keys, two-space indentation, non-finite numbers as the
/// strings "nan", "inf", "-inf" (JSON has no literal for them).
public enum JSONText {
    /// Encodes `value`, ending in a newline.
    /// - Throws: `BuildError.invalid` when the value cannot be encoded (a bug, reported clearly).
    public static func encode(_ value: some Encodable) throws(BuildError) -> String {
        let enc = JSONEncoder()
        enc.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        enc.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        do {
            let data = try enc.encode(value)
            return String(decoding: data, as: UTF8.self) + "\n"
        } catch {
            throw .invalid("internal error: cannot encode JSON: \(error)")
        }
    }
}
