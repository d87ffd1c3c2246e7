#if canImport(Glibc)
import Glibc
#endif

/// The monotonic clock in nanoseconds, read the same way for every timestamp the bench takes.
enum Clock {
    static func now() -> UInt64 {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
    }

    /// Nanoseconds as milliseconds.
    static func ms(_ nanoseconds: UInt64) -> Double { Double(nanoseconds) / 1_000_000 }

    /// Sleeps the calling thread for `nanoseconds`.
    static func sleep(_ nanoseconds: UInt64) {
        var request = timespec(tv_sec: Int(nanoseconds / 1_000_000_000), tv_nsec: Int(nanoseconds % 1_000_000_000))
        var remaining = timespec()
        while nanosleep(&request, &remaining) == -1 && errno == EINTR { request = remaining }
    }
}
