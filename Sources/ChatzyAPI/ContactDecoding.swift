import Foundation

/// Decodes `GET /get_contact_conversations` bodies leniently: a malformed contact is
/// skipped and counted, never allowed to throw the page away.
public enum ContactDecoding {
    /// Decodes a whole response body into a page.
    public static func page(from body: Data) throws(APIError) -> ContactPage {
        if let page = ContactPageScanner.page(from: body) { return page }
        return try decodedSlowly(body)
    }

    /// The page through `JSONDecoder` and the lenient containers: every body the scanner
    /// gives up on, with the errors people read.
    static func decodedSlowly(_ body: Data) throws(APIError) -> ContactPage {
        let envelope: Envelope
        do {
            envelope = try JSONDecoder().decode(Envelope.self, from: body)
        } catch {
            throw .invalidResponse(reason: LenientJSON.describe(error), prefix: bodyPrefix(body))
        }
        let entries = envelope.data.data.contacts ?? []
        var contacts: [Contact] = []
        contacts.reserveCapacity(entries.count)
        var skipped = 0
        for entry in entries {
            if let contact = entry.contact { contacts.append(contact) } else { skipped += 1 }
        }
        ValueInterner.shared.intern(&contacts)
        return ContactPage(contacts: contacts, skipped: skipped)
    }

    /// The first 200 bytes of a body, as text fit for a log line.
    public static func bodyPrefix(_ body: Data) -> String {
        LenientJSON.bodyPrefix(body)
    }

    private struct Envelope: Decodable {
        struct Outer: Decodable { let data: Inner }
        struct Inner: Decodable { let contacts: [LossyContact]? }
        let data: Outer
    }

    /// One array entry: a contact, or nil when it cannot be read.
    struct LossyContact: Decodable {
        let contact: Contact?

        init(from decoder: any Decoder) {
            contact = try? Contact.decodeLeniently(from: decoder)
        }
    }
}

extension Contact {
    enum WireKey: String, CodingKey {
        case contactID = "contact_id"
        case contactName = "contact_name"
        case phoneNumber = "phone_number"
        case email
        case conversationStatus = "conversation_status"
        case assignedTo = "assigned_to"
        case unreadMessageCount = "unread_message_count"
        case latestMessageTime = "latest_message_time"
        case channels
    }

    /// A contact needs an object with a non-empty `contact_id`; every other field is optional
    /// and accepted as a string, a number or a boolean.
    static func decodeLeniently(from decoder: any Decoder) throws -> Contact {
        let c = try decoder.container(keyedBy: WireKey.self)
        guard let id = c.lenientString(.contactID), !id.isEmpty else {
            throw DecodingError.keyNotFound(WireKey.contactID, .init(codingPath: c.codingPath, debugDescription: "no contact_id"))
        }
        return Contact(
            id: id,
            name: c.lenientString(.contactName),
            phoneNumber: c.lenientString(.phoneNumber),
            email: c.lenientString(.email),
            conversationStatus: c.lenientString(.conversationStatus),
            assignedTo: c.lenientString(.assignedTo),
            unreadCount: UnreadCount(wire: c.lenientString(.unreadMessageCount)),
            latestMessageTime: c.lenientDate(.latestMessageTime),
            channels: c.lenientStrings(.channels)
        )
    }
}
