import ChatzyAPI
import Dispatch
import InboxCore

/// Runs the view-model's effects off the UI thread: page fetches through the API client,
/// debounce timers and cancellation. Results come back as actions through the mailbox.
public final class FetchWorker: @unchecked Sendable {
    // Safe because every mutable property is only touched on `queue`, a serial queue.
    private let queue = DispatchQueue(label: "chatzy-inbox.fetch-worker")
    private let client: any ContactsFetching
    private let email: String
    private let scheduler: any Scheduler
    private let deliver: @Sendable (Action) -> Void
    private var tasks: [Int: Task<Void, Never>] = [:]
    private var timers: [TimerID: ScheduledWork] = [:]

    public init(client: any ContactsFetching, email: String, scheduler: any Scheduler = DispatchScheduler(),
                deliver: @escaping @Sendable (Action) -> Void) {
        self.client = client
        self.email = email
        self.scheduler = scheduler
        self.deliver = deliver
    }

    /// Starts the effects; returns at once.
    public func run(_ effects: [Effect]) {
        guard !effects.isEmpty else { return }
        queue.async { effects.forEach(self.start) }
    }

    /// Cancels everything in flight.
    public func stop() {
        queue.sync {
            tasks.values.forEach { $0.cancel() }
            tasks.removeAll()
            timers.values.forEach { $0.cancel() }
            timers.removeAll()
        }
    }

    /// Number of requests in flight (for tests).
    public var inFlight: Int { queue.sync { tasks.count } }

    private func start(_ effect: Effect) {
        switch effect {
        case .fetch(let request):
            fetch(request)
        case .fetchConversation(let request):
            tasks[request.id] = ConversationFetch.start(request, client: client, deliver: deliver) { [weak self] in
                guard let worker = self else { return }
                worker.queue.async { worker.tasks.removeValue(forKey: request.id) }
            }
        case .cancel(let id):
            tasks.removeValue(forKey: id)?.cancel()
        case .schedule(let timer, let milliseconds, let action):
            timers.removeValue(forKey: timer)?.cancel()
            let deliver = self.deliver
            timers[timer] = scheduler.schedule(after: milliseconds, on: queue) { [weak self] in
                self?.timers.removeValue(forKey: timer)
                deliver(action)
            }
        case .quit:
            break
        }
    }

    private func fetch(_ request: PageRequest) {
        let client = self.client
        let query = request.query(email: email)
        let deliver = self.deliver
        tasks[request.id] = Task { [weak self] in
            let action: Action
            do throws(APIError) {
                action = .pageLoaded(request, try await client.contacts(query))
            } catch {
                action = .pageFailed(request, error)
            }
            deliver(action)
            guard let worker = self else { return }
            worker.queue.async { worker.tasks.removeValue(forKey: request.id) }
        }
    }
}
