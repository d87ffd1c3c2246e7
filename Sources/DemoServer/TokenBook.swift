import Foundation
import Synchronization

/// The tokens the demo server has issued, with their expiry.
final class TokenBook: Sendable {
    private let tokens = Mutex<[String: Date]>([:])
    let ttl: TimeInterval

    init(ttl: TimeInterval, accepting accepted: [String] = [], now: Date = Date()) {
        self.ttl = ttl
        tokens.withLock { book in for token in accepted { book[token] = now.addingTimeInterval(ttl) } }
    }

    /// Issues a new token valid for `ttl`.
    func issue(now: Date = Date()) -> (token: String, expiry: Date) {
        var bytes = SystemRandomNumberGenerator()
        let token = "demo." + (0..<4).map { _ in String(bytes.next(), radix: 16) }.joined()
        let expiry = now.addingTimeInterval(ttl)
        tokens.withLock { $0[token] = expiry }
        return (token, expiry)
    }

    /// True for an issued token that has not expired.
    func isValid(_ token: String, now: Date = Date()) -> Bool {
        tokens.withLock { ($0[token] ?? .distantPast) > now }
    }
}
