import Foundation

/// The claims of the paper, as decoded from `paper/claims.json`.
///
/// File format (version 1):
/// ```json
/// { "format": "feedflip-claims/1",
///   "defaultTolerance": { "absolute": 5, "relative": 0.25 },
///   "claims": [ { "id": "...", "statement": "...", "source": "...", "interpretation": "...",
///                 "metric": "ts.rel_mse_pct[Vanilla DFA]", "reference": { "range": [5, 10] },
///                 "tolerance": { "absolute": 5, "relative": 0.25 },
///                 "expect": "deviation", "reason": "..." } ] }
/// ```
/// `reference` is one of `{"point": r}`, `{"range": [a, b]}`, `{"atMost": r}`, `{"atLeast": r}`,
/// `{"below": "<metric>"}`, `{"above": "<metric>"}`, `{"exact": r, "relativeTolerance": t}`,
/// `"unstable"`, `"tbd"` or `{"tbd": "<reason>"}`. `tolerance`, `expect` and `reason` are optional;
/// `expect` must be `"deviation"` and then requires `reason`.
public struct ClaimSet: Equatable, Sendable {
    /// The claims in file order; ids are unique.
    public var claims: [Claim]
    /// The tolerance claims inherit when they set none.
    public var defaultTolerance: Tolerance

    /// A claim set from claims already built.
    public init(claims: [Claim], defaultTolerance: Tolerance = .paperDefault) {
        self.claims = claims
        self.defaultTolerance = defaultTolerance
    }

    /// The claim with identifier `id`, if any.
    public func claim(id: String) -> Claim? { claims.first { $0.id == id } }

    /// The paper's numeric reference per metric, for figures: a point claim as `r...r`, a
    /// range claim as `a...b`; the first such claim of a metric wins. Other kinds (bounds,
    /// orderings, exact values, "unstable", TBD) give no entry.
    public var referenceValues: [String: ClosedRange<Double>] {
        var out: [String: ClosedRange<Double>] = [:]
        for c in claims where out[c.metric] == nil {
            switch c.reference {
            case let .point(r): out[c.metric] = r...r
            case let .range(a, b): out[c.metric] = a...b
            default: break
            }
        }
        return out
    }

    /// Reads and validates a claims file.
    /// - Parameters:
    ///   - url: the file; messages name it by `url.relativePath` (pass a relative URL for short messages).
    ///   - variants: the accepted variant names in metric keys (e.g. `Variant.all.map(\.name)`);
    ///     nil accepts any name.
    /// - Throws: `ReportError` naming the file, the claim or JSON path, the problem and the fix.
    public static func load(from url: URL, variants: [String]? = nil) throws(ReportError) -> ClaimSet {
        let file = url.relativePath
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw .unreadable(file: file, reason: (error as NSError).localizedDescription)
        }
        return try decode(data, file: file, variants: variants)
    }

    /// Decodes and validates claims from `data`; `file` names the source in messages.
    public static func decode(_ data: Data, file: String, variants: [String]? = nil) throws(ReportError) -> ClaimSet {
        let root: JSONValue
        do { root = try JSONValue.parse(data) } catch { throw .notJSON(file: file, reason: error.text) }
        var reader = ClaimReader(file: file, variants: variants)
        return try reader.read(root)
    }
}
