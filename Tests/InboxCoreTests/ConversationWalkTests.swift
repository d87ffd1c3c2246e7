import ChatzyAPI
import Foundation
import InboxCore
import Testing

/// A seeded random walk through the conversation view: keys, resizes, reopenings, messages
/// arriving, and answers out of order, duplicated or failed. After every step the view's
/// invariants hold, and at the end scrolling to the top loads every message exactly once.
@Suite struct ConversationWalkTests {
    /// Each contact's history, answered newest first by offset like the API; new messages
    /// arrive at the end of the first conversation.
    struct MessageServer {
        var histories: [String: [(conversation: String, message: ConversationMessage)]] = [:]
        var clock = 0

        mutating func history(_ contactID: String, rng: inout SplitMix64) -> [(conversation: String, message: ConversationMessage)] {
            if let known = histories[contactID] { return known }
            let size = rng.below(40)
            let made = (0..<size).map { n in
                (conversation: n < size / 3 ? "\(contactID)-old" : "\(contactID)-new",
                 message: msg("\(contactID)-m\(n)", n, role: rng.pick(["user", "assistant", "agent", "bot?"]),
                              text: String(repeating: "word ", count: rng.below(30))))
            }
            histories[contactID] = made
            return made
        }

        mutating func page(_ request: ConversationRequest, rng: inout SplitMix64) -> ContactConversations {
            let all = history(request.contactID, rng: &rng)
            let window = all.reversed().dropFirst(request.offset).prefix(request.limit).reversed()
            let ids = ["\(request.contactID)-new", "\(request.contactID)-old"]
            return ContactConversations(contact: ConversationContact(id: request.contactID), conversations: ids.map { id in
                Conversation(id: id, status: "open", type: id.hasSuffix("new") ? "whatsapp" : "",
                             messages: window.filter { $0.conversation == id }.map(\.message))
            })
        }

        mutating func messageArrives(_ contactID: String, rng: inout SplitMix64) {
            var all = history(contactID, rng: &rng)
            clock += 1
            all.append((conversation: "\(contactID)-new", message: msg("\(contactID)-late\(clock)", 1_000 + clock)))
            histories[contactID] = all
        }
    }

    struct Walk {
        var rng: SplitMix64
        var state: InboxState
        var server = MessageServer()
        var inFlight: [ConversationRequest] = []
        var answered: [(ConversationRequest, Result<ContactConversations, APIError>)] = []
        var retryTimer: Action?
        var seenIDs: Set<Int> = []

        init(seed: UInt64) {
            rng = SplitMix64(seed: seed)
            state = loadedInbox(count: 10, .init(pageSize: [1, 2, 5, 10].randomElement(using: &rng)!))
            state.screenRows = 4 + rng.below(30)
            state.screenCols = 20 + rng.below(100)
        }

        mutating func send(_ action: Action) {
            for effect in reduce(&state, action) {
                switch effect {
                case .fetchConversation(let request):
                    #expect(seenIDs.insert(request.id).inserted, "a request id was used twice")
                    #expect(request.generation == state.conversationGeneration)
                    inFlight.append(request)
                case .schedule(.conversationRetry, _, let action):
                    retryTimer = action
                default:
                    break
                }
            }
        }

        mutating func step() {
            switch rng.below(100) {
            case 0..<45:
                let keys: [Key] = [.char("j"), .char("k"), .char("k"), .pageUp, .pageDown, .ctrl("u"), .ctrl("d"),
                                   .char("g"), .char("G"), .wheelUp, .char("r"), .char("?"), .escape, .enter, .char("j")]
                send(.key(rng.pick(keys)))
            case 45..<50:
                send(.resize(rows: rng.below(40), cols: rng.below(130)))
            case 50..<78:
                guard !inFlight.isEmpty else { return }
                let request = inFlight.remove(at: rng.below(inFlight.count))
                let result: Result<ContactConversations, APIError> = rng.chance(85)
                    ? .success(server.page(request, rng: &rng))
                    : .failure(rng.pick([.timeout, .server(status: 500), .notFound, .unauthorized]))
                answered.append((request, result))
                answer(request, result)
            case 78..<84:
                guard let (request, result) = answered.randomElement(using: &rng) else { return }
                answer(request, result)
            case 84..<90:
                if let action = retryTimer { retryTimer = nil; send(action) }
            case 90..<95:
                if let open = state.conversation { server.messageArrives(open.contact.id, rng: &rng) }
            default:
                send(.sessionRenewed)
            }
        }

        mutating func answer(_ request: ConversationRequest, _ result: Result<ContactConversations, APIError>) {
            let current = request.generation == state.conversationGeneration && state.conversation?.pending == request
            let before = state
            switch result {
            case .success(let answer): send(.conversationLoaded(request, answer))
            case .failure(let error): send(.conversationFailed(request, error))
            }
            if !current { #expect(state == before, "a stale or duplicated answer changed the state") }
        }

        func brokenInvariant() -> String? {
            guard let view = state.conversation else {
                return state.mode == .conversation ? "conversation mode without a conversation" : nil
            }
            let ids = view.entries.map(\.message.id)
            if Set(ids).count != ids.count { return "duplicate messages" }
            if Set(ids) != view.messageIDs { return "message ids out of step" }
            if ids.contains(where: { !$0.hasPrefix(view.contact.id + "-") }) { return "another contact's message" }
            let times = view.entries.map { $0.message.createdAt ?? .distantPast }
            if times != times.sorted() { return "messages out of time order" }
            if view.heights.count != view.entries.count { return "heights out of step" }
            if view.layoutWidth == state.screenCols {
                let measured = view.entries.indices.map {
                    ConversationLayout.lines(of: $0, in: view, width: state.screenCols, wrapper: state.textWrapper).count
                }
                if measured != view.heights { return "stale heights" }
            }
            let height = ConversationLayout.viewHeight(screenRows: state.screenRows)
            if view.scrollUp < 0 || view.scrollUp > ConversationLayout.maxScroll(view, viewHeight: height) { return "scroll out of range" }
            if let pending = view.pending, pending.generation != state.conversationGeneration { return "a stale request is pending" }
            if view.pending != nil && view.error != nil { return "pending and failed at once" }
            return nil
        }
    }

    @Test(arguments: [7, 42, 0xFACADE] as [UInt64])
    func aSeededWalkKeepsTheInvariantsAndLoadsTheWholeHistory(seed: UInt64) {
        var walk = Walk(seed: seed)
        walk.send(.key(.enter))
        var opened = 0
        for step in 0..<10_000 {
            walk.step()
            if walk.state.conversation?.hasLoaded == true { opened += 1 }
            if let broken = walk.brokenInvariant() {
                Issue.record("seed \(seed), step \(step): \(broken)")
                return
            }
        }
        #expect(opened > 1_000, "the walk spent time in loaded conversations")

        // Finally: open a contact and scroll to the top while messages keep arriving.
        if walk.state.conversation != nil { walk.send(.key(.escape)) }
        walk.state.sessionExpired = false
        walk.inFlight = []
        walk.send(.key(.enter))
        let contactID = walk.state.conversation!.contact.id
        let history = Set(walk.server.history(contactID, rng: &walk.rng).map(\.message.id))
        for round in 0..<400 {
            walk.send(.key(.char("g")))
            if walk.state.conversation?.error != nil { walk.send(.key(.char("r"))) }
            guard let request = walk.inFlight.popLast() else { break }
            if round % 3 == 0 { walk.server.messageArrives(contactID, rng: &walk.rng) }
            walk.answer(request, .success(walk.server.page(request, rng: &walk.rng)))
        }
        let view = walk.state.conversation!
        #expect(view.reachedStart)
        #expect(history.isSubset(of: view.messageIDs), "no message of the history was skipped")
        #expect(walk.brokenInvariant() == nil)
    }
}
