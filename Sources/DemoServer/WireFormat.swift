import Foundation
import Hummingbird

/// The JSON shapes of the Chatzy contract, built from demo values.
enum WireFormat {
    /// The `contact` object of `GET /get_contact_conversation_messages`.
    static func contactDetail(_ c: DemoContact, state: ContactState, conversations: [DemoConversation], seed: UInt64) -> [String: Any] {
        var rng = SeededRandom(seed: seed, stream: UInt64(c.index), substream: 0xDE)
        let oldest = conversations.last?.messages.first?.createdAt ?? state.latest
        let frozen = rng.chance(0.02)
        let (first, last) = c.nameParts
        return [
            "contact_id": c.id,
            "user_email_id": DemoServerOptions.demoEmail,
            "first_name": first,
            "last_name": last,
            "phone_number": c.phone,
            "created_at": time(oldest - Int64(rng.int(in: 60...90 * 86_400))),
            "last_interacted_at": time(state.latest),
            "contact_queries": conversations.reduce(0) { $0 + $1.messages.filter { $0.role == "user" }.count },
            "is_blacklisted": rng.chance(0.01),
            "is_frozen": frozen,
            "frozen_until": frozen ? time(state.latest + Int64(rng.int(in: 3_600...7 * 86_400))) : NSNull(),
        ]
    }

    /// A conversation with the given messages (a page of its messages, oldest first).
    static func conversation(_ conversation: DemoConversation, messages: [DemoMessage]) -> [String: Any] {
        [
            "conversation_id": conversation.id,
            "conversation_status": conversation.status,
            "conversation_type": conversation.type,
            "assigned_to": conversation.assignedTo,
            "chatbot_id": conversation.chatbotID,
            "messages": messages.map { message(for: $0, channel: conversation.type) },
        ]
    }

    static func message(for m: DemoMessage, channel: String) -> [String: Any] {
        let delivery: [[String: Any]] = [[
            "status": m.role == "user" ? "received" : (m.order % 3 == 0 ? "delivered" : "read"),
            "created_at": time(m.createdAt),
            "data": ["type": "text", "text": ["body": m.content]],
        ]]
        return [
            "message_id": m.id,
            "content": m.content,
            "role": m.role,
            "created_at": time(m.createdAt),
            "message_order": m.order,
            "wa_messages": channel == "whatsapp" ? delivery : [],
            "instagram_messages": channel == "instagram" ? delivery : [],
            "messenger_messages": channel == "messenger" ? delivery : [],
        ]
    }

    /// ISO 8601 in UTC, whole seconds: `2023-11-07T05:31:56Z`. Built by hand: Foundation's
    /// format styles cost more than the rest of a row.
    static func time(_ seconds: Int64) -> String {
        var clock = time_t(seconds)
        var parts = tm()
        gmtime_r(&clock, &parts)
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T"
            + "\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))Z"
    }

    /// Set by the knobs for a request whose JSON body is to be cut in half (`--truncate-every`).
    @TaskLocal static var truncateBodies = false

    static func json(_ status: HTTPResponse.Status, _ object: Any, rows: Int? = nil) -> Response {
        body(status, (try? JSONSerialization.data(withJSONObject: object)) ?? Data("{}".utf8), rows: rows)
    }

    /// The same for an `Encodable` body (much faster to write than dictionaries).
    static func json(_ status: HTTPResponse.Status, encoding value: some Encodable, rows: Int? = nil) -> Response {
        body(status, (try? JSONEncoder().encode(value)) ?? Data("{}".utf8), rows: rows)
    }

    private static func body(_ status: HTTPResponse.Status, _ encoded: Data, rows: Int?) -> Response {
        var data = encoded
        if truncateBodies { data = data.prefix(data.count / 2) }
        if let rows { RowCount.report(rows) }
        return Response(status: status, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
