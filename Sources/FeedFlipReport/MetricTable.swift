import Foundation

/// The measured values a build produced, keyed by metric key (see `MetricKey`).
public struct MetricTable: Codable, Equatable, Sendable {
    /// Every estimate, by metric key, e.g. `ts.rel_mse_pct[Vanilla DFA]`.
    public var estimates: [String: Estimate]
    /// Optional per-seed samples by metric key (e.g. `ts.grid_mse[<variant>]`, one value per seed).
    public var samples: [String: [Double]]
    /// Why values are absent, by benchmark prefix (`ts`, `mnist`, `tiny`) or by full metric key,
    /// e.g. `["mnist": "benchmark mnist is not in profile smoke"]`.
    public var notRunReasons: [String: String]

    /// A table from its parts.
    public init(estimates: [String: Estimate] = [:], samples: [String: [Double]] = [:],
                notRunReasons: [String: String] = [:]) {
        self.estimates = estimates
        self.samples = samples
        self.notRunReasons = notRunReasons
    }

    /// The estimate of `key`, if the build produced it.
    public subscript(key: String) -> Estimate? { estimates[key] }

    /// Why `key` has no value: the reason for the key, else for its benchmark, else a generic one.
    public func reasonMissing(_ key: String) -> String {
        if let r = notRunReasons[key] { return r }
        let prefix = String(key.prefix { $0 != "." })
        if let r = notRunReasons[prefix] { return r }
        return "metric \(key) was not produced by this build"
    }

    /// The seed spread of each variant that has one: `ts.seed_spread[v]`, else the `std` of
    /// `ts.grid_mse[v]` (n ≥ 2), else the sample std of `samples["ts.grid_mse[v]"]` (n ≥ 2).
    public func seedSpreads() -> [String: Double] {
        var result: [String: Double] = [:]
        for (key, value) in samples {
            guard let k = try? MetricKey.parse(key), k.family == "ts.grid_mse", let v = k.variant,
                  value.count >= 2 else { continue }
            result[v] = Statistics.sampleStandardDeviation(value)
        }
        for (key, e) in estimates {
            guard let k = try? MetricKey.parse(key), let v = k.variant else { continue }
            if k.family == "ts.grid_mse", e.hasInterval { result[v] = e.std }
        }
        for (key, e) in estimates {
            guard let k = try? MetricKey.parse(key), let v = k.variant else { continue }
            if k.family == "ts.seed_spread" { result[v] = e.mean }
        }
        return result
    }
}
