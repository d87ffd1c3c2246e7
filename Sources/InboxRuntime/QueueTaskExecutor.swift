import Dispatch

/// Runs Swift tasks' jobs on a serial `DispatchQueue`. The worker's fetch tasks prefer it,
/// so their code (the client's request building, decoding, resumption after the network)
/// never waits for a cooperative pool that other work keeps busy — an embedded demo server
/// seeding its data, or, in tests, suites that block pool threads.
@available(macOS 15.0, *)
final class QueueTaskExecutor: TaskExecutor {
    private let queue: DispatchQueue

    init(queue: DispatchQueue) {
        self.queue = queue
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        queue.async { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }
}
