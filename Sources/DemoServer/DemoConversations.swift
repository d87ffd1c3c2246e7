/// One message of a demo conversation.
struct DemoMessage: Equatable, Sendable {
    var id: String
    var content: String
    var role: String
    /// Seconds since 1970.
    var createdAt: Int64
    /// 1 for the first message of its conversation.
    var order: Int
}

/// One conversation of a demo contact; its messages oldest first.
struct DemoConversation: Equatable, Sendable {
    var id: String
    var status: String
    /// The channel: `whatsapp`, `instagram`, `messenger` or `website`.
    var type: String
    var assignedTo: String
    var chatbotID: String
    var messages: [DemoMessage]
}

/// A contact's conversations, generated on demand from the seed and the contact's index
/// (never stored): 1–3 conversations of 3–200 messages, newest first, the newest message
/// at the contact's latest activity. Messages added by churn follow the generated ones.
struct DemoConversations {
    let seed: UInt64
    let hostile: Bool

    /// `contact` as generated; `state` as the store holds it now (churn moves it on).
    func conversations(of contact: DemoContact, state: ContactState) -> [DemoConversation] {
        var rng = SeededRandom(seed: seed, stream: UInt64(contact.index), substream: 0xC0)
        let count = rng.int(in: 1...3)
        var conversations: [DemoConversation] = []
        var end = contact.latest
        for number in 0..<count {
            var conversation = generate(contact: contact, number: number, end: end)
            if number == 0 {
                conversation.status = state.status
                conversation.assignedTo = contact.assignedTo
                markUnread(&conversation, unread: state.unread - state.added)
                appendChurn(&conversation, contact: contact, state: state)
            }
            end = (conversation.messages.first?.createdAt ?? end) - Int64(rng.int(in: 3_600...30 * 86_400))
            conversations.append(conversation)
        }
        return conversations
    }

    private func generate(contact: DemoContact, number: Int, end: Int64) -> DemoConversation {
        var rng = SeededRandom(seed: seed, stream: UInt64(contact.index), substream: 0xC1 + UInt64(number))
        let size = 3 + Int(197 * pow3(rng.unit()))
        let channels = contact.channels.isEmpty ? ["website"] : contact.channels
        let type = rng.pick(channels)
        let human = rng.chance(0.3) ? rng.pick(["Maya (support)", "Ravi", "Lena K.", "Tomás"]) : ""
        var times: [Int64] = []
        var time = end
        for _ in 0..<size {
            times.append(time)
            time -= rng.chance(0.1) ? Int64(rng.int(in: 3_600...86_400)) : Int64(rng.int(in: 5...900))
        }
        times.reverse()
        var messages: [DemoMessage] = []
        messages.reserveCapacity(size)
        let handover = human.isEmpty ? Int.max : rng.int(in: 2...max(2, size - 1))
        for order in 1...size {
            let role = order % 2 == 1 ? "user" : (order > handover ? "agent" : "assistant")
            messages.append(DemoMessage(
                id: Self.uuid(&rng), content: text(role: role, rng: &rng), role: role,
                createdAt: times[order - 1], order: order))
        }
        return DemoConversation(
            id: Self.uuid(&rng), status: rng.pick(["closed", "closed", "resolved"]), type: type,
            assignedTo: human.isEmpty ? rng.pick(["", "AI agent"]) : human,
            chatbotID: Self.chatbotID(seed: seed, number: rng.int(in: 0...1)), messages: messages)
    }

    /// The last `unread` messages are the contact's, waiting for an answer.
    private func markUnread(_ conversation: inout DemoConversation, unread: Int) {
        guard unread > 0 else { return }
        let count = conversation.messages.count
        for position in max(0, count - unread)..<count { conversation.messages[position].role = "user" }
    }

    /// Messages that arrived while the server ran, spread evenly up to the latest activity.
    private func appendChurn(_ conversation: inout DemoConversation, contact: DemoContact, state: ContactState) {
        guard state.added > 0 else { return }
        let start = contact.latest, span = max(0, state.latest - contact.latest)
        let base = conversation.messages.count
        for number in 1...state.added {
            var rng = SeededRandom(seed: seed, stream: UInt64(contact.index), substream: 0x1000 + UInt64(number))
            conversation.messages.append(DemoMessage(
                id: Self.uuid(&rng), content: text(role: "user", rng: &rng), role: "user",
                createdAt: start + span * Int64(number) / Int64(state.added), order: base + number))
        }
    }

    private func text(role: String, rng: inout SeededRandom) -> String {
        switch role {
        case "user":
            if hostile && rng.chance(0.1) { return rng.pick(HostileText.messages) }
            return rng.pick(MessageTexts.user)
        case "agent": return rng.pick(MessageTexts.agent)
        default: return rng.pick(MessageTexts.assistant)
        }
    }

    private func pow3(_ x: Double) -> Double { x * x * x }

    /// A version-4-shaped UUID from the generator.
    static func uuid(_ rng: inout SeededRandom) -> String {
        let a = rng.next(), b = rng.next()
        return "\(ContactID.hex(a >> 32, 8))-\(ContactID.hex(a >> 16, 4))-4\(ContactID.hex(a, 3))-"
            + "\(ContactID.hex(8 | (b >> 62), 1))\(ContactID.hex(b >> 48, 3))-\(ContactID.hex(b, 12))"
    }

    /// One of the account's two chatbots.
    static func chatbotID(seed: UInt64, number: Int) -> String {
        var rng = SeededRandom(seed: seed, stream: 0xB07, substream: UInt64(number))
        return uuid(&rng)
    }
}
