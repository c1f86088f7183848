import FeedFlipCore
import Foundation
import XCTest

/// Prints the time of the issue's speed grid (10 variants x depths 1 2 4 x frequencies 1 3 5 x
/// seeds 0-9 x 300 epochs = 900 runs, single-threaded). A measurement, not a check: it runs
/// only with `FEEDFLIP_BENCH=1` and asserts nothing about the time.
final class GridTimingTests: XCTestCase {
    static func grid(_ mode: RandomMode) -> [TimeSeriesSpec] {
        var specs: [TimeSeriesSpec] = []
        for v in Variant.timeSeries {
            for d in [1, 2, 4] {
                for k in [1, 3, 5] {
                    for s in 0..<10 {
                        specs.append(TimeSeriesSpec(variant: v, depth: d, frequency: k, seed: s,
                                                    epochs: 300, mode: mode))
                    }
                }
            }
        }
        return specs
    }

    /// User + system CPU seconds of this process so far.
    static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
            + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
    }

    func testPrintTanhTime() throws {
        guard ProcessInfo.processInfo.environment["FEEDFLIP_BENCH"] == "1" else {
            throw XCTSkip("set FEEDFLIP_BENCH=1 to time the vectorised tanh")
        }
        let base = (0..<1600).map { Double($0 - 800) / 300 }
        var sum = 0.0
        let t0 = Self.cpuSeconds()
        for _ in 0..<250_000 {
            var v = base
            FastTanh.apply(to: &v)
            sum += v[7]
        }
        print("fast tanh: 4e8 values in \(String(format: "%.3f", Self.cpuSeconds() - t0)) s CPU (\(sum))")
    }

    func testPrintGridTimes() throws {
        guard ProcessInfo.processInfo.environment["FEEDFLIP_BENCH"] == "1" else {
            throw XCTSkip("set FEEDFLIP_BENCH=1 to time the 900-run grid")
        }
        let only = ProcessInfo.processInfo.environment["FEEDFLIP_BENCH_MODE"].flatMap(RandomMode.init(rawValue:))
        for mode in only.map({ [$0] }) ?? [RandomMode.fast, .reference] {
            let specs = Self.grid(mode)
            let start = DispatchTime.now().uptimeNanoseconds
            let cpuStart = Self.cpuSeconds()
            let results = TimeSeriesEngine.runGrid(specs)
            let cpu = Self.cpuSeconds() - cpuStart
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            let mean = results.map(\.finalMSE).reduce(0, +) / Double(results.count)
            print("grid \(mode): \(specs.count) runs in \(String(format: "%.3f", cpu)) s CPU, "
                  + "\(String(format: "%.3f", seconds)) s wall (mean final MSE \(mean))")
            if ProcessInfo.processInfo.environment["FEEDFLIP_BENCH_DETAIL"] == "1" {
                for v in Variant.timeSeries {
                    let sub = specs.filter { $0.variant == v }
                    let t0 = Self.cpuSeconds()
                    _ = TimeSeriesEngine.runGrid(sub)
                    let s = Self.cpuSeconds() - t0
                    print("  \(v.name): \(String(format: "%.3f", s)) s")
                }
            }
        }
    }
}
