import DemoServer
import Foundation
import Testing

@Suite("POST /get_id_token")
struct LoginContractTests {
    @Test("the demo credentials give a token in the documented shape, expiring in an hour")
    func demoCredentials() async throws {
        let peer = try await Peer.start(DemoServerOptions(contacts: 20))
        defer { peer.server.stop() }
        let before = Date().timeIntervalSince1970 * 1000
        let answer = try await peer.login(["user_email_id": DemoServerOptions.demoEmail, "password": DemoServerOptions.demoPassword])
        #expect(answer.status == 200)
        let data = try #require((answer.json as? [String: Any])?["data"] as? [String: Any])
        #expect(data.text("message") == "Successfully retrieved ID token")
        let token = try #require(data["idToken"] as? String)
        let expiry = try #require((data["expiryAt"] as? NSNumber)?.doubleValue)
        #expect(abs(expiry - before - 3_600_000) < 5_000)
        let contacts = try await peer.contacts().status
        #expect(contacts == 200)
        let withNewToken = try await peer.get("get_contact_conversations", [("user_email_id", DemoServerOptions.demoEmail)],
                                             authorization: "Bearer \(token)")
        #expect(withNewToken.status == 200)
    }

    @Test("the email is matched case-insensitively")
    func emailCase() async throws {
        let peer = try await Peer.start(DemoServerOptions(contacts: 5))
        defer { peer.server.stop() }
        let answer = try await peer.login(["user_email_id": DemoServerOptions.demoEmail.uppercased(), "password": DemoServerOptions.demoPassword])
        #expect(answer.status == 200)
    }

    @Test("a wrong password or an unknown account answers 401")
    func wrongCredentials() async throws {
        let peer = try await Peer.start(DemoServerOptions(contacts: 5))
        defer { peer.server.stop() }
        let wrongPassword = try await peer.login(["user_email_id": DemoServerOptions.demoEmail, "password": "nope"])
        #expect(wrongPassword.status == 401)
        let unknown = try await peer.login(["user_email_id": "someone@else.example", "password": DemoServerOptions.demoPassword])
        #expect(unknown.status == 401)
    }

    @Test("a body without both fields answers 400 with a message")
    func missingFields() async throws {
        let peer = try await Peer.start(DemoServerOptions(contacts: 5))
        defer { peer.server.stop() }
        let answer = try await peer.login(["user_email_id": DemoServerOptions.demoEmail])
        #expect(answer.status == 400)
        #expect(answer.message?.isEmpty == false)
    }

    @Test("--token-ttl sets expiryAt, and the token stops working when it passes")
    func tokenTTL() async throws {
        let peer = try await Peer.start(DemoServerOptions(contacts: 5, tokenTTLSeconds: 1))
        defer { peer.server.stop() }
        let before = Date().timeIntervalSince1970 * 1000
        let answer = try await peer.login(["user_email_id": DemoServerOptions.demoEmail, "password": DemoServerOptions.demoPassword])
        let data = try #require((answer.json as? [String: Any])?["data"] as? [String: Any])
        let token = try #require(data["idToken"] as? String)
        let expiry = try #require((data["expiryAt"] as? NSNumber)?.doubleValue)
        #expect(abs(expiry - before - 1_000) < 1_000)
        let query = [("user_email_id", DemoServerOptions.demoEmail)]
        #expect(try await peer.get("get_contact_conversations", query, authorization: "Bearer \(token)").status == 200)
        try await Task.sleep(for: .milliseconds(1_300))
        #expect(try await peer.get("get_contact_conversations", query, authorization: "Bearer \(token)").status == 401)
    }
}
