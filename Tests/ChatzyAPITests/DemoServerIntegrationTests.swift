import ChatzyAPI
import DemoServer
import Foundation
import Testing

/// The real client against the real demo server over 127.0.0.1: real HTTP, real JSON.
@Suite struct DemoServerIntegrationTests {
    static let email = DemoServerOptions.demoEmail

    /// Starts a server with 120 contacts, runs `body` with a signed-in client, stops the server.
    func withServer(_ options: DemoServerOptions = DemoServerOptions(contacts: 120),
                    _ body: (DemoServer, ChatzyClient) async throws -> Void) async throws {
        let server = try await DemoServer.start(options)
        defer { server.stop() }
        let client = ChatzyClient(endpoint: try ChatzyEndpoint(baseURL: server.url), token: server.issueToken())
        try await body(server, client)
    }

    @Test func paginationEdges() async throws {
        try await withServer { _, client in
            let full = try await client.contacts(ContactQuery(email: Self.email, limit: 100, offset: 0))
            #expect(full.contacts.count == 100 && full.skipped == 0 && !full.isLast(limit: 100))
            let short = try await client.contacts(ContactQuery(email: Self.email, limit: 100, offset: 100))
            #expect(short.contacts.count == 20 && short.isLast(limit: 100))
            let exact = try await client.contacts(ContactQuery(email: Self.email, limit: 20, offset: 100))
            #expect(exact.contacts.count == 20 && !exact.isLast(limit: 20))
            let past = try await client.contacts(ContactQuery(email: Self.email, limit: 10, offset: 500))
            #expect(past.contacts.isEmpty && past.isLast(limit: 10))
            let ids = (full.contacts + short.contacts).map(\.id)
            #expect(Set(ids).count == 120)
            let times = (full.contacts + short.contacts).compactMap(\.latestMessageTime)
            #expect(times.count == 120 && times == times.sorted(by: >))
        }
    }

    @Test func pagesTileTheListWithoutGapsOrRepeats() async throws {
        try await withServer { _, client in
            let whole = try await client.contacts(ContactQuery(email: Self.email, limit: 100)).contacts.map(\.id)
            var paged: [String] = []
            for offset in stride(from: 0, to: 100, by: 30) {
                paged += try await client.contacts(ContactQuery(email: Self.email, limit: 30, offset: offset)).contacts.map(\.id)
            }
            #expect(Array(paged.prefix(100)) == whole)
        }
    }

    @Test func filtersSelectWhatTheyName() async throws {
        try await withServer { _, client in
            let unread = try await client.contacts(ContactQuery(email: Self.email, limit: 100, filter: .unread)).contacts
            #expect(!unread.isEmpty && unread.allSatisfy(\.unreadCount.hasUnread))
            let live = try await client.contacts(ContactQuery(email: Self.email, limit: 100, filter: .live)).contacts
            #expect(!live.isEmpty && live.allSatisfy(\.isLive))
        }
    }

    @Test func aSearchWithPlusAndNonASCIIReachesTheServerIntact() async throws {
        try await withServer { _, client in
            let all = try await client.contacts(ContactQuery(email: Self.email, limit: 100)).contacts
            let phone = try #require(all.compactMap(\.phoneNumber).first { $0.hasPrefix("+") })
            let byPhone = try await client.contacts(ContactQuery(email: Self.email, search: String(phone.prefix(7)), limit: 100))
            // Were "+" decoded as a space the server would search " 1…" and find nothing.
            #expect(byPhone.contacts.contains { $0.phoneNumber == phone })
            let accented = try #require(all.compactMap(\.name).first { !$0.unicodeScalars.allSatisfy(\.isASCII) })
            let word = try #require(accented.split(separator: " ").first { !$0.unicodeScalars.allSatisfy(\.isASCII) })
            let byName = try await client.contacts(ContactQuery(email: Self.email, search: String(word), limit: 100))
            #expect(!byName.contacts.isEmpty && byName.contacts.allSatisfy { $0.name?.contains(word) == true })
            let nothing = try await client.contacts(ContactQuery(email: Self.email, search: "a&filter=live", limit: 100))
            #expect(nothing.contacts.isEmpty)
        }
    }

    @Test func theWrongTokenIs401() async throws {
        try await withServer { server, _ in
            let intruder = ChatzyClient(endpoint: try ChatzyEndpoint(baseURL: server.url), token: "not-a-real-token")
            #expect(await outcome { try await intruder.contacts(ContactQuery(email: Self.email)) }.failure == .unauthorized)
            let anonymous = ChatzyClient(endpoint: try ChatzyEndpoint(baseURL: server.url), token: nil)
            #expect(await outcome { try await anonymous.contacts(ContactQuery(email: Self.email)) }.failure == .unauthorized)
        }
    }

    @Test func anExpiredTokenIs401() async throws {
        // A time-to-live of 0 issues tokens that are already expired.
        try await withServer(DemoServerOptions(contacts: 5, tokenTTLSeconds: 0)) { _, client in
            #expect(await outcome { try await client.contacts(ContactQuery(email: Self.email)) }.failure == .unauthorized)
        }
    }

    @Test func loginGivesAWorkingTokenAndWrongPasswordIs401() async throws {
        try await withServer { server, _ in
            let anonymous = ChatzyClient(endpoint: try ChatzyEndpoint(baseURL: server.url), token: nil)
            let token = try await anonymous.login(email: Self.email, password: DemoServerOptions.demoPassword)
            #expect(!token.isExpired() && token.expiresAt.timeIntervalSinceNow > 3000)
            let signedIn = ChatzyClient(endpoint: try ChatzyEndpoint(baseURL: server.url), token: token.token)
            #expect(try await signedIn.contacts(ContactQuery(email: Self.email, limit: 3)).contacts.count == 3)
            let wrong = await outcome { try await anonymous.login(email: Self.email, password: "nope") }.failure
            #expect(wrong == .unauthorized && wrong?.signInMessage == "Wrong email or password (401)")
        }
    }

    @Test func aMissingEmailIsABadRequestWithTheServersMessage() async throws {
        try await withServer { _, client in
            let error = await outcome { try await client.contacts(ContactQuery(email: "")) }.failure
            #expect(error == .badRequest("user_email_id is required"))
        }
    }

    @Test func injectedServerFailuresAre500() async throws {
        try await withServer(DemoServerOptions(contacts: 5, failEvery: 1)) { _, client in
            let error = await outcome { try await client.contacts(ContactQuery(email: Self.email)) }.failure
            #expect(error == .server(status: 500) && error?.isTransient == true)
        }
    }

    @Test func cancellationMidRequest() async throws {
        try await withServer(DemoServerOptions(contacts: 5, latencyMilliseconds: 10_000)) { _, client in
            let task = Task { await outcome { try await client.contacts(ContactQuery(email: Self.email)) } }
            try await Task.sleep(for: .milliseconds(200))
            task.cancel()
            // A completed request would be a success: `.cancelled` means it was abandoned
            // mid-flight. (CancellationTests shows the connection itself is closed.)
            #expect(await task.value.failure == .cancelled)
        }
    }
}
