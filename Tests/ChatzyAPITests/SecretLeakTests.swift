import ChatzyAPI
import Foundation
import Testing

/// The token and the password never appear in any error text, description or dump, even when
/// a hostile server echoes them back in every place it can.
@Suite struct SecretLeakTests {
    static let token = "eyJSECRET.token.value-9f8e7d"
    static let password = "hunter2-correct-horse"

    /// Everything a person or a log could ever see of an error.
    func everyRendering(of error: APIError) -> [String] {
        var dumped = ""
        dump(error, to: &dumped)
        return [error.message, error.signInMessage, error.description, String(describing: error),
                String(reflecting: error), "\(error)", dumped, (error as NSError).localizedDescription]
    }

    func echoingServer() throws -> LoopbackHTTPServer {
        // Answers each path with a different failure, every one quoting the secrets back.
        try LoopbackHTTPServer { request in
            let echo = "you sent \(request.header("Authorization") ?? "") and \(String(decoding: request.body, as: UTF8.self))"
            let quoted = String(decoding: try! JSONSerialization.data(withJSONObject: ["message": echo]), as: UTF8.self)
            switch request.target.split(separator: "?").first.map(String.init) ?? "" {
            case "/bad/get_contact_conversations": return .respond(status: 400, body: json(quoted))
            case "/html/get_contact_conversations": return .respond(status: 200, body: json("<p>\(echo)</p>"))
            case "/shape/get_contact_conversation_messages": return .respond(status: 200, body: json(#"{"oops": "\#(echo)"}"#))
            case "/edge/get_contact_conversations":
                // The token straddles the 200-byte prefix and the 160-character message limits.
                return .respond(status: 200, body: json(String(repeating: "x", count: 174) + echo))
            case "/edge/get_contact_conversation_messages":
                let long = String(repeating: "y", count: 134) + echo
                return .respond(status: 400, body: try! JSONSerialization.data(withJSONObject: ["message": long]))
            case "/bad/get_id_token": return .respond(status: 400, body: json(quoted))
            case "/html/get_id_token": return .respond(status: 200, body: json("<p>\(echo)</p>"))
            default: return .respond(status: 503, body: json(quoted))
            }
        }
    }

    @Test func noErrorOfAFailingCallContainsTheTokenOrPassword() async throws {
        let server = try echoingServer()
        defer { server.stop() }
        var errors: [APIError] = []
        for prefix in ["bad", "html", "shape", "edge", "down"] {
            let c = ChatzyClient(endpoint: try ChatzyEndpoint(baseURL: server.url.appendingPathComponent(prefix)), token: Self.token)
            for result in [
                await outcome { try await c.contacts(ContactQuery(email: "a@b.c", search: "x")) }.map { _ in () },
                await outcome { try await c.conversations(ConversationQuery(contactID: "c1")) }.map { _ in () },
                await outcome { try await c.login(email: "a@b.c", password: Self.password) }.map { _ in () },
            ] {
                errors.append(try #require(result.failure))
            }
        }
        // The server did echo the secrets: the test would catch a leak.
        #expect(server.requests.count == 15)
        #expect(errors.contains(.badRequest("you sent Bearer ‹redacted› and ")))
        for error in errors {
            for text in everyRendering(of: error) {
                #expect(!text.contains(Self.token), "token leaked in \(text)")
                #expect(!text.contains(Self.password), "password leaked in \(text)")
                #expect(!text.contains("eyJSECRET"), "part of the token leaked in \(text)")
            }
        }
    }

    @Test func a401WithTheWrongTokenDoesNotQuoteIt() async throws {
        let server = try echoingServer()
        defer { server.stop() }
        let c = ChatzyClient(endpoint: try ChatzyEndpoint(baseURL: server.url), token: Self.token)
        let error = try #require(await outcome { try await c.contacts(ContactQuery(email: "a@b.c")) }.failure)
        for text in everyRendering(of: error) { #expect(!text.contains(Self.token)) }
    }

    @Test func tokensAndClientsPrintRedacted() throws {
        let token = IDToken(token: Self.token, expiresAt: Date(timeIntervalSince1970: 1_752_577_991))
        let session = SavedSession(email: "a@b.c", token: token)
        let client = ChatzyClient(endpoint: try ChatzyEndpoint(baseURL: URL(string: "https://x.example")!), token: Self.token)
        var dumps = ""
        dump(token, to: &dumps)
        dump(session, to: &dumps)
        dump(client, to: &dumps)
        let texts = [String(describing: token), String(reflecting: token), "\(session)", String(reflecting: session),
                     String(describing: client), dumps]
        for text in texts { #expect(!text.contains(Self.token), "token leaked in \(text)") }
        #expect(String(describing: token) == "IDToken(‹redacted›, expires 2025-07-15T11:13:11Z)")
        #expect(dumps.contains("signedIn: true"))
    }
}
