import Foundation

/// The answer of `GET /get_contact_conversation_messages`: who the contact is and their
/// conversations, each with its messages. Unreadable entries are skipped and counted.
public struct ContactConversations: Equatable, Sendable {
    /// The contact's profile; nil when the server sent none or it could not be read.
    public var contact: ConversationContact?
    /// The conversations that could be read, in server order.
    public var conversations: [Conversation]
    /// How many conversation entries could not be read and were skipped.
    public var skippedConversations: Int

    public init(contact: ConversationContact?, conversations: [Conversation], skippedConversations: Int = 0) {
        self.contact = contact
        self.conversations = conversations
        self.skippedConversations = skippedConversations
    }

    /// Conversations and messages skipped in total (for "2 items could not be read").
    public var skipped: Int {
        conversations.reduce(skippedConversations) { $0 + $1.skippedMessages }
    }

    /// "1 item could not be read" (or "N items …") when entries were skipped, else nil.
    public var skippedNotice: String? {
        switch skipped {
        case 0: return nil
        case 1: return "1 item could not be read"
        default: return "\(skipped) items could not be read"
        }
    }
}

/// The `contact` object of a conversations answer. Every field but the id may be missing.
public struct ConversationContact: Equatable, Sendable {
    public var id: String
    public var userEmail: String?
    public var firstName: String?
    public var lastName: String?
    public var phoneNumber: String?
    public var createdAt: Date?
    public var lastInteractedAt: Date?
    /// `contact_queries`: how many queries the contact has made.
    public var queryCount: Int?
    public var isBlacklisted: Bool?
    public var isFrozen: Bool?
    public var frozenUntil: Date?

    public init(id: String, userEmail: String? = nil, firstName: String? = nil, lastName: String? = nil,
                phoneNumber: String? = nil, createdAt: Date? = nil, lastInteractedAt: Date? = nil,
                queryCount: Int? = nil, isBlacklisted: Bool? = nil, isFrozen: Bool? = nil, frozenUntil: Date? = nil) {
        self.id = id
        self.userEmail = userEmail
        self.firstName = firstName
        self.lastName = lastName
        self.phoneNumber = phoneNumber
        self.createdAt = createdAt
        self.lastInteractedAt = lastInteractedAt
        self.queryCount = queryCount
        self.isBlacklisted = isBlacklisted
        self.isFrozen = isFrozen
        self.frozenUntil = frozenUntil
    }

    /// First and last name joined with a space; nil when both are missing.
    public var displayName: String? {
        let parts = [firstName, lastName].compactMap { $0 }.filter { !$0.isEmpty }
        return parts.isEmpty ? nil : parts.joined(separator: " ")
    }
}

/// One conversation of a contact: its state and its messages in server order.
public struct Conversation: Equatable, Sendable {
    public var id: String
    public var status: String?
    /// `conversation_type`, kept as the server wrote it.
    public var type: String?
    public var assignedTo: String?
    public var chatbotID: String?
    public var messages: [ConversationMessage]
    /// How many message entries could not be read and were skipped.
    public var skippedMessages: Int

    public init(id: String, status: String? = nil, type: String? = nil, assignedTo: String? = nil,
                chatbotID: String? = nil, messages: [ConversationMessage] = [], skippedMessages: Int = 0) {
        self.id = id
        self.status = status
        self.type = type
        self.assignedTo = assignedTo
        self.chatbotID = chatbotID
        self.messages = messages
        self.skippedMessages = skippedMessages
    }

    /// True when the conversation is being handled right now.
    public var isLive: Bool { status?.lowercased() == "live" }
}

/// One message. `role` is kept as the server wrote it (the docs do not list its values).
public struct ConversationMessage: Equatable, Sendable {
    public var id: String
    public var content: String?
    public var role: String?
    public var createdAt: Date?
    /// `message_order`: the position within the conversation.
    public var order: Int?
    /// The per-channel delivery records (`wa_messages`, `instagram_messages`, …), unknown channels included.
    public var deliveries: [ChannelDelivery]

    public init(id: String, content: String? = nil, role: String? = nil, createdAt: Date? = nil,
                order: Int? = nil, deliveries: [ChannelDelivery] = []) {
        self.id = id
        self.content = content
        self.role = role
        self.createdAt = createdAt
        self.order = order
        self.deliveries = deliveries
    }
}

/// One entry of a message's `<channel>_messages` array: the channel's own record of it.
public struct ChannelDelivery: Equatable, Sendable {
    /// `whatsapp` for `wa_messages`, otherwise the key without `_messages` (`instagram`, `messenger`, …).
    public var channel: String
    public var status: String?
    public var createdAt: Date?
    /// The channel payload, kept as it came.
    public var data: JSONValue?

    public init(channel: String, status: String? = nil, createdAt: Date? = nil, data: JSONValue? = nil) {
        self.channel = channel
        self.status = status
        self.createdAt = createdAt
        self.data = data
    }
}
