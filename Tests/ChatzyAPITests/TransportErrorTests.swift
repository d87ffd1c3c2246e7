import ChatzyAPI
import Foundation
import Testing

/// Each failure a real server (or no server) can produce, mapped to its typed error.
@Suite struct TransportErrorTests {
    func failure(status: Int, headers: [String: String] = [:], body: Data = Data()) async throws -> APIError? {
        let server = try LoopbackHTTPServer { _ in .respond(status: status, headers: headers, body: body) }
        defer { server.stop() }
        let c = try client(for: server.url)
        return await outcome { try await c.contacts(ContactQuery(email: "a@b.c")) }.failure
    }

    @Test func statusesMapToTypedErrors() async throws {
        #expect(try await failure(status: 400, body: json(#"{"message": "limit must be 1..100"}"#)) == .badRequest("limit must be 1..100"))
        #expect(try await failure(status: 400, body: json("<html>nope</html>")) == .badRequest(nil))
        #expect(try await failure(status: 401) == .unauthorized)
        #expect(try await failure(status: 403) == .forbidden)
        #expect(try await failure(status: 404) == .notFound)
        #expect(try await failure(status: 429, headers: ["Retry-After": "7"]) == .rateLimited(retryAfter: 7))
        #expect(try await failure(status: 429) == .rateLimited(retryAfter: nil))
        #expect(try await failure(status: 500) == .server(status: 500))
        #expect(try await failure(status: 503, body: json("Service Unavailable")) == .server(status: 503))
    }

    @Test func retryAfterAsAnHTTPDateOverTheWire() async throws {
        let sent = Date()
        let future = sent.addingTimeInterval(120)
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        let error = try await failure(status: 429, headers: ["Retry-After": formatter.string(from: future)])
        let seconds = try #require(error?.retryAfter)
        // HTTP dates have whole seconds; a loaded machine may take a while to answer.
        let elapsed = Date().timeIntervalSince(sent)
        #expect(seconds <= 120 && seconds >= 120 - elapsed - 1, "\(seconds) s after \(elapsed) s")
    }

    @Test func aNonJSONSuccessIsAnInvalidResponseKeepingThe200FirstBytes() async throws {
        let html = "<!doctype html>" + String(repeating: "x", count: 500)
        let error = try await failure(status: 200, body: json(html))
        guard case .invalidResponse(let reason, let prefix) = error else { Issue.record("got \(String(describing: error))"); return }
        #expect(reason == "not JSON")
        #expect(prefix == String(html.prefix(200)))
    }

    @Test func theWrongShapeIsAnInvalidResponse() async throws {
        let error = try await failure(status: 200, body: json(#"{"data": {"contacts": []}}"#))
        guard case .invalidResponse(let reason, _) = error else { Issue.record("got \(String(describing: error))"); return }
        #expect(reason == #"missing "data.data""#)
    }

    @Test func aHangingServerTimesOut() async throws {
        let server = try LoopbackHTTPServer { _ in .hang }
        defer { server.stop() }
        let c = try client(for: server.url, timeout: 0.2)
        let result = await outcome { try await c.contacts(ContactQuery(email: "a@b.c")) }
        #expect(result.failure == .timeout)
        // The request really went out: a sub-second time-out is not truncated to zero.
        #expect(await server.waitUntil { $0.requests.count == 1 })
        #expect(result.failure?.isTransient == true)
    }

    @Test(arguments: [(0.2, 1.0), (0, 1), (1, 1), (2.5, 3), (15, 15), (-4, 1), (.infinity, 15)])
    func timeoutsAreWholeSecondsAtLeastOne(given: Double, effective: Double) throws {
        #expect(try client(for: URL(string: "http://127.0.0.1:9")!, timeout: given).timeout == effective)
    }

    @Test func nobodyListeningIsCannotConnect() async throws {
        let server = try LoopbackHTTPServer { _ in .hang }
        let url = server.url
        server.stop()
        let c = try client(for: url)
        let error = await outcome { try await c.contacts(ContactQuery(email: "a@b.c")) }.failure
        guard case .cannotConnect = error else { Issue.record("got \(String(describing: error))"); return }
        #expect(error?.isTransient == true)
    }

    @Test func anAlreadyCancelledTaskSendsNothing() async throws {
        let server = try LoopbackHTTPServer { _ in .respond(status: 200, body: contactsBody("")) }
        defer { server.stop() }
        let c = try client(for: server.url)
        let task = Task { await outcome { try await c.contacts(ContactQuery(email: "a@b.c")) } }
        task.cancel()
        let result = await task.value
        // Either the check before sending or the session saw the cancellation; never a success.
        #expect(result.failure == .cancelled)
    }
}
