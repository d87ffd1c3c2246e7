import DemoServer
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

@Suite("Fault knobs: 429, truncated bodies, stalls, carried-over tokens")
struct FaultKnobsTests {
    /// GET the demo account's first page with `token`; status, Retry-After and the raw body.
    static func fetch(_ server: DemoServer, token: String) async throws -> (status: Int, retryAfter: String?, body: Data) {
        var request = URLRequest(url: URL(string: server.url.absoluteString
            + "/get_contact_conversations?user_email_id=demo%40chatzy.example&limit=5")!)
        request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
        let (body, response) = try await URLSession.shared.data(for: request)
        let http = try #require(response as? HTTPURLResponse)
        return (http.statusCode, http.value(forHTTPHeaderField: "Retry-After"), body)
    }

    @Test("--rate-limit-every K answers 429 with Retry-After on every K-th request")
    func rateLimit() async throws {
        var options = DemoServerOptions(contacts: 10)
        options.rateLimitEvery = 2
        options.rateLimitRetryAfterSeconds = 7
        let server = try await DemoServer.start(options)
        defer { server.stop() }
        let token = server.issueToken()
        var seen: [(Int, String?)] = []
        for _ in 0..<4 {
            let answer = try await Self.fetch(server, token: token)
            seen.append((answer.status, answer.retryAfter))
        }
        #expect(seen.map(\.0) == [200, 429, 200, 429])
        #expect(seen.filter { $0.0 == 429 }.allSatisfy { $0.1 == "7" })
    }

    @Test("--truncate-every K answers 200 with half a JSON body on every K-th request")
    func truncate() async throws {
        var options = DemoServerOptions(contacts: 10)
        options.truncateEvery = 2
        let server = try await DemoServer.start(options)
        defer { server.stop() }
        let token = server.issueToken()
        let whole = try await Self.fetch(server, token: token)
        let cut = try await Self.fetch(server, token: token)
        #expect(whole.status == 200 && cut.status == 200)
        #expect((try? JSONSerialization.jsonObject(with: whole.body)) != nil)
        #expect((try? JSONSerialization.jsonObject(with: cut.body)) == nil, "the cut body is not JSON")
        #expect(cut.body.count == whole.body.count / 2, "half of the same page (key order may differ)")
    }

    @Test("--stall-every K holds every K-th answer back by --stall-ms")
    func stall() async throws {
        var options = DemoServerOptions(contacts: 10)
        options.stallEvery = 2
        options.stallMilliseconds = 400
        let server = try await DemoServer.start(options)
        defer { server.stop() }
        let token = server.issueToken()
        let clock = ContinuousClock()
        var times: [Duration] = []
        for _ in 0..<2 {
            let start = clock.now
            #expect(try await Self.fetch(server, token: token).status == 200)
            times.append(clock.now - start)
        }
        print("stall 400 ms on every 2nd request, observed:", times)
        #expect(times[1] >= .milliseconds(400), "the stalled answer waited at least --stall-ms")
    }

    @Test("--accept-token lets a restarted server accept its predecessor's token")
    func acceptedTokens() async throws {
        var options = DemoServerOptions(contacts: 10)
        options.acceptedTokens = ["carried-over-token"]
        let server = try await DemoServer.start(options)
        defer { server.stop() }
        #expect(try await Self.fetch(server, token: "carried-over-token").status == 200)
        #expect(try await Self.fetch(server, token: "some-other-token").status == 401)
    }
}
