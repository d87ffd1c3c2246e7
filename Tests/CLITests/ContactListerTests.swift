import ChatzyAPI
import DemoServer
import Foundation
@testable import InboxCLI
import Testing

/// `list`'s streaming against the DemoServer over real HTTP: every format, every page,
/// `--max`, a reader that leaves early, and errors.
@Suite(.serialized) struct ContactListerTests {
    static let contactCount = 120

    /// A demo server with `contactCount` contacts and a client signed in to it.
    static func withServer(_ body: (DemoServer, RenewableClient) async throws -> Void) async throws {
        let server = try await DemoServer.start(DemoServerOptions(contacts: contactCount))
        let client = RenewableClient(endpoint: try ChatzyEndpoint(baseURL: server.url), email: DemoServerOptions.demoEmail,
                                     token: server.issueToken(), log: .disabled())
        do { try await body(server, client) } catch {
            await server.shutdown()
            throw error
        }
        await server.shutdown()
    }

    static func lister(_ client: RenewableClient, _ format: ListFormat, pageSize: Int = 50, max: Int? = nil,
                       filter: ConversationFilter = .all, search: String = "") -> ContactLister {
        ContactLister(fetcher: client, email: DemoServerOptions.demoEmail, filter: filter, search: search,
                      pageSize: pageSize, max: max, formatter: ContactFormatter(format: format))
    }

    @Test func jsonlIsOneRawObjectPerContactAcrossEveryPage() async throws {
        try await Self.withServer { _, client in
            let sink = MemorySink()
            let summary = try await Self.lister(client, .jsonl, pageSize: 50).run(to: sink)
            #expect(summary.written == Self.contactCount)
            #expect(summary.pages == 3, "50 + 50 + 20: the short page ends the list")
            #expect(!summary.outputClosed)
            let lines = sink.text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
            #expect(lines.count == Self.contactCount)
            var ids = Set<String>()
            for line in lines {
                let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
                ids.insert(try #require(object["contact_id"] as? String))
                #expect(object["unread_message_count"] is String, "kept as the server wrote it: a string")
            }
            #expect(ids.count == Self.contactCount)
        }
    }

    @Test func jsonIsOneArrayEqualToTheJSONLObjects() async throws {
        try await Self.withServer { _, client in
            let jsonSink = MemorySink(), jsonlSink = MemorySink()
            _ = try await Self.lister(client, .json, pageSize: 40).run(to: jsonSink)
            _ = try await Self.lister(client, .jsonl, pageSize: 40).run(to: jsonlSink)
            let array = try #require(try JSONSerialization.jsonObject(with: Data(jsonSink.bytes)) as? [[String: Any]])
            #expect(array.count == Self.contactCount)
            // The server writes keys in a different order on every answer, so compare what they say.
            let lineIDs = try jsonlSink.text.split(separator: "\n").map {
                try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])["contact_id"] as? String
            }
            #expect(array.map { $0["contact_id"] as? String } == lineIDs, "the same contacts, in the same order")
            #expect(jsonSink.text.hasPrefix("[\n{") && jsonSink.text.hasSuffix("}\n]\n"))
            #expect(jsonSink.text.split(separator: "\n").count == Self.contactCount + 2, "one object per line between [ and ]")
        }
    }

    @Test func tableAndTSVHaveAHeaderAndOneLinePerContact() async throws {
        try await Self.withServer { _, client in
            for format in [ListFormat.table, .tsv] {
                let sink = MemorySink()
                let summary = try await Self.lister(client, format, pageSize: 100).run(to: sink)
                let lines = sink.text.split(separator: "\n")
                #expect(lines.count == Self.contactCount + 1)
                #expect(summary.written == Self.contactCount)
                #expect(lines[0].hasPrefix(format == .table ? "UNREAD  NAME" : "contact_id\tname"))
                if format == .tsv { #expect(lines.allSatisfy { $0.split(separator: "\t", omittingEmptySubsequences: false).count == 9 }) }
            }
        }
    }

    @Test func maxStopsEarlyAndAsksForNoMoreThanItNeeds() async throws {
        try await Self.withServer { _, client in
            let sink = MemorySink()
            let summary = try await Self.lister(client, .jsonl, pageSize: 50, max: 7).run(to: sink)
            #expect(summary.written == 7)
            #expect(summary.pages == 1)
            #expect(sink.text.split(separator: "\n").count == 7)
            let more = MemorySink()
            #expect(try await Self.lister(client, .jsonl, pageSize: 50, max: 75).run(to: more).pages == 2)
            #expect(more.text.split(separator: "\n").count == 75)
        }
    }

    @Test func filterAndSearchReachTheServer() async throws {
        try await Self.withServer { _, client in
            let live = MemorySink()
            _ = try await Self.lister(client, .jsonl, filter: .live).run(to: live)
            let statuses = try live.text.split(separator: "\n").map {
                try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])["conversation_status"] as? String
            }
            #expect(!statuses.isEmpty)
            #expect(statuses.allSatisfy { $0 == "live" })
            let all = MemorySink()
            _ = try await Self.lister(client, .tsv).run(to: all)
            let someName = try #require(all.text.split(separator: "\n").dropFirst().first?.split(separator: "\t")[1])
            let found = MemorySink()
            _ = try await Self.lister(client, .tsv, search: String(someName)).run(to: found)
            #expect(found.text.contains(String(someName)))
            #expect(found.text.split(separator: "\n").count < all.text.split(separator: "\n").count)
        }
    }

    @Test func aReaderLeavingEndsTheRunQuietly() async throws {
        try await Self.withServer { _, client in
            let sink = MemorySink(closeAfterWrites: 1)
            let summary = try await Self.lister(client, .jsonl, pageSize: 10).run(to: sink)
            #expect(summary.outputClosed)
            #expect(summary.written == 20, "the first page was written, the second write failed")
            #expect(summary.pages == 2, "nothing more is fetched once the reader has gone")
        }
    }

    @Test func anExpiredTokenFailsWithUnauthorized() async throws {
        try await Self.withServer { server, _ in
            let client = RenewableClient(endpoint: try ChatzyEndpoint(baseURL: server.url), email: DemoServerOptions.demoEmail,
                                         token: "not-a-token", log: .disabled())
            await #expect(throws: ContactLister.Failure.api(.unauthorized)) {
                try await Self.lister(client, .table).run(to: MemorySink())
            }
        }
    }

    @Test func signingInAgainSwapsTheToken() async throws {
        try await Self.withServer { server, _ in
            let dir = try temporaryDirectory()
            let logPath = dir.appendingPathComponent("l.log").path
            let log = try FileLogger(path: logPath, level: .debug, redactor: Redactor())
            let client = RenewableClient(endpoint: try ChatzyEndpoint(baseURL: server.url), email: DemoServerOptions.demoEmail,
                                         token: "expired-token", log: log)
            await #expect(throws: APIError.unauthorized) { try await client.contacts(ContactQuery(email: DemoServerOptions.demoEmail)) }
            await #expect(throws: APIError.unauthorized) { try await client.signIn(password: "wrong-password") }
            let token = try await client.signIn(password: DemoServerOptions.demoPassword)
            let page = try await client.contacts(ContactQuery(email: DemoServerOptions.demoEmail, limit: 5))
            #expect(page.contacts.count == 5)
            let text = try String(contentsOfFile: logPath, encoding: .utf8)
            #expect(text.contains("get_contact_conversations?user_email_id="), "requests are logged with their URL")
            for secret in [token.token, "expired-token", "wrong-password", DemoServerOptions.demoPassword] {
                #expect(!text.contains(secret), "the log holds no secret")
            }
        }
    }
}
