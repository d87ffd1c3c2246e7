import Foundation
import Hummingbird
import Logging

/// A Chatzy-compatible HTTP server on 127.0.0.1: the inbox's embedded default (`--demo`)
/// and the real peer of every integration test.
public final class DemoServer: Sendable {
    /// The base URL, e.g. `http://127.0.0.1:54321`.
    public let url: URL
    public let options: DemoServerOptions
    /// How long generating and indexing the contacts took.
    public let seedDuration: Duration
    private let task: Task<Void, Error>
    private let churn: Task<Void, Never>
    private let tokens: TokenBook
    private let log: RequestLog?

    private init(url: URL, options: DemoServerOptions, seedDuration: Duration, task: Task<Void, Error>,
                 churn: Task<Void, Never>, tokens: TokenBook, log: RequestLog?) {
        self.url = url
        self.options = options
        self.seedDuration = seedDuration
        self.task = task
        self.churn = churn
        self.tokens = tokens
        self.log = log
    }

    /// Seeds the data and starts listening; returns once the port is bound.
    public static func start(_ options: DemoServerOptions = DemoServerOptions()) async throws -> DemoServer {
        let seeding = ContinuousClock.now
        let now = Int64((options.newestActivity ?? Date()).timeIntervalSince1970)
        let data = DemoData(seed: options.seed, count: max(0, options.contacts), now: now, hostile: options.hostile)
        let store = try ContactStore(data: data, path: options.databasePath)
        let seedDuration = ContinuousClock.now - seeding
        let log = try options.requestLogPath.map(RequestLog.init(path:))
        let tokens = TokenBook(ttl: TimeInterval(options.tokenTTLSeconds), accepting: options.acceptedTokens)
        let router = Router()
        router.add(middleware: KnobsMiddleware(options: options, counter: RequestCounter(), log: log))
        DemoRoutes(store: store, tokens: tokens, hostile: options.hostile).register(on: router)
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
        let task = Task(executorPreference: ServerExecutor()) {
            defer { portContinuation.finish() }
            try await app.run()
        }
        var port = -1
        for await bound in portStream { port = bound }
        guard port > 0 else {
            task.cancel()
            log?.close()
            throw DemoServerError.cannotListen(options.port)
        }
        let churn = Task { await Churn.run(store: store, perMinute: options.churnPerMinute) }
        return DemoServer(url: URL(string: "http://127.0.0.1:\(port)")!, options: options, seedDuration: seedDuration,
                          task: task, churn: churn, tokens: tokens, log: log)
    }

    /// A token for the demo account, as `POST /get_id_token` would issue it.
    public func issueToken() -> String { tokens.issue().token }

    /// Stops listening (returns at once; the port closes shortly after).
    public func stop() {
        churn.cancel()
        task.cancel()
    }

    /// Stops listening and waits until the server has shut down and the log is closed.
    public func shutdown() async {
        stop()
        _ = await task.result
        log?.close()
    }
}

/// Why the demo server could not start.
public enum DemoServerError: Error, CustomStringConvertible {
    case cannotListen(Int)
    case cannotWrite(String)

    public var description: String {
        switch self {
        case .cannotListen(let port): return "The demo server could not listen on 127.0.0.1:\(port)"
        case .cannotWrite(let path): return "The demo server could not write to \(path)"
        }
    }
}
