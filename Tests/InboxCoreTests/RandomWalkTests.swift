import ChatzyAPI
import InboxCore
import Testing

/// Any interleaving of keys, resizes, timers and out-of-order, duplicated or failed answers
/// keeps the view-model's invariants.
@Suite struct RandomWalkTests {
    /// What identifies a page request for "never asked twice".
    struct PageSlot: Hashable { var generation: Int; var key: ListKey; var offset: Int }

    static let keys: [Key] = [
        .char("j"), .char("j"), .char("j"), .char("k"), .down, .up, .pageDown, .pageUp, .ctrl("d"), .ctrl("u"),
        .char("g"), .char("G"), .wheelDown, .wheelUp, .char("1"), .char("2"), .char("3"), .tab, .backTab,
        .char("/"), .char("a"), .char("b"), .backspace, .escape, .enter, .char("r"), .char("?"), .left, .right,
    ]
    static let failures: [APIError] = [
        .timeout, .server(status: 503), .rateLimited(retryAfter: 1), .rateLimited(retryAfter: nil),
        .forbidden, .cannotConnect("refused"), .cancelled, .badRequest("no"),
    ]

    struct Walk {
        var rng: SplitMix64
        var state: InboxState
        var server = FakeServer()
        var inFlight: [PageRequest] = []
        var answered: [(PageRequest, Result<ContactPage, APIError>)] = []
        var timers: [TimerID: Action] = [:]
        var unresolved: Set<PageSlot> = []
        var loadedSlots: Set<PageSlot> = []
        var lastRequestID = 0

        init(seed: UInt64) {
            rng = SplitMix64(seed: seed)
            let size = rng.below(100) + 1
            state = InboxState(settings: .init(
                pageSize: [1, 3, 5, 10, size].randomElement(using: &rng)!,
                prefetchDistance: rng.chance(50) ? nil : rng.below(8),
                refreshIntervalSeconds: rng.chance(50) ? 30 : nil))
            state.screenRows = rng.below(30)
        }

        /// Sends an action, checks the effects it returned and records them.
        mutating func send(_ action: Action) {
            let effects = reduce(&state, action)
            for effect in effects {
                switch effect {
                case .fetch(let request):
                    let slot = PageSlot(generation: request.generation, key: request.key, offset: request.offset)
                    #expect(request.id > lastRequestID, "request ids grow")
                    #expect(request.generation == state.generation, "requests are of the current generation")
                    #expect(!unresolved.contains(slot) && !loadedSlots.contains(slot), "page asked twice: \(slot)")
                    #expect((1...100).contains(request.limit))
                    lastRequestID = request.id
                    unresolved.insert(slot)
                    inFlight.append(request)
                case .cancel(let id):
                    for request in inFlight where request.id == id {
                        unresolved.remove(PageSlot(generation: request.generation, key: request.key, offset: request.offset))
                    }
                case .schedule(let timer, let milliseconds, let action):
                    #expect(milliseconds >= 0)
                    timers[timer] = action
                case .quit:
                    break
                case .fetchConversation:
                    break // never answered here: ConversationWalkTests walks the conversation view
                }
            }
        }

        /// Answers a request (possibly one already answered, possibly stale) and checks that
        /// only the pending request of the current generation changes anything.
        mutating func answer(_ request: PageRequest, _ result: Result<ContactPage, APIError>) {
            let current = request.generation == state.generation && state.lists[request.key]?.pending == request
            let before = state
            let slot = PageSlot(generation: request.generation, key: request.key, offset: request.offset)
            switch result {
            case .success(let page): send(.pageLoaded(request, page))
            case .failure(let error): send(.pageFailed(request, error))
            }
            if current {
                unresolved.remove(slot)
                if case .success = result { loadedSlots.insert(slot) }
            } else {
                #expect(state == before, "a stale or duplicated answer changed the state")
            }
        }

        mutating func step() {
            switch rng.below(100) {
            case 0..<40:
                var key = rng.pick(RandomWalkTests.keys)
                if rng.chance(5) { key = .click(row: rng.below(max(state.screenRows, 1)), col: rng.below(30)) }
                // Queries of up to three letters: enough searches to switch between, few
                // enough that lists are revisited (and the walk stays fast).
                if case .char(let c) = key, c == "a" || c == "b", state.query.count >= 3 { key = .backspace }
                send(.key(key))
                if state.mode == .help, rng.chance(50) { send(.key(.escape)) }
            case 40..<45:
                send(.resize(rows: rng.below(40), cols: rng.below(120)))
            case 45..<75:
                guard !inFlight.isEmpty else { return }
                let request = inFlight.remove(at: rng.below(inFlight.count))
                let result: Result<ContactPage, APIError>
                if rng.chance(80) {
                    result = .success(server.page(request, rng: &rng))
                } else {
                    result = .failure(rng.chance(10) ? .unauthorized : rng.pick(RandomWalkTests.failures))
                }
                answered.append((request, result))
                answer(request, result)
            case 75..<80:
                guard !answered.isEmpty else { return }
                let (request, result) = answered[rng.below(answered.count)]
                answer(request, result)
            case 80..<90:
                let armed = [TimerID.searchDebounce, .retry, .refresh].filter { timers[$0] != nil }
                guard let timer = armed.randomElement(using: &rng) else { return }
                send(timers.removeValue(forKey: timer)!)
            case 90..<94:
                server.messageArrives(rng: &rng)
            case 94..<97:
                send(rng.chance(50) ? .sessionRenewed : .retry)
            default:
                send(rng.chance(50) ? .refresh : .start)
            }
        }

        /// The invariants that must hold after every step: the first broken one, or nil.
        /// (Plain checks, recorded once: `#expect` per row would make the walk crawl.)
        /// Every list is checked when `everyList`, else the shown and the wanted one (the only
        /// ones a step can change besides abandoning their pending requests).
        func brokenInvariant(everyList: Bool) -> String? {
            let keys = everyList ? Array(state.lists.keys) : [state.shownKey, state.wantedKey]
            for key in keys {
                guard let list = state.lists[key] else { continue }
                let ids = list.rows.map(\.id)
                if Set(ids).count != ids.count { return "duplicate ids in \(key)" }
                if ids.indices.contains(where: { list.rows.firstIndex(ofID: ids[$0]) != $0 }) { return "id index out of step with rows in \(key)" }
                if list.rows.isEmpty {
                    if list.selected != 0 || list.selectedID != nil { return "selection in empty \(key)" }
                } else {
                    if !list.rows.indices.contains(list.selected) { return "selection out of bounds in \(key)" }
                    if list.selectedID != list.rows[list.selected].id { return "selection off its contact in \(key)" }
                }
                if let pending = list.pending, pending.generation != state.generation || pending.key != key {
                    return "a stale request is pending in \(key)"
                }
            }
            if state.lists.values.filter({ $0.pending != nil }).count > 1 { return "more than one request pending" }
            let shown = state.shown
            let height = state.listHeight
            if shown.top < 0 || shown.top > max(0, shown.rows.count - height) { return "viewport past the end" }
            if height > 0, !shown.rows.isEmpty, !(shown.top..<(shown.top + height)).contains(shown.selected) {
                return "selection off screen"
            }
            if state.cursor < 0 || state.cursor > state.query.count { return "cursor outside the query" }
            return nil
        }
    }

    @Test(arguments: [1, 2, 0xC0FFEE, 20_261_125] as [UInt64])
    func aSeededRandomWalkKeepsTheInvariants(seed: UInt64) async {
        var walk = Walk(seed: seed)
        walk.send(.start)
        var loadedRows = 0
        for step in 0..<12_000 {
            if step % 200 == 0 { await Task.yield() }  // long CPU work: let other tests have turns
            walk.step()
            if let broken = walk.brokenInvariant(everyList: step % 97 == 0) {
                Issue.record("seed \(seed), step \(step): \(broken)")
                return
            }
            loadedRows = max(loadedRows, walk.state.lists.values.map(\.rows.count).max() ?? 0)
        }
        // The walk must have exercised paging, not idled on an empty screen.
        #expect(walk.loadedSlots.count > 100)
        #expect(loadedRows > 20)
    }
}
