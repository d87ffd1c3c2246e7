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
        let after = Date().timeIntervalSince1970 * 1000
        #expect(answer.status == 200)
        let data = try #require((answer.json as? [String: Any])?["data"] as? [String: Any])
        #expect(data.text("message") == "Successfully retrieved ID token")
        let token = try #require(data["idToken"] as? String)
        let expiry = try #require((data["expiryAt"] as? NSNumber)?.doubleValue)
        // An hour after the moment the server answered, however slow the machine.
        #expect(expiry >= before + 3_600_000 - 1 && expiry <= after + 3_600_000 + 1)
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
        let ttl = 3.0
        let peer = try await Peer.start(DemoServerOptions(contacts: 5, tokenTTLSeconds: Int(ttl)))
        defer { peer.server.stop() }
        let before = Date().timeIntervalSince1970 * 1000
        let answer = try await peer.login(["user_email_id": DemoServerOptions.demoEmail, "password": DemoServerOptions.demoPassword])
        let after = Date().timeIntervalSince1970 * 1000
        let data = try #require((answer.json as? [String: Any])?["data"] as? [String: Any])
        let token = try #require(data["idToken"] as? String)
        let expiry = try #require((data["expiryAt"] as? NSNumber)?.doubleValue)
        #expect(expiry >= before + ttl * 1000 - 1 && expiry <= after + ttl * 1000 + 1, "expiryAt is ttl after the login")
        let query = [("user_email_id", DemoServerOptions.demoEmail)]
        let early = try await peer.get("get_contact_conversations", query, authorization: "Bearer \(token)").status
        // On a loaded machine the first call may itself arrive after the expiry; only then may it be 401.
        if Date().timeIntervalSince1970 * 1000 < expiry - 200 {
            #expect(early == 200)
        } else {
            #expect(early == 200 || early == 401)
        }
        let wait = max(0, expiry - Date().timeIntervalSince1970 * 1000) + 300
        try await Task.sleep(for: .milliseconds(Int(wait)))
        #expect(try await peer.get("get_contact_conversations", query, authorization: "Bearer \(token)").status == 401)
    }
}
