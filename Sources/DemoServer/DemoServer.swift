import Foundation
import Hummingbird
import Logging

/// A Chatzy-compatible HTTP server on 127.0.0.1: the inbox's embedded default (`--demo`)
/// and the real peer of every integration test.
public final class DemoServer: Sendable {
    /// The base URL, e.g. `http://127.0.0.1:54321`.
    public let url: URL
    public let options: DemoServerOptions
    private let task: Task<Void, Error>
    private let tokens: TokenBook

    private init(url: URL, options: DemoServerOptions, task: Task<Void, Error>, tokens: TokenBook) {
        self.url = url
        self.options = options
        self.task = task
        self.tokens = tokens
    }

    /// Seeds the data and starts listening; returns once the port is bound.
    public static func start(_ options: DemoServerOptions = DemoServerOptions()) async throws -> DemoServer {
        let now = Int64(Date().timeIntervalSince1970)
        let store = try ContactStore(contacts: DemoData.contacts(count: options.contacts, seed: options.seed, now: now, hostile: options.hostile))
        let tokens = TokenBook(ttl: TimeInterval(options.tokenTTLSeconds))
        let router = Router()
        DemoRoutes(store: store, tokens: tokens, options: options).register(on: router)
        let quiet = Logger(label: "chatzy-demo-server") { _ in SwiftLogNoOpLogHandler() }
        let (portStream, portContinuation) = AsyncStream<Int>.makeStream()
        let app = Application(
            router: router,
            configuration: .init(address: .hostname("127.0.0.1", port: options.port), serverName: "chatzy-demo"),
            onServerRunning: { channel in
                portContinuation.yield(channel.localAddress?.port ?? -1)
                portContinuation.finish()
            },
            logger: quiet
        )
        let task = Task { try await app.run() }
        var port = -1
        for await bound in portStream { port = bound }
        guard port > 0 else {
            task.cancel()
            throw DemoServerError.cannotListen(options.port)
        }
        return DemoServer(url: URL(string: "http://127.0.0.1:\(port)")!, options: options, task: task, tokens: tokens)
    }

    /// A token for the demo account, as `POST /get_id_token` would issue it.
    public func issueToken() -> String { tokens.issue().token }

    /// Stops listening.
    public func stop() { task.cancel() }
}

/// Why the demo server could not start.
public enum DemoServerError: Error, CustomStringConvertible {
    case cannotListen(Int)

    public var description: String {
        switch self {
        case .cannotListen(let port): return "The demo server could not listen on 127.0.0.1:\(port)"
        }
    }
}
