import Foundation

/// Runs independent jobs on `jobs` worker threads. Results come back in input order, so the
/// outcome never depends on the number of workers or on timing.
public enum Scheduler {
    /// Runs `work` for every item, at most `jobs` at once; `onDone` is called (on a worker
    /// thread) after each item finishes, with its index.
    public static func map<Item: Sendable, Result: Sendable>(
        _ items: [Item], jobs: Int,
        onDone: (@Sendable (Int, Result) -> Void)? = nil,
        _ work: @escaping @Sendable (Item) -> Result
    ) -> [Result] {
        let box = ResultBox<Result>(count: items.count)
        let workers = max(1, min(jobs, items.count))
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while let i = box.claim() {
                let r = work(items[i])
                box.store(r, at: i)
                onDone?(i, r)
            }
        }
        return box.results()
    }

    /// The default worker count: the number of active processor cores.
    public static var defaultJobs: Int { ProcessInfo.processInfo.activeProcessorCount }
}

/// Shared state of one `Scheduler.map` call: the next index to claim and the results.
private final class ResultBox<Result>: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0
    private var slots: [Result?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func claim() -> Int? {
        lock.lock(); defer { lock.unlock() }
        guard next < slots.count else { return nil }
        next += 1
        return next - 1
    }

    func store(_ r: Result, at i: Int) {
        lock.lock(); slots[i] = r; lock.unlock()
    }

    func results() -> [Result] {
        lock.lock(); defer { lock.unlock() }
        return slots.compactMap { $0 }
    }
}
