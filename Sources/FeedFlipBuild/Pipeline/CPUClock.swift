import Foundation

/// CPU time of the calling thread and of the whole process, in seconds.
public enum CPUClock {
    /// CPU seconds the calling thread has used (`CLOCK_THREAD_CPUTIME_ID`).
    public static var thread: Double { seconds(CLOCK_THREAD_CPUTIME_ID) }
    /// CPU seconds the process has used on all threads (`CLOCK_PROCESS_CPUTIME_ID`).
    public static var process: Double { seconds(CLOCK_PROCESS_CPUTIME_ID) }

    private static func seconds(_ clock: clockid_t) -> Double {
        var ts = timespec()
        clock_gettime(clock, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
    }
}
