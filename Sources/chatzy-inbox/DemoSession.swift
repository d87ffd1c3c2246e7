import ChatzyAPI
import DemoServer
import Foundation

/// The embedded demo server of `--demo`, started on 127.0.0.1 and signed in to.
struct DemoSession {
    let server: DemoServer
    let endpoint: ChatzyEndpoint
    let token: IDToken
    var email: String { DemoServerOptions.demoEmail }

    /// Starts the server and signs in with the demo credentials.
    static func start() throws -> DemoSession {
        let server = try runBlocking { try await DemoServer.start() }
        do {
            let endpoint = try ChatzyEndpoint(baseURL: server.url)
            let token = try runBlocking {
                try await ChatzyClient(endpoint: endpoint, token: nil)
                    .login(email: DemoServerOptions.demoEmail, password: DemoServerOptions.demoPassword)
            }
            return DemoSession(server: server, endpoint: endpoint, token: token)
        } catch {
            server.stop()
            throw error
        }
    }
}
