import Foundation

/// Decodes `GET /get_contact_conversations` bodies leniently: a malformed contact is
/// skipped and counted, never allowed to throw the page away.
public enum ContactDecoding {
    /// Decodes a whole response body into a page.
    public static func page(from body: Data) throws(APIError) -> ContactPage {
        let envelope: Envelope
        do {
            envelope = try JSONDecoder().decode(Envelope.self, from: body)
        } catch {
            throw .invalidResponse(reason: describe(error), prefix: bodyPrefix(body))
        }
        let entries = envelope.data.data.contacts ?? []
        var contacts: [Contact] = []
        contacts.reserveCapacity(entries.count)
        var skipped = 0
        for entry in entries {
            if let contact = entry.contact { contacts.append(contact) } else { skipped += 1 }
        }
        return ContactPage(contacts: contacts, skipped: skipped)
    }

    /// The first 200 bytes of a body, as text fit for a log line.
    public static func bodyPrefix(_ body: Data) -> String {
        let head = body.prefix(200)
        return String(decoding: head, as: UTF8.self)
    }

    private static func describe(_ error: Error) -> String {
        switch error {
        case DecodingError.dataCorrupted: return "not JSON"
        case DecodingError.keyNotFound(let key, _): return "missing \"\(key.stringValue)\""
        case DecodingError.typeMismatch(_, let context):
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            return path.isEmpty ? "unexpected shape" : "unexpected type at \(path)"
        case DecodingError.valueNotFound(_, let context):
            return "null at \(context.codingPath.map(\.stringValue).joined(separator: "."))"
        default: return "unexpected shape"
        }
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
            latestMessageTime: c.lenientString(.latestMessageTime).flatMap(WireDate.parse),
            channels: c.lenientStrings(.channels)
        )
    }
}

extension KeyedDecodingContainer {
    /// A string, a number or a boolean as text; nil for null, missing or anything else.
    func lenientString(_ key: Key) -> String? {
        if let s = try? decodeIfPresent(String.self, forKey: key) { return s }
        if let i = try? decodeIfPresent(Int64.self, forKey: key) { return String(i) }
        if let d = try? decodeIfPresent(Double.self, forKey: key) { return d.isFinite ? String(d) : nil }
        if let b = try? decodeIfPresent(Bool.self, forKey: key) { return String(b) }
        return nil
    }

    /// An array of strings, skipping entries that are not strings; a lone string becomes one entry.
    func lenientStrings(_ key: Key) -> [String] {
        if let many = try? decodeIfPresent([LenientString].self, forKey: key) {
            return many.compactMap(\.value).filter { !$0.isEmpty }
        }
        if let one = lenientString(key), !one.isEmpty { return [one] }
        return []
    }
}

/// A JSON value read as text when it is a string or a number, else nil.
struct LenientString: Decodable {
    let value: String?

    init(from decoder: any Decoder) {
        guard let c = try? decoder.singleValueContainer() else { value = nil; return }
        if let s = try? c.decode(String.self) { value = s } else if let i = try? c.decode(Int64.self) { value = String(i) } else { value = nil }
    }
}
