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

    /// What a lister told and waited for: its retry lines and its waits, recorded instead of slept.
    final class RetryLog: @unchecked Sendable {
        private let lock = NSLock()
        private var _notes: [String] = [], _waits: [Duration] = []
        var notes: [String] { lock.withLock { _notes } }
        var waits: [Duration] { lock.withLock { _waits } }
        func note(_ text: String) { lock.withLock { _notes.append(text) } }
        func wait(_ duration: Duration) { lock.withLock { _waits.append(duration) } }
    }

    /// A DemoServer with fault knobs and a client signed in to it, as `withServer`.
    static func withFaultyServer(_ configure: (inout DemoServerOptions) -> Void,
                                 _ body: (RenewableClient) async throws -> Void) async throws {
        var options = DemoServerOptions(contacts: contactCount)
        configure(&options)
        let server = try await DemoServer.start(options)
        let client = RenewableClient(endpoint: try ChatzyEndpoint(baseURL: server.url), email: DemoServerOptions.demoEmail,
                                     token: server.issueToken(), log: .disabled())
        do { try await body(client) } catch {
            await server.shutdown()
            throw error
        }
        await server.shutdown()
    }

    static func retryingLister(_ client: RenewableClient, retries: Int, _ log: RetryLog) -> ContactLister {
        ContactLister(fetcher: client, email: DemoServerOptions.demoEmail, pageSize: 20, formatter: ContactFormatter(format: .jsonl),
                      retries: retries, onRetry: { log.note($0) }, sleep: { log.wait($0) })
    }

    /// A 429 is waited out for at least its `Retry-After` and a 500 is asked again, each page
    /// until it comes: every contact once, nothing lost to the faults.
    @Test func rateLimitsAndServerErrorsAreRetriedUntilThePageComes() async throws {
        try await Self.withFaultyServer({
            $0.rateLimitEvery = 3; $0.rateLimitRetryAfterSeconds = 2; $0.failEvery = 4; $0.truncateEvery = 5
        }) { client in
            let log = RetryLog(), sink = MemorySink()
            // Up to four requests in a row fail (the 3rd, 4th, 5th and 6th): five retries are enough.
            let summary = try await Self.retryingLister(client, retries: 5, log).run(to: sink)
            #expect(summary.written == Self.contactCount)
            let ids = try sink.text.split(separator: "\n").map {
                try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])["contact_id"] as? String
            }
            #expect(Set(ids).count == Self.contactCount && ids.count == Self.contactCount, "each contact once")
            let limited = log.notes.indices.filter { log.notes[$0].hasPrefix("Rate limited (429): the server asks to wait 2s; trying again in") }
            let failed = log.notes.indices.filter { log.notes[$0].hasPrefix("Server error (500); trying again in") }
            let cut = log.notes.indices.filter { log.notes[$0].hasPrefix("Unreadable answer from the server: not JSON; trying again in") }
            #expect(!limited.isEmpty && !failed.isEmpty && !cut.isEmpty, "\(log.notes)")
            #expect(log.notes.allSatisfy { $0.range(of: #"\(retry [1-4] of 5\)$"#, options: .regularExpression) != nil }, "\(log.notes)")
            #expect(log.waits.count == log.notes.count)
            for i in limited { #expect(log.waits[i] >= .seconds(2), "the server's Retry-After: \(log.waits[i])") }
        }
    }

    /// A page that keeps failing is asked for `retries` more times, each wait longer, then the
    /// run fails naming the last answer and how often it was retried.
    @Test func aPageThatKeepsFailingGivesUpAfterItsRetries() async throws {
        try await Self.withFaultyServer({ $0.failEvery = 1 }) { client in
            let log = RetryLog()
            await #expect(throws: ContactLister.Failure.api(.server(status: 500), retried: 2)) {
                try await Self.retryingLister(client, retries: 2, log).run(to: MemorySink())
            }
            #expect(log.notes.count == 2)
            #expect(log.waits.count == 2 && log.waits[1] > log.waits[0], "\(log.waits)")
            let none = RetryLog()
            await #expect(throws: ContactLister.Failure.api(.server(status: 500), retried: 0)) {
                try await Self.retryingLister(client, retries: 0, none).run(to: MemorySink())
            }
            #expect(none.notes.isEmpty)
        }
    }

    /// A 429 asking for more than a minute ends `list` at once, saying how long was asked.
    @Test func aLongRetryAfterIsNotWaitedFor() async throws {
        try await Self.withFaultyServer({ $0.rateLimitEvery = 1; $0.rateLimitRetryAfterSeconds = 120 }) { client in
            let log = RetryLog()
            await #expect(throws: ContactLister.Failure.api(.rateLimited(retryAfter: 120), retried: 0)) {
                try await Self.retryingLister(client, retries: 3, log).run(to: MemorySink())
            }
            #expect(log.notes.isEmpty && log.waits.isEmpty)
            #expect(APIError.rateLimited(retryAfter: 120).reason == "Rate limited (429): the server asks to wait 120s")
        }
    }

    /// What would fail the same way again is not asked again: a time-out (`--timeout` is how
    /// long list waits), an unknown host, TLS, a proxy's HTML page, JSON of another shape.
    @Test func onlyFailuresThatMayPassAreRetried() {
        let retried: [APIError] = [.rateLimited(retryAfter: nil), .server(status: 503), .cannotConnect("connection refused"),
                                   .invalidResponse(reason: "not JSON", prefix: #"{"data":{"da"#)]
        let notRetried: [APIError] = [.timeout, .cannotConnect("unknown host"), .cannotConnect("TLS failed"),
                                      .invalidResponse(reason: "not JSON", prefix: "<html><body>Bad gateway"),
                                      .invalidResponse(reason: "the contacts could not be found in the answer", prefix: "{}"),
                                      .server(status: 302), .unauthorized, .rateLimited(retryAfter: 1e300)]
        for error in retried {
            let wait = ContactLister.retryWait(after: error, failures: 1, requestID: 0)
            #expect(wait.map { (1_000...1_250).contains($0) } == true, "\(error): \(String(describing: wait))")
        }
        for error in notRetried { #expect(ContactLister.retryWait(after: error, failures: 1, requestID: 0) == nil, "\(error)") }
        #expect(ContactLister.retryWait(after: .server(status: 500), failures: 10, requestID: 7)! <= 30_000, "capped after the jitter")
    }

    @Test func anExpiredTokenFailsWithUnauthorized() async throws {
        try await Self.withServer { server, _ in
            let client = RenewableClient(endpoint: try ChatzyEndpoint(baseURL: server.url), email: DemoServerOptions.demoEmail,
                                         token: "not-a-token", log: .disabled())
            await #expect(throws: ContactLister.Failure.api(.unauthorized, retried: 0)) {
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
