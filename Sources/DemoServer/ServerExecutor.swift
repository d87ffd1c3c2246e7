import Dispatch

/// Runs the demo server's tasks (Hummingbird's connection and request tasks inherit it from
/// the server task) on a serial `DispatchQueue` of their own, not on Swift's cooperative pool.
/// The pool has one thread per core; when it is busy — the inbox drawing in the same process,
/// or tests that block its threads while they drive a terminal — a server on it would stop
/// answering, and its clients would report time-outs that are not the server's.
final class ServerExecutor: TaskExecutor {
    private let queue = DispatchQueue(label: "chatzy-demo-server")

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        queue.async { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }
}
