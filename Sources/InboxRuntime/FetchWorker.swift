import ChatzyAPI
import Dispatch
import InboxCore

/// Runs the view-model's effects off the UI thread and turns their outcomes back into
/// actions. Returns at once from every call; nothing it does ever blocks a key.
///
/// - `.fetch`: the page is fetched through the API client in a `Task` on the worker's own
///   executor (not the shared cooperative pool), at most `maxInFlight` at once, a visible
///   page before any prefetch (see `Admission`). The answer is delivered as `.pageLoaded`
///   or `.pageFailed` carrying the request.
/// - `.cancel`: a waiting request is dropped; a running one has its task cancelled, which
///   cancels the URLSession task on the wire. Its answer, if one still comes, is not delivered.
/// - `.schedule`: a `DispatchWorkItem` per timer id on the injected clock, replacing (and
///   cancelling) the previous one with that id; when it fires, its action is delivered.
///
/// Retrying is not decided here: the reducer computes the backoff and `Retry-After` delay,
/// and asks for it with a `.schedule(timer: .retry, …)` that the worker honours to the
/// millisecond, so the policy stays pure, deterministic and tested in InboxCore.
public final class FetchWorker: @unchecked Sendable {
    // `@unchecked Sendable` is safe: the `let`s are Sendable or immutable, and every `var`
    // below is read and written only on `queue`, a serial queue: the public methods reach
    // them only inside `queue.async`/`queue.sync`, task completions hop onto `queue` before
    // touching them, and the private helpers check `dispatchPrecondition(.onQueue(queue))`.
    /// What the default in-flight limit allows: the page the user is looking at and one prefetch.
    public static let defaultMaxInFlight = 2

    private let queue = DispatchQueue(label: "chatzy-inbox.fetch-worker")
    /// Where the fetch tasks run (see `QueueTaskExecutor`): apart from `queue`, so that
    /// decoding a page never delays a cancel or a timer.
    private let taskQueue = DispatchQueue(label: "chatzy-inbox.fetch-worker.tasks")
    private let client: any ContactsFetching
    private let email: String
    private let clock: any InboxClock
    private let deliver: @Sendable (Action) -> Void

    private var admission: Admission
    private var tasks: [Int: Task<Void, Never>] = [:]
    private var timers: [TimerID: (token: Int, work: TimerWork)] = [:]
    private var timerTokens = 0
    private var stopped = false

    /// `deliver` is called on the worker's queue with each result (normally `Mailbox.post`).
    public init(client: any ContactsFetching, email: String, clock: any InboxClock = SystemClock(),
                maxInFlight: Int = FetchWorker.defaultMaxInFlight,
                deliver: @escaping @Sendable (Action) -> Void) {
        self.client = client
        self.email = email
        self.clock = clock
        self.deliver = deliver
        self.admission = Admission(limit: maxInFlight)
    }

    /// Starts the effects, in order; returns at once.
    public func run(_ effects: [Effect]) {
        guard !effects.isEmpty else { return }
        queue.async {
            guard !self.stopped else { return }
            effects.forEach(self.perform)
            self.startAdmitted()
        }
    }

    /// Cancels every request and timer and ignores effects from now on. Waits for the
    /// worker's queue; never call it from a delivery.
    public func stop() {
        queue.sync {
            stopped = true
            tasks.values.forEach { $0.cancel() }
            tasks.removeAll()
            admission.removeAll()
            timers.values.forEach { $0.work.cancel() }
            timers.removeAll()
        }
    }

    /// What the worker is doing, once every effect handed to it so far has been taken in.
    public struct Snapshot: Equatable, Sendable {
        /// Ids of the requests on the wire.
        public var inFlight: Set<Int>
        /// Ids of the requests waiting for a slot, in the order they will start.
        public var waiting: [Int]
        /// Timers armed and not yet fired.
        public var timers: Set<TimerID>
        /// Nothing in flight, waiting or armed.
        public var isIdle: Bool { inFlight.isEmpty && waiting.isEmpty && timers.isEmpty }
    }

    /// Waits for the worker's queue and reports its state (for tests and diagnostics).
    public func snapshot() -> Snapshot {
        queue.sync {
            Snapshot(inFlight: Set(tasks.keys), waiting: admission.startOrder.map(\.id), timers: Set(timers.keys))
        }
    }

    private func perform(_ effect: Effect) {
        dispatchPrecondition(condition: .onQueue(queue))
        switch effect {
        case .fetch(let request):
            admission.enqueue(request)
        case .fetchConversation(let request):
            startConversation(request)
        case .cancel(let id):
            admission.remove(id: id)
            tasks.removeValue(forKey: id)?.cancel()
        case .schedule(let timer, let milliseconds, let action):
            arm(timer, after: milliseconds, action)
        case .quit:
            break
        }
    }

    /// Replaces the timer `id`: the old item is cancelled, and a token guards against an
    /// item that was already running when it was replaced.
    private func arm(_ id: TimerID, after milliseconds: Int, _ action: Action) {
        timers[id]?.work.cancel()
        timerTokens += 1
        let token = timerTokens
        let work = TimerWork { [weak self] in self?.fire(id, token: token, action) }
        timers[id] = (token, work)
        clock.schedule(work, after: milliseconds, on: queue)
    }

    private func fire(_ id: TimerID, token: Int, _ action: Action) {
        dispatchPrecondition(condition: .onQueue(queue))
        guard !stopped, timers[id]?.token == token else { return }
        timers[id] = nil
        deliver(action)
    }

    /// Puts every request the admission allows on the wire.
    private func startAdmitted() {
        dispatchPrecondition(condition: .onQueue(queue))
        while let request = admission.next() { start(request) }
    }

    private func start(_ request: PageRequest) {
        let client = self.client
        let query = request.query(email: email)
        tasks[request.id] = spawn { [weak self] in
            let action: Action
            do throws(APIError) {
                action = .pageLoaded(request, try await client.contacts(query))
            } catch {
                action = .pageFailed(request, error)
            }
            guard let self else { return }
            self.queue.async { self.finish(request, action) }
        }
    }

    /// A conversation page goes straight on the wire: the user opened it and is looking at it.
    /// Request ids share one space with pages, so `.cancel` reaches it the same way.
    private func startConversation(_ request: ConversationRequest) {
        let deliver: @Sendable (Action) -> Void = { [weak self] action in
            guard let self else { return }
            self.queue.async {
                guard !self.stopped, self.tasks.removeValue(forKey: request.id) != nil else { return }
                self.deliver(action)
            }
        }
        tasks[request.id] = ConversationFetch.start(request, client: client, deliver: deliver) {}
    }

    /// A task on the worker's own executor where the platform has task executors.
    private func spawn(_ operation: @escaping @Sendable () async -> Void) -> Task<Void, Never> {
        if #available(macOS 15.0, *) {
            return Task(executorPreference: QueueTaskExecutor(queue: taskQueue), operation: operation)
        }
        return Task(operation: operation)
    }

    /// A request answered: deliver it unless it was cancelled meanwhile, then fill its slot.
    private func finish(_ request: PageRequest, _ action: Action) {
        dispatchPrecondition(condition: .onQueue(queue))
        guard !stopped, tasks.removeValue(forKey: request.id) != nil else { return }
        admission.remove(id: request.id)
        deliver(action)
        startAdmitted()
    }
}
