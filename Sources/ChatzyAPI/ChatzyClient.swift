import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The HTTP client for the Chatzy API over an ephemeral `URLSession`: no cache, no cookies,
/// redirects never followed, a per-request time-out, `Authorization: Bearer <idToken>` on
/// every contact call and `User-Agent: chatzy-inbox/<version>` on all.
///
/// Cancelling the Swift task that awaits a call cancels the request on the wire (the
/// connection is closed) and the call throws `APIError.cancelled`. The token and the
/// password never appear in any error it throws, nor in `dump` of the client.
public final class ChatzyClient: ContactsFetching, ConversationsFetching {
    /// Sent as `User-Agent: chatzy-inbox/<version>`.
    public static let version = "0.1.0"
    /// The full `User-Agent` value.
    public static let userAgent = "chatzy-inbox/\(version)"
    /// The default per-request time-out, in seconds.
    public static let defaultTimeout: TimeInterval = 15

    public let endpoint: ChatzyEndpoint
    /// The per-request time-out in whole seconds, at least 1: the `timeout` given, rounded up.
    /// (swift-corelibs-foundation truncates time-outs to whole seconds, so 0.5 would
    /// otherwise become 0 and fail every request before it is sent.)
    public let timeout: TimeInterval
    private let token: String?
    private let session: URLSession

    /// A client for `endpoint`; `token` is the idToken (nil until signed in).
    public init(endpoint: ChatzyEndpoint, token: String?, timeout: TimeInterval = ChatzyClient.defaultTimeout) {
        self.endpoint = endpoint
        self.token = token
        let timeout = timeout.isFinite ? max(1, timeout.rounded(.up)) : Self.defaultTimeout
        self.timeout = timeout
        let configuration = URLSessionConfiguration.ephemeral
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.urlCache = nil
        configuration.timeoutIntervalForRequest = timeout
        configuration.httpShouldSetCookies = false
        configuration.httpCookieAcceptPolicy = .never
        self.session = URLSession(configuration: configuration, delegate: RedirectRefusal(), delegateQueue: nil)
    }

    deinit { session.invalidateAndCancel() }

    /// `GET /get_contact_conversations`: one page of contacts.
    public func contacts(_ query: ContactQuery) async throws(APIError) -> ContactPage {
        let url = endpoint.url(path: "get_contact_conversations", query: query.queryItems)
        let body = try await send(request(url: url, method: "GET"))
        return try decoded(body, ContactDecoding.page(from:))
    }

    /// `GET /get_contact_conversations` as the raw body of the 2xx answer, for output that must
    /// keep each contact exactly as received (`chatzy-inbox list --format jsonl`).
    public func contactsBody(_ query: ContactQuery) async throws(APIError) -> Data {
        try await send(request(url: endpoint.url(path: "get_contact_conversations", query: query.queryItems), method: "GET"))
    }

    /// `GET /get_contact_conversation_messages`: one contact's conversations and messages.
    public func conversations(_ query: ConversationQuery) async throws(APIError) -> ContactConversations {
        let url = endpoint.url(path: "get_contact_conversation_messages", query: query.queryItems)
        let body = try await send(request(url: url, method: "GET"))
        return try decoded(body, ConversationDecoding.conversations(from:))
    }

    /// `POST /get_id_token`: signs in and returns the token with its expiry. A wrong email or
    /// password throws `.unauthorized` (show `signInMessage`). The password is sent once and
    /// never kept; it is redacted from any error text the server echoes.
    public func login(email: String, password: String) async throws(APIError) -> IDToken {
        var request = request(url: endpoint.url(path: "get_id_token"), method: "POST", authorized: false)
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.httpBody = try? JSONSerialization.data(withJSONObject: ["user_email_id": email, "password": password])
        let body = try await send(request, secrets: [password])
        return try IDToken.decode(from: body)
    }

    /// The request a call sends: method, `Accept`, `User-Agent` and, for contact calls, the Bearer token.
    private func request(url: URL, method: String, authorized: Bool = true) -> URLRequest {
        var request = URLRequest(url: url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: timeout)
        request.httpMethod = method
        request.setValue("application/json", forHTTPHeaderField: "Accept")
        request.setValue(Self.userAgent, forHTTPHeaderField: "User-Agent")
        if authorized, let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        return request
    }

    /// Sends a request; returns the body of a 2xx answer, throws a typed error otherwise,
    /// with the token and any extra `secrets` redacted from its text.
    private func send(_ request: URLRequest, secrets: [String] = []) async throws(APIError) -> Data {
        let secrets = secrets + [token].compactMap { $0 }
        if Task.isCancelled { throw .cancelled }
        let data: Data
        let response: URLResponse
        do {
            (data, response) = try await session.data(for: request)
        } catch {
            throw (Task.isCancelled ? .cancelled : Self.map(error)).redacting(secrets)
        }
        guard let http = response as? HTTPURLResponse else {
            throw .invalidResponse(reason: "not an HTTP answer", prefix: "")
        }
        guard (200..<300).contains(http.statusCode) else {
            throw APIError.from(status: http.statusCode, body: Self.redacted(data, secrets),
                                retryAfterHeader: http.value(forHTTPHeaderField: "Retry-After")).redacting(secrets)
        }
        return data
    }

    /// Decodes a 2xx body; on failure the kept prefix comes from the body with the token
    /// removed *before* it is cut to 200 bytes, so not even part of the token survives.
    private func decoded<T>(_ body: Data, _ decode: (Data) throws(APIError) -> T) throws(APIError) -> T {
        do throws(APIError) {
            return try decode(body)
        } catch {
            let secrets = [token].compactMap { $0 }
            guard case .invalidResponse(let reason, _) = error else { throw error.redacting(secrets) }
            throw APIError.invalidResponse(reason: reason, prefix: LenientJSON.bodyPrefix(Self.redacted(body, secrets)))
        }
    }

    /// The body with every secret replaced by `‹redacted›` (it is text; invalid UTF-8 is repaired).
    static func redacted(_ body: Data, _ secrets: [String]) -> Data {
        let secrets = secrets.filter { !$0.isEmpty }
        guard !secrets.isEmpty else { return body }
        let text = String(decoding: body, as: UTF8.self)
        return Data(secrets.reduce(text) { $0.replacingOccurrences(of: $1, with: "‹redacted›") }.utf8)
    }

    /// Maps a transport error (`URLError`, cancellation) to an `APIError`.
    static func map(_ error: Error) -> APIError {
        if error is CancellationError { return .cancelled }
        let ns = error as NSError
        guard ns.domain == NSURLErrorDomain else { return .cannotConnect("network error") }
        switch ns.code {
        case NSURLErrorCancelled: return .cancelled
        case NSURLErrorTimedOut: return .timeout
        case NSURLErrorCannotConnectToHost: return .cannotConnect("connection refused")
        case NSURLErrorCannotFindHost, NSURLErrorDNSLookupFailed: return .cannotConnect("unknown host")
        case NSURLErrorNotConnectedToInternet, NSURLErrorNetworkConnectionLost: return .cannotConnect("network unavailable")
        case NSURLErrorSecureConnectionFailed, NSURLErrorServerCertificateUntrusted,
             NSURLErrorServerCertificateHasBadDate, NSURLErrorServerCertificateNotYetValid,
             NSURLErrorServerCertificateHasUnknownRoot: return .cannotConnect("TLS failed")
        case NSURLErrorBadServerResponse, NSURLErrorCannotParseResponse:
            return .invalidResponse(reason: "bad HTTP answer", prefix: "")
        default: return .cannotConnect("network error \(ns.code)")
        }
    }
}

extension ChatzyClient: CustomReflectable {
    /// Shows the endpoint and whether a token is set, never the token itself.
    public var customMirror: Mirror {
        Mirror(self, children: ["endpoint": endpoint, "signedIn": token != nil, "timeout": timeout])
    }
}

/// Answers every redirect with "do not follow": the 3xx itself becomes the response (and
/// `APIError.server(status:)`), so the `Authorization` header never travels to another URL.
private final class RedirectRefusal: NSObject, URLSessionTaskDelegate, Sendable {
    func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
                    newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void) {
        completionHandler(nil)
    }
}
