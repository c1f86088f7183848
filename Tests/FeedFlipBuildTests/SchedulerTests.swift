import XCTest
import Foundation
import FeedFlipBuild

/// `Scheduler.map`: input order whatever the worker count; `onDone` once per item.
final class SchedulerTests: XCTestCase {
    func testResultsInInputOrderForAnyWorkerCount() {
        let items = Array(0..<23)
        for jobs in [1, 2, 3, 4, 50] {
            let seen = IndexLog(count: items.count)
            let out = Scheduler.map(items, jobs: jobs, onDone: { i, r in seen.record(i, r) }) { x -> String in
                // Uneven work so that items finish out of order with several workers.
                if x % 5 == 0 { usleep(2000) }
                return "item \(x * x)"
            }
            XCTAssertEqual(out, items.map { "item \($0 * $0)" }, "jobs \(jobs)")
            XCTAssertEqual(seen.counts, Array(repeating: 1, count: items.count), "jobs \(jobs): onDone once per item")
            XCTAssertEqual(seen.results, out, "jobs \(jobs): onDone receives each item's own result")
        }
    }

    func testEmptyInputAndNonPositiveJobs() {
        XCTAssertEqual(Scheduler.map([Int](), jobs: 4) { $0 + 1 }, [])
        XCTAssertEqual(Scheduler.map([1, 2, 3], jobs: 0) { $0 * 10 }, [10, 20, 30])
        XCTAssertEqual(Scheduler.map([1, 2, 3], jobs: -3) { $0 * 10 }, [10, 20, 30])
    }

    /// Optional results keep their place (a nil result is a result, not a missing one).
    func testOptionalResultsKeepTheirPlaces() {
        let out: [Int?] = Scheduler.map(Array(0..<10), jobs: 3) { $0 % 3 == 0 ? nil : $0 }
        XCTAssertEqual(out, [nil, 1, 2, nil, 4, 5, nil, 7, 8, nil])
    }

    func testWorkersRunConcurrently() throws {
        // Dispatch runs at most one worker per core: a single-core machine cannot show overlap.
        guard ProcessInfo.processInfo.activeProcessorCount >= 2 else { throw XCTSkip("needs 2 cores") }
        // With 4 workers on 4 items, at least 2 must overlap: each waits (up to 1 s) for another.
        let active = IndexLog(count: 1)
        _ = Scheduler.map(Array(0..<4), jobs: 4) { _ in active.enterAndWait() }
        XCTAssertGreaterThanOrEqual(active.maxConcurrent, 2)
    }

    func testDefaultJobsIsPositive() {
        XCTAssertGreaterThanOrEqual(Scheduler.defaultJobs, 1)
    }
}

/// Records `onDone` calls by index, thread-safely.
private final class IndexLog: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var counts: [Int]
    private var slots: [String?]
    private var current = 0
    private(set) var maxConcurrent = 0

    init(count: Int) {
        counts = Array(repeating: 0, count: count)
        slots = Array(repeating: nil, count: count)
    }

    func record(_ i: Int, _ r: String) {
        lock.lock(); counts[i] += 1; slots[i] = r; lock.unlock()
    }

    var results: [String] { lock.lock(); defer { lock.unlock() }; return slots.map { $0 ?? "<missing>" } }

    /// Marks a worker active and waits up to 1 s for a second one (never asserts time).
    func enterAndWait() {
        lock.lock(); current += 1; maxConcurrent = max(maxConcurrent, current); lock.unlock()
        for _ in 0..<1000 {
            lock.lock(); let m = maxConcurrent; lock.unlock()
            if m >= 2 { break }
            usleep(1000)
        }
        lock.lock(); current -= 1; lock.unlock()
    }
}
