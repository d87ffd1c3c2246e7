import ChatzyAPI
import Foundation
import Testing

/// What actually reaches a server's socket: request line, headers, body.
@Suite struct WireRequestTests {
    static let emptyPage = contactsBody("")

    @Test func contactsRequestCarriesBearerUserAgentAndTheExactTarget() async throws {
        let server = try LoopbackHTTPServer { _ in .respond(status: 200, body: Self.emptyPage) }
        defer { server.stop() }
        let query = ContactQuery(email: "ops+team@shop.io", search: "+1555 José & co=1", limit: 100, offset: 7, filter: .unread)
        let page = try await client(for: server.url, token: "tok-123").contacts(query)
        #expect(page.contacts.isEmpty && page.skipped == 0)
        let request = try #require(server.requests.first)
        #expect(request.method == "GET")
        #expect(request.target == "/get_contact_conversations?user_email_id=ops%2Bteam%40shop.io"
                + "&search=%2B1555%20Jos%C3%A9%20%26%20co%3D1&limit=100&offset=7&filter=unread")
        #expect(request.header("Authorization") == "Bearer tok-123")
        #expect(request.header("User-Agent") == "chatzy-inbox/\(ChatzyClient.version)")
        #expect(request.header("Accept") == "application/json")
    }

    @Test func conversationsRequestTarget() async throws {
        let body = json(#"{"data": {"data": {"contact": null, "conversations": []}}}"#)
        let server = try LoopbackHTTPServer { _ in .respond(status: 200, body: body) }
        defer { server.stop() }
        let answer = try await client(for: server.url, token: "tok").conversations(ConversationQuery(contactID: "c/1", limit: 10, offset: 20))
        #expect(answer.contact == nil && answer.conversations.isEmpty)
        let request = try #require(server.requests.first)
        #expect(request.target == "/get_contact_conversation_messages?contact_id=c%2F1&limit=10&offset=20")
        #expect(request.header("Authorization") == "Bearer tok")
    }

    @Test func aBasePathIsKept() async throws {
        let server = try LoopbackHTTPServer { _ in .respond(status: 200, body: Self.emptyPage) }
        defer { server.stop() }
        let base = server.url.appendingPathComponent("prod")
        _ = try await client(for: base).contacts(ContactQuery(email: "a@b.c"))
        #expect(server.requests.first?.target.hasPrefix("/prod/get_contact_conversations?") == true)
    }

    @Test func loginPostsJSONWithoutAuthorization() async throws {
        let server = try LoopbackHTTPServer { _ in
            .respond(status: 200, body: json(#"{"data": {"message": "ok", "idToken": "eyJ.x.y", "expiryAt": 1752577991000}}"#))
        }
        defer { server.stop() }
        let token = try await client(for: server.url, token: "old").login(email: "me@x.io", password: "p@ss \"w\"")
        #expect(token.token == "eyJ.x.y")
        #expect(token.expiresAt == Date(timeIntervalSince1970: 1_752_577_991))
        let request = try #require(server.requests.first)
        #expect(request.method == "POST" && request.target == "/get_id_token")
        #expect(request.header("Authorization") == nil)
        #expect(request.header("Content-Type") == "application/json")
        let sent = try #require(try JSONSerialization.jsonObject(with: request.body) as? [String: String])
        #expect(sent == ["user_email_id": "me@x.io", "password": "p@ss \"w\""])
    }

    @Test func noTokenMeansNoAuthorizationHeader() async throws {
        let server = try LoopbackHTTPServer { _ in .respond(status: 200, body: Self.emptyPage) }
        defer { server.stop() }
        _ = try await client(for: server.url, token: nil).contacts(ContactQuery(email: "a@b.c"))
        #expect(server.requests.first?.header("Authorization") == nil)
    }

    @Test func answersAreNeverServedFromACache() async throws {
        let server = try LoopbackHTTPServer { _ in
            .respond(status: 200, headers: ["Cache-Control": "public, max-age=3600", "ETag": "\"v1\""], body: Self.emptyPage)
        }
        defer { server.stop() }
        let c = try client(for: server.url)
        for _ in 0..<3 { _ = try await c.contacts(ContactQuery(email: "a@b.c")) }
        #expect(server.requests.count == 3)
        #expect(server.requests.allSatisfy { $0.header("If-None-Match") == nil })
    }

    @Test func redirectsAreNotFollowed() async throws {
        let server = try LoopbackHTTPServer { request in
            request.target.hasPrefix("/elsewhere")
                ? .respond(status: 200, body: Self.emptyPage)
                : .respond(status: 302, headers: ["Location": "/elsewhere"])
        }
        defer { server.stop() }
        let result = await outcome { try await client(for: server.url).contacts(ContactQuery(email: "a@b.c")) }
        #expect(result.failure == .server(status: 302))
        #expect(server.requests.count == 1)
        #expect(result.failure?.message == "Unexpected redirect (302), not followed")
    }
}
