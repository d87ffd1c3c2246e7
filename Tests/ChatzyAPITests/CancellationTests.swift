import ChatzyAPI
import Foundation
import Testing

@Suite struct CancellationTests {
    @Test func cancellingTheTaskClosesTheConnection() async throws {
        let server = try LoopbackHTTPServer { _ in .hang }
        defer { server.stop() }
        let client = ChatzyClient(endpoint: try ChatzyEndpoint(baseURL: server.url), token: "t", timeout: 30)
        let task = Task { () -> APIError? in
            do throws(APIError) { _ = try await client.contacts(ContactQuery(email: "a@b.c")); return nil } catch { return error }
        }
        #expect(await server.waitUntil { $0.requests.count == 1 })
        let started = Date()
        task.cancel()
        let error = await task.value
        print("cancel took", Date().timeIntervalSince(started))
        #expect(error == .cancelled)
        let closed = await server.waitUntil { $0.hangUps == 1 }
        print("closed", closed, Date().timeIntervalSince(started))
        #expect(closed)
        withExtendedLifetime(client) {}
    }
}
