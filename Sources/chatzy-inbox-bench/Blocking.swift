import Dispatch
import Synchronization

/// Runs async work (starting a demo server, HTTP requests) from the synchronous bench and
/// waits for its result. The pty is driven on the main thread, outside Swift concurrency,
/// so that the servers' tasks never wait behind a blocked cooperative thread.
func runBlocking<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) throws -> T {
    let result = Mutex<Result<T, Error>?>(nil)
    let done = DispatchSemaphore(value: 0)
    Task {
        let outcome: Result<T, Error>
        do { outcome = .success(try await body()) } catch { outcome = .failure(error) }
        result.withLock { $0 = outcome }
        done.signal()
    }
    done.wait()
    return try result.withLock { $0! }.get()
}
