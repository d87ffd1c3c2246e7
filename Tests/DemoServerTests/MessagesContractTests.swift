import DemoServer
import Foundation
import Testing

@Suite("GET /get_contact_conversation_messages")
struct MessagesContractTests {
    @Test("the documented contact + conversations + messages shape; the newest message is the contact's latest activity")
    func shape() async throws {
        let peer = try await Peer.start(DemoServerOptions(contacts: 40))
        defer { peer.server.stop() }
        for row in try await peer.allContacts() {
            let answer = try await peer.get("get_contact_conversation_messages", [("contact_id", row.text("contact_id")), ("limit", "100")])
            #expect(answer.status == 200)
            let contact = try #require(answer.payload["contact"] as? [String: Any])
            #expect(contact.text("contact_id") == row.text("contact_id"))
            #expect(contact.text("phone_number") == row.text("phone_number"))
            for key in ["user_email_id", "first_name", "last_name", "created_at", "last_interacted_at"] { #expect(contact[key] is String) }
            #expect(contact["contact_queries"] is NSNumber && contact["is_blacklisted"] is Bool && contact["is_frozen"] is Bool)
            #expect(contact.keys.contains("frozen_until"))
            let conversations = try #require(answer.payload["conversations"] as? [[String: Any]])
            #expect((1...3).contains(conversations.count))
            let newest = try #require((conversations.first?["messages"] as? [[String: Any]])?.last)
            #expect(parseTime(newest.text("created_at")) == parseTime(row.text("latest_message_time")))
            for conversation in conversations {
                for key in ["conversation_id", "conversation_status", "conversation_type", "assigned_to", "chatbot_id"] {
                    #expect(conversation[key] is String)
                }
                for message in conversation["messages"] as? [[String: Any]] ?? [] {
                    #expect(["user", "assistant", "agent"].contains(message.text("role")))
                    #expect(message["message_order"] is NSNumber && message["content"] is String && message["message_id"] is String)
                    #expect(message["wa_messages"] is [Any] && message["instagram_messages"] is [Any] && message["messenger_messages"] is [Any])
                }
            }
        }
    }

    @Test("limit and offset page through every message once: 3-200 per conversation, orders 1...n")
    func paging() async throws {
        let peer = try await Peer.start(DemoServerOptions(seed: 3, contacts: 30))
        defer { peer.server.stop() }
        for row in try await peer.allContacts().prefix(12) {
            var byConversation: [String: [Int]] = [:]
            var offset = 0
            while true {
                let answer = try await peer.get("get_contact_conversation_messages",
                                                [("contact_id", row.text("contact_id")), ("limit", "23"), ("offset", "\(offset)")])
                let conversations = try #require(answer.payload["conversations"] as? [[String: Any]])
                var count = 0
                for conversation in conversations {
                    let orders = (conversation["messages"] as? [[String: Any]] ?? []).map { ($0["message_order"] as! NSNumber).intValue }
                    #expect(orders == orders.sorted())
                    byConversation[conversation.text("conversation_id"), default: []] += orders
                    count += orders.count
                }
                #expect(count <= 23)
                offset += count
                if count < 23 { break }
            }
            for orders in byConversation.values {
                #expect(Set(orders) == Set(1...orders.count), "each message exactly once")
                #expect((3...200).contains(orders.count))
            }
        }
    }

    @Test("an unknown contact answers 404; a missing contact_id or bad paging 400; no token 401")
    func errors() async throws {
        let peer = try await Peer.start(DemoServerOptions(contacts: 10))
        defer { peer.server.stop() }
        let path = "get_contact_conversation_messages"
        let id = try #require(try await peer.contacts().contacts.first?.text("contact_id"))
        #expect(try await peer.get(path, [("contact_id", "096662f6-5acc-4699-923c-f7326936b39f")]).status == 404)
        #expect(try await peer.get(path, [("contact_id", "nonsense")]).status == 404)
        #expect(try await peer.get(path, []).status == 400)
        for (name, value) in [("limit", "0"), ("limit", "101"), ("offset", "-1"), ("limit", "x")] {
            let answer = try await peer.get(path, [("contact_id", id), (name, value)])
            #expect(answer.status == 400)
            #expect(answer.message?.contains(name) == true)
        }
        #expect(try await peer.get(path, [("contact_id", id)], authorization: "").status == 401)
        #expect(try await peer.get(path, [("contact_id", id), ("limit", "100"), ("offset", "100000")]).status == 200)
    }
}
