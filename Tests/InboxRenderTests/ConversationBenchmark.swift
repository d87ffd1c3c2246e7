import ChatzyAPI
import Foundation
import InboxCore
import InboxRender
import Testing

/// Reports what the conversation view costs with a long history (600 messages, the demo's
/// maximum): applying a page of 100 older messages, one `k`, one frame at 80x24. Never
/// pass/fail on time; runs only with `CHATZY_BENCH=1 swift test --filter ConversationBenchmark`.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["CHATZY_BENCH"] != nil))
struct ConversationBenchmark {
    init() { TextWidth.useUTF8Locale() }

    @Test func longHistory() {
        let texts = ["Hi! Is this still available?", "请问可以退货吗？如果尺寸不合适，我可以在三十天内退货吗？",
                     "Hi there! 👋 I'm the Chatzy assistant. Yes, it is in stock and ships within two working days."]
        func page(_ range: Range<Int>) -> ContactConversations {
            let messages = range.map { n in
                ConversationMessage(id: "m\(n)", content: texts[n % 3], role: n % 2 == 0 ? "user" : "assistant",
                                    createdAt: Date(timeIntervalSince1970: 1_700_000_000 - Double(n) * 60))
            }.reversed()
            return ContactConversations(contact: nil, conversations: [Conversation(id: "c", type: "whatsapp", messages: Array(messages))])
        }
        var state = InboxState(settings: .init(pageSize: 100))
        state.textWrapper = MessageLayout.wrapper
        var effects = reduce(&state, .resize(rows: 24, cols: 80)) + reduce(&state, .start)
        guard case .fetch(let list)? = effects.first else { Issue.record("no list fetch"); return }
        _ = reduce(&state, .pageLoaded(list, ContactPage(contacts: [Contact(id: "x", name: "X")])))
        effects = reduce(&state, .key(.enter))
        let clock = ContinuousClock()
        var applyTimes: [Duration] = []
        for offset in stride(from: 0, to: 600, by: 100) {
            guard case .fetchConversation(let request)? = effects.last else { Issue.record("no fetch at \(offset)"); return }
            applyTimes.append(clock.measure { _ = reduce(&state, .conversationLoaded(request, page(offset..<(offset + 100)))) })
            effects = reduce(&state, .key(.char("g")))
        }
        #expect(state.conversation?.entries.count == 600)
        _ = reduce(&state, .key(.char("G")))
        for _ in 0..<40 { _ = reduce(&state, .key(.char("k"))) }
        let rounds = 200
        let key = clock.measure { for i in 0..<rounds { _ = reduce(&state, .key(.char(i % 2 == 0 ? "k" : "j"))) } } / rounds
        let frame = clock.measure { for _ in 0..<rounds { _ = InboxRenderer.render(state, now: Date(timeIntervalSince1970: 1_700_000_000)) } } / rounds
        print("conversation bench: apply 100-message page onto 0…500 loaded:", applyTimes.map { "\($0)" }.joined(separator: ", "))
        print("conversation bench: one k/j with 600 messages: \(key); one 80x24 frame: \(frame)")
    }
}

