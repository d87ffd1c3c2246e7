import DemoServer
import Foundation
import Testing

@Suite("GET /get_contact_conversations: parameters, bounds and auth")
struct ContactsParameterTests {
    @Test("without a valid Bearer token it answers 401",
          arguments: ["", "Bearer", "Bearer not-a-token", "Basic ZGVtbzpkZW1v", "demo.token-without-bearer"])
    func unauthorized(header: String) async throws {
        let peer = try await Peer.start(DemoServerOptions(contacts: 5))
        defer { peer.server.stop() }
        let answer = try await peer.get("get_contact_conversations", [("user_email_id", DemoServerOptions.demoEmail)], authorization: header)
        #expect(answer.status == 401)
    }

    @Test("a missing user_email_id answers 400 with a JSON message")
    func missingEmail() async throws {
        let peer = try await Peer.start(DemoServerOptions(contacts: 5))
        defer { peer.server.stop() }
        for query in [[], [("user_email_id", "")]] {
            let answer = try await peer.get("get_contact_conversations", query)
            #expect(answer.status == 400)
            #expect(answer.message?.contains("user_email_id") == true)
        }
    }

    @Test("a bad limit, offset or filter answers 400 with a JSON message naming it",
          arguments: [("limit", "0"), ("limit", "101"), ("limit", "-1"), ("limit", "ten"), ("limit", ""), ("limit", "1.5"),
                      ("offset", "-1"), ("offset", "x"), ("offset", ""),
                      ("filter", "read"), ("filter", "ALL"), ("filter", "")])
    func badParameter(name: String, value: String) async throws {
        let peer = try await Peer.start(DemoServerOptions(contacts: 5))
        defer { peer.server.stop() }
        let answer = try await peer.contacts([(name, value)])
        #expect(answer.status == 400)
        #expect(answer.message?.contains(name) == true)
    }

    @Test("limit defaults to 10 and accepts 1 and 100; offset defaults to 0")
    func defaultsAndBounds() async throws {
        let peer = try await Peer.start(DemoServerOptions(contacts: 150))
        defer { peer.server.stop() }
        let plain = try await peer.contacts()
        #expect(plain.status == 200)
        #expect(plain.contacts.count == 10)
        #expect(try await peer.contacts([("limit", "1")]).contacts.count == 1)
        let hundred = try await peer.contacts([("limit", "100")])
        #expect(hundred.contacts.count == 100)
        let explicit = try await peer.contacts([("limit", "10"), ("offset", "0"), ("filter", "all")])
        #expect(explicit.contacts.map { $0.text("contact_id") } == plain.contacts.map { $0.text("contact_id") })
        #expect(hundred.contacts.prefix(10).map { $0.text("contact_id") } == plain.contacts.map { $0.text("contact_id") })
    }

    @Test("every row has the documented fields and types; unread_message_count is a string")
    func rowShape() async throws {
        let peer = try await Peer.start(DemoServerOptions(contacts: 200))
        defer { peer.server.stop() }
        let rows = try await peer.allContacts()
        #expect(rows.count == 200)
        for row in rows {
            for key in ["contact_id", "contact_name", "phone_number", "email", "conversation_status", "assigned_to",
                        "unread_message_count", "latest_message_time"] {
                #expect(row[key] is String, "\(key) in \(row)")
            }
            #expect(Int(row.text("unread_message_count")) != nil)
            #expect(parseTime(row.text("latest_message_time")) != nil)
            let channels = try #require(row["channels"] as? [String])
            #expect(Set(channels).isSubset(of: ["whatsapp", "instagram", "messenger", "website"]))
        }
    }
}
