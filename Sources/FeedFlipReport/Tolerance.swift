import Foundation

/// How far a reproduced value may sit from a reference value and still count as agreeing.
///
/// The allowance around a reference value `ref` is `tol(ref) = max(absolute, relative·|ref|)`.
/// The default (CLAIMS.md) is `absolute = 5` (percentage points) and `relative = 0.25`:
/// "5 percentage points or 25% of the value, whichever is larger".
/// Agreement is never an `Equatable`; `Verdicts` applies the exact inequalities documented on
/// `Reference`.
public struct Tolerance: Codable, Equatable, Sendable {
    /// The absolute allowance, in the metric's unit.
    public var absolute: Double
    /// The relative allowance, as a fraction of `|ref|`.
    public var relative: Double

    /// A tolerance of `max(absolute, relative·|ref|)`.
    public init(absolute: Double, relative: Double) {
        self.absolute = absolute
        self.relative = relative
    }

    /// CLAIMS.md's default: 5 points or 25% of the value, whichever is larger.
    public static let paperDefault = Tolerance(absolute: 5, relative: 0.25)

    /// No allowance at all.
    public static let zero = Tolerance(absolute: 0, relative: 0)

    /// The allowance `max(absolute, relative·|ref|)` around the reference value `ref`.
    public func allowance(at ref: Double) -> Double {
        max(absolute, relative * abs(ref))
    }

    /// The formula as text, e.g. `max(5, 0.25·|ref|)`, or `5` / `0.25·|ref|` / `0` when one part is zero.
    public var formula: String {
        switch (absolute != 0, relative != 0) {
        case (true, true): return "max(\(NumberFormat.plain(absolute)), \(NumberFormat.plain(relative))·|ref|)"
        case (true, false): return NumberFormat.plain(absolute)
        case (false, true): return "\(NumberFormat.plain(relative))·|ref|"
        case (false, false): return "0"
        }
    }
}
