import Foundation
import FeedFlipReport

/// Collects the metrics of a build into a `MetricTable`: per-seed samples become estimates
/// (mean, std, 95% Student-t interval); keys are `MetricKey` texts.
public struct MetricsBuilder: Sendable {
    public private(set) var table = MetricTable()

    public init() {}

    /// Records per-seed `samples` of a metric. Non-finite samples (diverged runs) are left out of
    /// the estimate; when none is left, the metric is recorded as missing with `reason`.
    public mutating func add(_ key: MetricKey, samples: [Double], missingReason: String = "every run diverged") {
        let k = key.description
        let finite = samples.filter(\.isFinite)
        table.samples[k] = finite
        if let e = Estimate(samples: finite) {
            table.estimates[k] = e
        } else {
            table.notRunReasons[k] = missingReason
        }
    }

    /// Records an estimate computed elsewhere (a ratio of means, a paired difference) with the
    /// samples it came from; nil records the metric as missing with `reason`.
    public mutating func add(_ key: MetricKey, estimate: Estimate?, samples: [Double], missingReason: String) {
        let k = key.description
        table.samples[k] = samples.filter(\.isFinite)
        if let estimate, estimate.mean.isFinite { table.estimates[k] = estimate } else { table.notRunReasons[k] = missingReason }
    }

    /// Records a single value (a count, a baseline).
    public mutating func add(_ key: MetricKey, value: Double) {
        add(key, samples: [value])
    }

    /// Records why a whole benchmark (`ts`, `mnist`, `tiny`) has no metrics.
    public mutating func notRun(_ benchmark: String, reason: String) {
        table.notRunReasons[benchmark] = reason
    }
}
