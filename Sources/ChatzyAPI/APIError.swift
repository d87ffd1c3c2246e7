import Foundation

/// Everything that can go wrong talking to Chatzy, each with a one-line message fit for
/// a status bar. Messages never contain the token or the password.
public enum APIError: Error, Equatable, Sendable {
    /// 401: the session expired or the token is invalid.
    case unauthorized
    /// 403.
    case forbidden
    /// 400, with the server's message when it gave one.
    case badRequest(String?)
    /// 404.
    case notFound
    /// 429, with the delay the server asked for, when it gave one.
    case rateLimited(retryAfter: Double?)
    /// 5xx (and any other unexpected status, including a redirect, which is never followed).
    case server(status: Int)
    /// The request took longer than the time-out.
    case timeout
    /// No connection could be made (refused, DNS, network down).
    case cannotConnect(String)
    /// The request was cancelled (superseded by a newer one).
    case cancelled
    /// The body was not JSON or not the documented shape; `prefix` keeps the first 200 bytes for the log.
    case invalidResponse(reason: String, prefix: String)
    /// The configuration cannot work (for example plain http to a remote host).
    case invalidConfiguration(String)

    /// A short line for the status bar.
    public var message: String {
        switch self {
        case .unauthorized: return "Session expired or invalid (401): sign in again"
        case .forbidden: return "Access denied (403)"
        case .badRequest(let text):
            if let text, !text.isEmpty { return "Bad request (400): \(text)" }
            return "Bad request (400)"
        case .notFound: return "Not found (404)"
        case .rateLimited(let after):
            if let after { return "Rate limited (429): retrying in \(Int(after.rounded(.up)))s" }
            return "Rate limited (429)"
        case .server(let status) where (300..<400).contains(status): return "Unexpected redirect (\(status)), not followed"
        case .server(let status): return "Server error (\(status))"
        case .timeout: return "The server did not answer in time"
        case .cannotConnect(let why): return "Cannot connect: \(why)"
        case .cancelled: return "Cancelled"
        case .invalidResponse(let reason, _): return "Unreadable answer from the server: \(reason)"
        case .invalidConfiguration(let why): return why
        }
    }

    /// `message` without the promise of a retry, for a caller that has stopped trying.
    public var reason: String {
        if case .rateLimited(let after) = self {
            guard let after, after.isFinite else { return "Rate limited (429)" }
            return "Rate limited (429): the server asks to wait \(Int(after.rounded(.up)))s"
        }
        return message
    }

    /// The line to show after a failed sign-in (`POST /get_id_token`), where 401 means
    /// the email or password is wrong rather than an expired session.
    public var signInMessage: String {
        if self == .unauthorized { return "Wrong email or password (401)" }
        return message
    }

    /// True for failures worth retrying automatically (time-outs, no connection, 5xx, 429, and
    /// an unreadable body: an answer cut short by a proxy or a dropped connection reads as
    /// broken JSON, and the next try is usually whole); not for a redirect or another
    /// unexpected status, which would answer the same again.
    public var isTransient: Bool {
        switch self {
        case .timeout, .cannotConnect, .rateLimited, .invalidResponse: return true
        case .server(let status): return status >= 500
        default: return false
        }
    }

    /// Seconds the server asked to wait before retrying (429 with `Retry-After`), else nil.
    public var retryAfter: Double? {
        if case .rateLimited(let after) = self { return after }
        return nil
    }

    /// Maps a non-2xx status to an error. `body` is the raw response body.
    public static func from(status: Int, body: Data, retryAfterHeader: String?, now: Date = Date()) -> APIError {
        switch status {
        case 400: return .badRequest(serverMessage(in: body))
        case 401: return .unauthorized
        case 403: return .forbidden
        case 404: return .notFound
        case 429: return .rateLimited(retryAfter: retryAfterHeader.flatMap { RetryAfter.seconds(from: $0, now: now) })
        default: return .server(status: status)
        }
    }

    /// The `message` (or `error`) string of a JSON error body: its first line, control
    /// characters (escape sequences from a hostile server) replaced by spaces, at most 160 characters.
    static func serverMessage(in body: Data) -> String? {
        guard let object = try? JSONSerialization.jsonObject(with: body) as? [String: Any] else { return nil }
        let candidates: [Any?] = [object["message"], object["error"], (object["data"] as? [String: Any])?["message"]]
        for case let text as String in candidates {
            let line = text.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
            let printable = String(String.UnicodeScalarView(line.unicodeScalars.map {
                $0.properties.generalCategory == .control ? " " : $0
            }))
            return String(printable.prefix(160))
        }
        return nil
    }
}

extension APIError: CustomStringConvertible, LocalizedError {
    /// The status-bar line, so `"\(error)"` never prints the enum's payload raw.
    public var description: String { message }
    /// The status-bar line, for code that only knows `Error.localizedDescription`.
    public var errorDescription: String? { message }
}

extension APIError {
    /// The same error with every occurrence of each secret (token, password) in its texts
    /// replaced by `‹redacted›`: a server may echo what it was sent.
    func redacting(_ secrets: [String]) -> APIError {
        let secrets = secrets.filter { !$0.isEmpty }
        guard !secrets.isEmpty else { return self }
        func clean(_ text: String) -> String {
            secrets.reduce(text) { $0.replacingOccurrences(of: $1, with: "‹redacted›") }
        }
        switch self {
        case .badRequest(let text): return .badRequest(text.map(clean))
        case .cannotConnect(let why): return .cannotConnect(clean(why))
        case .invalidResponse(let reason, let prefix): return .invalidResponse(reason: clean(reason), prefix: clean(prefix))
        case .invalidConfiguration(let why): return .invalidConfiguration(clean(why))
        default: return self
        }
    }
}
