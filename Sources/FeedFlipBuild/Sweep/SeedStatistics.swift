import Foundation

/// Mean, sample standard deviation, minimum and maximum of values over seeds.
public struct SeedStatistics: Codable, Hashable, Sendable {
    /// How many values (seeds) went in.
    public var n: Int
    public var mean: Double
    /// Sample standard deviation (divisor n − 1); 0 when n == 1.
    public var std: Double
    public var min: Double
    public var max: Double

    /// Statistics of the finite values in `values`; `nil` when none is finite.
    public init?(_ values: [Double]) {
        let xs = values.filter(\.isFinite)
        guard let lo = xs.min(), let hi = xs.max() else { return nil }
        n = xs.count
        mean = xs.reduce(0, +) / Double(xs.count)
        let m = mean
        std = xs.count > 1 ? (xs.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(xs.count - 1)).squareRoot() : 0
        min = lo
        max = hi
    }
}
