import Foundation

/// One row of the inbox: a contact and the state of their latest conversation,
/// as `GET /get_contact_conversations` describes it. Every field but the id may be
/// missing in real data, so each is optional and shown as "—" by the UI.
public struct Contact: Equatable, Hashable, Sendable {
    public var id: String
    public var name: String?
    public var phoneNumber: String?
    public var email: String?
    public var conversationStatus: String?
    public var assignedTo: String?
    public var unreadCount: UnreadCount
    public var latestMessageTime: Date?
    public var channels: [String]

    public init(
        id: String,
        name: String? = nil,
        phoneNumber: String? = nil,
        email: String? = nil,
        conversationStatus: String? = nil,
        assignedTo: String? = nil,
        unreadCount: UnreadCount = .missing,
        latestMessageTime: Date? = nil,
        channels: [String] = []
    ) {
        self.id = id
        self.name = name
        self.phoneNumber = phoneNumber
        self.email = email
        self.conversationStatus = conversationStatus
        self.assignedTo = assignedTo
        self.unreadCount = unreadCount
        self.latestMessageTime = latestMessageTime
        self.channels = channels
    }

    /// True when the conversation is being handled right now (the web inbox's green dot).
    public var isLive: Bool {
        conversationStatus?.lowercased() == "live"
    }
}

/// `unread_message_count` is documented as a string; real data may send a number,
/// `""`, `null` or garbage. Keep what can be counted as a count and the rest displayable.
public enum UnreadCount: Equatable, Hashable, Sendable {
    /// A count that parsed.
    case count(Int)
    /// Present but not a count (the UI shows "?").
    case unreadable(String)
    /// Absent, `null` or empty.
    case missing

    /// Parses the wire text leniently: surrounding spaces are ignored, negatives are unreadable.
    public init(wire text: String?) {
        guard let text else { self = .missing; return }
        let trimmed = text.trimmingWhitespace
        if trimmed.isEmpty { self = .missing; return }
        if let n = Int(trimmed), n >= 0 { self = .count(n) } else { self = .unreadable(trimmed) }
    }

    /// The count when known, else nil.
    public var value: Int? {
        if case .count(let n) = self { return n }
        return nil
    }

    /// True when the contact certainly has unread messages.
    public var hasUnread: Bool { (value ?? 0) > 0 }
}
