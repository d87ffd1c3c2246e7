import InboxCore

/// Decides which page requests go on the wire and when: at most `limit` at once, and a
/// visible page always before a prefetch. Prefetches may take at most `limit - 1` slots
/// (at least one), so one slot is always free for what the user is looking at; requests
/// that cannot start wait, visible ones first, each priority in the order asked.
/// A plain value: the worker keeps it on its queue.
struct Admission {
    /// The most requests in flight at once (at least 1).
    let limit: Int
    /// Requests on the wire, by id.
    private(set) var running: [Int: PageRequest] = [:]
    /// Requests waiting for a slot, in the order they were asked for.
    private(set) var waiting: [PageRequest] = []

    init(limit: Int) {
        self.limit = max(1, limit)
    }

    /// The most prefetches in flight at once.
    var prefetchLimit: Int { max(1, limit - 1) }

    /// Queues a request; `next()` says when it may start.
    mutating func enqueue(_ request: PageRequest) {
        waiting.append(request)
    }

    /// The waiting requests in the order they will start: visible pages, then prefetches.
    var startOrder: [PageRequest] {
        waiting.filter { $0.priority == .visible } + waiting.filter { $0.priority == .prefetch }
    }

    /// Forgets a request, waiting or running; true if it was running.
    @discardableResult
    mutating func remove(id: Int) -> Bool {
        waiting.removeAll { $0.id == id }
        return running.removeValue(forKey: id) != nil
    }

    /// Forgets everything.
    mutating func removeAll() {
        waiting.removeAll()
        running.removeAll()
    }

    /// Takes the next request that may start now and counts it as running, or nil.
    mutating func next() -> PageRequest? {
        guard running.count < limit else { return nil }
        let index: Int?
        if let visible = waiting.firstIndex(where: { $0.priority == .visible }) {
            index = visible
        } else if running.values.count(where: { $0.priority == .prefetch }) < prefetchLimit {
            index = waiting.firstIndex { $0.priority == .prefetch }
        } else {
            index = nil
        }
        guard let index else { return nil }
        let request = waiting.remove(at: index)
        running[request.id] = request
        return request
    }
}
