import Foundation
import FeedFlipCore

/// Speed of the time-series engine, measured against references taken in the same run:
/// the scalar libm `tanh` rate on this machine, and the grid's CPU time per mode.
public enum TimeSeriesBench {
    /// One measured configuration.
    public struct Row: Sendable {
        public var label: String
        public var runs: Int
        public var wallSeconds: Double
        public var cpuSeconds: Double
        /// Forward-pass tanh evaluations of the grid (epochs × 200 points × (8·depth + 1) per run).
        public var tanhCount: Double
    }

    /// The forward tanh evaluations of one run.
    static func tanhCount(_ s: TimeSeriesSpec) -> Double {
        Double(s.epochs) * 200 * Double(8 * s.depth + 1)
    }

    /// Scalar libm tanh throughput (evaluations per second), measured over `n` values.
    public static func libmTanhRate(n: Int = 20_000_000) -> Double {
        var xs = [Double](repeating: 0, count: 4096)
        for i in xs.indices { xs[i] = Double(i) / 1024 - 2 }
        var acc = 0.0
        let t0 = CPUClock.thread
        var done = 0
        while done < n {
            for x in xs { acc += Foundation.tanh(x) }
            done += xs.count
        }
        let dt = CPUClock.thread - t0
        // Keep `acc` observable so the loop is not optimised away.
        if acc == .infinity { return 0 }
        return Double(done) / dt
    }

    /// Runs the grid `specs` on `jobs` threads and measures wall and CPU time.
    public static func measure(_ label: String, _ specs: [TimeSeriesSpec], jobs: Int) -> Row {
        let wall0 = Date(), cpu0 = CPUClock.process
        _ = Scheduler.map(specs, jobs: jobs) { TimeSeriesEngine.run($0) }
        return Row(label: label, runs: specs.count, wallSeconds: Date().timeIntervalSince(wall0),
                   cpuSeconds: CPUClock.process - cpu0, tanhCount: specs.map(tanhCount).reduce(0, +))
    }

    /// The grid: 10 variants × depths 1 2 4 × freqs 1 3 5 × `seeds` × 300 epochs.
    public static func paperGrid(mode: RandomMode, seeds: Int, epochs: Int = 300) -> [TimeSeriesSpec] {
        Variant.timeSeries.flatMap { v in [1, 2, 4].flatMap { d in [1, 3, 5].flatMap { k in (0..<seeds).map { s in
            TimeSeriesSpec(variant: v, depth: d, frequency: k, seed: s, epochs: epochs, mode: mode)
        } } } }
    }

    /// Measures the paper grid in both modes, single-threaded and on `jobs` threads, and formats a table.
    public static func report(seeds: Int, jobs: Int) -> String {
        let libm = libmTanhRate()
        var rows: [Row] = []
        for mode in [RandomMode.fast, .reference] {
            let grid = paperGrid(mode: mode, seeds: seeds)
            rows.append(measure("\(mode.rawValue), 1 thread", grid, jobs: 1))
            if jobs > 1 { rows.append(measure("\(mode.rawValue), \(jobs) threads", grid, jobs: jobs)) }
        }
        var lines = [
            "time series: \(rows.first?.runs ?? 0) runs (10 variants x depths 1 2 4 x freqs 1 3 5 x \(seeds) seeds x 300 epochs)",
            String(format: "reference: scalar libm tanh on this machine: %.1f M/s (%.2f ns each)", libm / 1e6, 1e9 / libm),
            "mode, threads            wall s    CPU s   tanh M/s (CPU)   vs libm tanh",
        ]
        for r in rows {
            let rate = r.tanhCount / r.cpuSeconds
            lines.append(r.label.padding(toLength: 24, withPad: " ", startingAt: 0)
                + String(format: " %7.3f  %7.3f   %14.1f   %9.2fx", r.wallSeconds, r.cpuSeconds, rate / 1e6, rate / libm))
        }
        if seeds == 10 {
            lines.append("(the original NumPy code needs about 29 s of CPU for this grid on these machines; not measured here)")
        }
        return lines.joined(separator: "\n")
    }
}
