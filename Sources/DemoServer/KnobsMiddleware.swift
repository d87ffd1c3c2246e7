import Foundation
import Hummingbird
import Synchronization

/// Applies the knobs to every request, whatever its route: latency plus jitter, injected
/// faults (500, 429 with Retry-After, a truncated body, a stall past the client's time-out)
/// on every K-th request, and a line in the request log.
struct KnobsMiddleware: RouterMiddleware {
    typealias Context = BasicRequestContext

    let options: DemoServerOptions
    let counter: RequestCounter
    let log: RequestLog?

    func handle(_ request: Request, context: Context,
                next: (Request, Context) async throws -> Response) async throws -> Response {
        let started = ContinuousClock.now
        let number = counter.next()
        let rows = RowCount()
        let jitter = options.jitterMilliseconds > 0 ? Int.random(in: 0...options.jitterMilliseconds) : 0
        if options.latencyMilliseconds + jitter > 0 {
            try await Task.sleep(for: .milliseconds(options.latencyMilliseconds + jitter))
        }
        if Self.hits(options.stallEvery, number) {
            try await Task.sleep(for: .milliseconds(options.stallMilliseconds))
        }
        let response: Response
        if Self.hits(options.failEvery, number) {
            response = WireFormat.json(.internalServerError, ["message": "injected failure (--fail-every \(options.failEvery))"])
        } else if Self.hits(options.rateLimitEvery, number) {
            var limited = WireFormat.json(.tooManyRequests, ["message": "injected rate limit (--rate-limit-every \(options.rateLimitEvery))"])
            limited.headers[.retryAfter] = String(options.rateLimitRetryAfterSeconds)
            response = limited
        } else {
            do {
                let truncate = Self.hits(options.truncateEvery, number)
                response = try await WireFormat.$truncateBodies.withValue(truncate) {
                    try await RowCount.$current.withValue(rows) { try await next(request, context) }
                }
            } catch {
                record(request, status: (error as? any HTTPResponseError)?.status.code ?? 500, rows: nil, since: started)
                throw error
            }
        }
        record(request, status: response.status.code, rows: rows.value, since: started)
        return response
    }

    /// True when request `number` is one of every `every` (0: never).
    static func hits(_ every: Int, _ number: Int) -> Bool { every > 0 && number % every == 0 }

    private func record(_ request: Request, status: Int, rows: Int?, since started: ContinuousClock.Instant) {
        guard let log else { return }
        let elapsed = ContinuousClock.now - started
        let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        log.append(.init(method: request.method.rawValue, path: request.uri.path, query: request.uri.query ?? "",
                         status: status, rows: rows, milliseconds: milliseconds))
    }
}

/// Counts requests across all connections (for `--fail-every`).
final class RequestCounter: Sendable {
    private let count = Atomic<Int>(0)

    /// The number of this request, from 1.
    func next() -> Int { count.add(1, ordering: .relaxed).newValue }
}

/// How many rows the current request's route returned, for the request log. The
/// middleware binds one per request as a task-local; the route reports into it.
final class RowCount: Sendable {
    @TaskLocal static var current: RowCount?
    private let count = Mutex<Int?>(nil)

    var value: Int? { count.withLock { $0 } }

    /// Called by a route: this request returned `rows` rows.
    static func report(_ rows: Int) { current?.count.withLock { $0 = rows } }
}
