import Dispatch
import Testing

/// Runs each test of a suite on a serial Dispatch queue of its own instead of Swift's
/// cooperative pool. The pool has one thread per core, and CPU-bound tests elsewhere in the
/// run (the decoder fuzzing) can hold it for tens of seconds; a terminal test waiting on it
/// would miss its own deadlines while the inbox it drives is fine. On its own queue the test
/// still awaits between polls, so it never holds a pool thread either.
struct OwnThreadsTrait: SuiteTrait, TestTrait, TestScoping {
    var isRecursive: Bool { true }

    func provideScope(for test: Test, testCase: Test.Case?,
                      performing function: @Sendable () async throws -> Void) async throws {
        // Only test functions (and their cases) get a queue; a suite's own scope passes through.
        guard !test.isSuite else { return try await function() }
        try await withTaskExecutorPreference(QueueExecutor(label: "e2e \(test.name)")) {
            try await function()
        }
    }
}

extension Trait where Self == OwnThreadsTrait {
    /// Each test on a Dispatch queue of its own (see `OwnThreadsTrait`).
    static var ownThreads: Self { Self() }
}

/// A task executor on a serial `DispatchQueue`.
final class QueueExecutor: TaskExecutor {
    private let queue: DispatchQueue

    init(label: String) {
        queue = DispatchQueue(label: label)
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        queue.async { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }
}
