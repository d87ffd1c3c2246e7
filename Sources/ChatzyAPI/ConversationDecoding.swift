import Foundation

/// Decodes `GET /get_contact_conversation_messages` bodies leniently, like `ContactDecoding`:
/// only ids are required; a conversation or message without one is skipped and counted;
/// unknown fields are ignored and unknown `<channel>_messages` arrays are kept.
public enum ConversationDecoding {
    /// Decodes a whole response body (`{"data": {"data": {"contact", "conversations"}}}`).
    public static func conversations(from body: Data) throws(APIError) -> ContactConversations {
        let envelope: Envelope
        do {
            envelope = try JSONDecoder().decode(Envelope.self, from: body)
        } catch {
            throw .invalidResponse(reason: LenientJSON.describe(error), prefix: LenientJSON.bodyPrefix(body))
        }
        let inner = envelope.data.data
        let entries = inner.conversations ?? []
        let conversations = entries.compactMap(\.value)
        return ContactConversations(
            contact: inner.contact?.value,
            conversations: conversations,
            skippedConversations: entries.count - conversations.count
        )
    }

    private struct Envelope: Decodable {
        struct Outer: Decodable { let data: Inner }
        struct Inner: Decodable {
            let contact: Lossy<ConversationContact>?
            let conversations: [Lossy<Conversation>]?
        }
        let data: Outer
    }

    /// The channel a `<name>_messages` key stands for: `wa` is WhatsApp.
    static func channel(forKey key: String) -> String? {
        guard key.hasSuffix("_messages"), key.count > "_messages".count else { return nil }
        let name = String(key.dropLast("_messages".count))
        return name == "wa" ? "whatsapp" : name
    }
}

/// Throws when a required id is missing or empty, which makes `Lossy` skip the entry.
private func requiredID<Key: CodingKey>(_ c: KeyedDecodingContainer<Key>, _ key: Key) throws -> String {
    guard let id = c.lenientString(key), !id.isEmpty else {
        throw DecodingError.keyNotFound(key, .init(codingPath: c.codingPath, debugDescription: "no \(key.stringValue)"))
    }
    return id
}

extension ConversationContact: Decodable {
    private enum WireKey: String, CodingKey {
        case contactID = "contact_id", userEmail = "user_email_id", firstName = "first_name"
        case lastName = "last_name", phoneNumber = "phone_number", createdAt = "created_at"
        case lastInteractedAt = "last_interacted_at", contactQueries = "contact_queries"
        case isBlacklisted = "is_blacklisted", isFrozen = "is_frozen", frozenUntil = "frozen_until"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: WireKey.self)
        self.init(
            id: try requiredID(c, .contactID),
            userEmail: c.lenientText(.userEmail),
            firstName: c.lenientText(.firstName),
            lastName: c.lenientText(.lastName),
            phoneNumber: c.lenientText(.phoneNumber),
            createdAt: c.lenientDate(.createdAt),
            lastInteractedAt: c.lenientDate(.lastInteractedAt),
            queryCount: c.lenientInt(.contactQueries),
            isBlacklisted: c.lenientBool(.isBlacklisted),
            isFrozen: c.lenientBool(.isFrozen),
            frozenUntil: c.lenientDate(.frozenUntil)
        )
    }
}

extension Conversation: Decodable {
    private enum WireKey: String, CodingKey {
        case conversationID = "conversation_id", status = "conversation_status", type = "conversation_type"
        case assignedTo = "assigned_to", chatbotID = "chatbot_id", messages
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: WireKey.self)
        let entries = (try? c.decodeIfPresent([Lossy<ConversationMessage>].self, forKey: .messages)) ?? []
        let messages = entries.compactMap(\.value)
        self.init(
            id: try requiredID(c, .conversationID),
            status: c.lenientText(.status),
            type: c.lenientText(.type),
            assignedTo: c.lenientText(.assignedTo),
            chatbotID: c.lenientText(.chatbotID),
            messages: messages,
            skippedMessages: entries.count - messages.count
        )
    }
}

extension ConversationMessage: Decodable {
    private enum WireKey: String, CodingKey {
        case messageID = "message_id", content, role, createdAt = "created_at", order = "message_order"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: WireKey.self)
        let all = try decoder.container(keyedBy: AnyKey.self)
        var deliveries: [ChannelDelivery] = []
        for key in all.allKeys.sorted(by: { $0.stringValue < $1.stringValue }) {
            guard let channel = ConversationDecoding.channel(forKey: key.stringValue),
                  let entries = try? all.decode([Lossy<DeliveryFields>].self, forKey: key) else { continue }
            deliveries += entries.compactMap(\.value).map {
                ChannelDelivery(channel: channel, status: $0.status, createdAt: $0.createdAt, data: $0.data)
            }
        }
        self.init(
            id: try requiredID(c, .messageID),
            content: c.lenientString(.content),
            role: c.lenientText(.role),
            createdAt: c.lenientDate(.createdAt),
            order: c.lenientInt(.order),
            deliveries: deliveries
        )
    }
}

/// The documented fields of one channel record; any object is accepted.
private struct DeliveryFields: Decodable {
    let status: String?
    let createdAt: Date?
    let data: JSONValue?

    private enum WireKey: String, CodingKey { case status, createdAt = "created_at", data }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: WireKey.self)
        status = c.lenientText(.status)
        createdAt = c.lenientDate(.createdAt)
        data = (try? c.decodeIfPresent(JSONValue.self, forKey: .data)) ?? nil
    }
}
