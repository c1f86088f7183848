import Foundation

/// `ClaimResult` as a flat JSON object for `results.json`:
/// `{"id", "statement", "metric", "reference", "tolerance", "criterion", "verdict", "reason",
///   "value", "comparedTo", "detail", "needsTolerance", "source", "interpretation"}` (`reason`, `value` and
/// `comparedTo` are omitted when absent; `value` is an `Estimate`).
extension ClaimResult: Encodable {
    private enum Keys: String, CodingKey {
        case id, statement, metric, reference, tolerance, criterion, verdict, reason, value, comparedTo,
             detail, needsTolerance, source, interpretation
    }

    /// Encodes the flat object described on the extension.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(claim.id, forKey: .id)
        try c.encode(claim.statement, forKey: .statement)
        try c.encode(claim.metric, forKey: .metric)
        try c.encode(claim.reference.text, forKey: .reference)
        try c.encode(claim.toleranceText, forKey: .tolerance)
        try c.encode(claim.criterion, forKey: .criterion)
        try c.encode(verdict.label, forKey: .verdict)
        try c.encodeIfPresent(verdict.reason, forKey: .reason)
        try c.encodeIfPresent(value, forKey: .value)
        try c.encodeIfPresent(comparedTo, forKey: .comparedTo)
        try c.encode(detail, forKey: .detail)
        try c.encode(needsTolerance, forKey: .needsTolerance)
        try c.encode(claim.source, forKey: .source)
        try c.encode(claim.interpretation, forKey: .interpretation)
    }
}
