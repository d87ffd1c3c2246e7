import ChatzyAPI
import Foundation
import InboxCore
import InboxRender

/// A realistic conversation for render tests: two conversations (Instagram, then WhatsApp),
/// all three roles, a long wrapped message, wide characters, an escape sequence from a
/// stranger, an image without text, an unknown role, a frozen contact.
enum ConversationFixture {
    static let base = Date(timeIntervalSince1970: 1_763_900_000) // 2025-11-23 12:13:20 UTC
    static func at(_ minutes: Double) -> Date { base.addingTimeInterval(minutes * 60) }
    /// Three hours after the contact's last WhatsApp message.
    static let now = at(61 + 180)

    static let contact = Contact(
        id: "c-1", name: "Priya Kamau", phoneNumber: "+44 7700 900123", email: "priya@example.com",
        conversationStatus: "open", assignedTo: "Maya (support)", unreadCount: .count(2),
        latestMessageTime: at(61), channels: ["whatsapp", "instagram"])

    static let profile = ConversationContact(
        id: "c-1", firstName: "Priya", lastName: "Kamau", phoneNumber: "+44 7700 900123",
        isBlacklisted: false, isFrozen: true, frozenUntil: at(2 * 24 * 60))

    static func message(_ id: String, _ minute: Double, _ role: String?, _ text: String?, deliveries: [ChannelDelivery] = []) -> ConversationMessage {
        ConversationMessage(id: id, content: text, role: role, createdAt: at(minute), deliveries: deliveries)
    }

    static let whatsapp = Conversation(id: "wa", status: "open", type: "whatsapp", assignedTo: "Maya (support)", messages: [
        message("w1", 40, "user", "Hi! Is this still available? \u{1B}[31mI need it by Friday\u{1B}[0m"),
        message("w2", 41, "assistant", "Hi there! 👋 I'm the Chatzy assistant. Yes, it is in stock and ships within two working days; shipping is free on orders over €50.",
                deliveries: [ChannelDelivery(channel: "whatsapp", status: "read")]),
        message("w3", 45, "user", "请问可以退货吗？如果尺寸不合适，我可以在三十天内退货并获得全额退款吗？"),
        message("w4", 50, "agent", "Hi, this is Maya from support. Yes: 30 days, free returns.",
                deliveries: [ChannelDelivery(channel: "whatsapp", status: "delivered")]),
        message("w5", 55, "system", "Conversation assigned to Maya (support)"),
        message("w6", 61, "user", "", deliveries: [ChannelDelivery(channel: "whatsapp", status: "received", data: .object(["type": .string("image")]))]),
    ])

    static let instagram = Conversation(id: "ig", status: "closed", type: "instagram", messages: [
        message("i1", -3000, "user", "Do you have it in size M?"),
        message("i2", -2999, "assistant", "Yes, size M is available."),
        message("i3", -2990, "user", "thanks!!"),
    ])

    /// The inbox at `cols` x `rows` with the fixture's conversation open and its first page
    /// applied (a short page: the whole history).
    static func state(cols: Int, rows: Int, pageSize: Int = 50) -> InboxState {
        var state = InboxState(settings: .init(pageSize: pageSize))
        state.textWrapper = MessageLayout.wrapper
        var effects = reduce(&state, .resize(rows: rows, cols: cols)) + reduce(&state, .start)
        guard case .fetch(let page)? = effects.first else { fatalError("no first page: \(effects)") }
        _ = reduce(&state, .pageLoaded(page, ContactPage(contacts: [contact])))
        effects = reduce(&state, .key(.enter))
        guard case .fetchConversation(let request)? = effects.first else { fatalError("Enter did not fetch: \(effects)") }
        _ = reduce(&state, .conversationLoaded(request, ContactConversations(contact: profile, conversations: [whatsapp, instagram])))
        return state
    }
}
