// Writing numbers for people: significant digits, true minus signs, no float noise.

import Foundation

/// Number formatting used by annotations and tick labels.
public enum NumberText {
    /// `value` with `digits` significant digits: fixed notation for 1e-3 <= |v| < 1e5
    /// ("0.0123", "4.57", "1230"), otherwise "1.23e−5"; "NaN", "∞", "−∞" for non-finite values.
    public static func significant(_ value: Double, digits: Int = 3) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value > 0 ? "∞" : "−∞" }
        if value == 0 { return "0" }
        let d = min(max(digits, 1), 12)
        let magnitude = abs(value)
        let text: String
        if magnitude >= 1e-3 && magnitude < 1e5 {
            // Round first so that 9.996 with 3 digits becomes "10.0", not "9.996" -> "10.00".
            let rounded = Double(String(format: "%.\(d - 1)e", value)) ?? value
            let e = Int(floor(log10(abs(rounded))))
            text = String(format: "%.\(max(0, d - 1 - e))f", rounded)
        } else {
            let parts = String(format: "%.\(d - 1)e", value).split(separator: "e")
            let mantissa = parts.first.map(String.init) ?? ""
            let exponent = parts.count > 1 ? (Int(parts[1]) ?? 0) : 0
            text = "\(mantissa)e\(exponent)"
        }
        return text.replacingOccurrences(of: "-", with: "−")
    }
}
