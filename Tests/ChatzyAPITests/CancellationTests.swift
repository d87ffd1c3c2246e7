import ChatzyAPI
import Foundation
import Testing

/// Cancelling the Swift task cancels the request on the wire: the server sees the
/// connection close. (Verified on Linux: corelibs' `URLSession.data(for:)` does this.)
@Suite struct CancellationTests {
    @Test(arguments: ["contacts", "conversations", "login"])
    func cancellingTheTaskClosesTheConnection(call: String) async throws {
        let server = try LoopbackHTTPServer { _ in .hang }
        defer { server.stop() }
        let client = try client(for: server.url, timeout: 30)
        let task = Task {
            await outcome { () async throws -> Void in
                switch call {
                case "contacts": _ = try await client.contacts(ContactQuery(email: "a@b.c"))
                case "conversations": _ = try await client.conversations(ConversationQuery(contactID: "c1"))
                default: _ = try await client.login(email: "a@b.c", password: "pw")
                }
            }
        }
        #expect(await server.waitUntil { $0.requests.count == 1 })
        #expect(server.hangUps == 0)
        task.cancel()
        #expect(await task.value.failure == .cancelled)
        #expect(await server.waitUntil { $0.hangUps == 1 })
        // The client is still alive, so the hang-up came from the cancellation, not from deinit.
        withExtendedLifetime(client) {}
    }
}
