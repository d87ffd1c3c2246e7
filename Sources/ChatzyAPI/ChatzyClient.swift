import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The HTTP client for the Chatzy API over an ephemeral `URLSession`: no cache, no cookies,
/// a per-request time-out, `Authorization: Bearer <idToken>` on every contact call.
public final class ChatzyClient: ContactsFetching {
    /// Sent as `User-Agent: chatzy-inbox/<version>`.
    public static let version = "0.1.0"

    public let endpoint: ChatzyEndpoint
    private let token: String?
    private let session: URLSession
    private let timeout: TimeInterval

    public init(endpoint: ChatzyEndpoint, token: String?, timeout: TimeInterval = 15) {
        self.endpoint = endpoint
        self.token = token
        self.timeout = timeout
        let configuration = URLSessionConfiguration.ephemeral
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.urlCache = nil
        configuration.timeoutIntervalForRequest = timeout
        configuration.httpShouldSetCookies = false
        self.session = URLSession(configuration: configuration)
    }

    deinit { session.invalidateAndCancel() }

    /// `GET /get_contact_conversations`.
    public func contacts(_ query: ContactQuery) async throws(APIError) -> ContactPage {
        let url = endpoint.url(path: "get_contact_conversations", query: query.queryItems)
        let body = try await send(request(url: url, method: "GET"))
        return try ContactDecoding.page(from: body)
    }

    /// `POST /get_id_token`: signs in and returns the token with its expiry.
    public func login(email: String, password: String) async throws(APIError) -> IDToken {
        var request = request(url: endpoint.url(path: "get_id_token"), method: "POST", authorized: false)
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.httpBody = try? JSONSerialization.data(withJSONObject: ["user_email_id": email, "password": password])
        let body = try await send(request)
        return try IDToken.decode(from: body)
    }

    private func request(url: URL, method: String, authorized: Bool = true) -> URLRequest {
        var request = URLRequest(url: url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: timeout)
        request.httpMethod = method
        request.setValue("application/json", forHTTPHeaderField: "Accept")
        request.setValue("chatzy-inbox/\(Self.version)", forHTTPHeaderField: "User-Agent")
        if authorized, let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        return request
    }

    /// Sends a request; returns the body of a 2xx answer, throws a typed error otherwise.
    private func send(_ request: URLRequest) async throws(APIError) -> Data {
        if Task.isCancelled { throw .cancelled }
        let data: Data
        let response: URLResponse
        do {
            (data, response) = try await session.data(for: request)
        } catch {
            throw Self.map(error)
        }
        guard let http = response as? HTTPURLResponse else {
            throw .invalidResponse(reason: "not an HTTP answer", prefix: "")
        }
        guard (200..<300).contains(http.statusCode) else {
            throw APIError.from(status: http.statusCode, body: data, retryAfterHeader: http.value(forHTTPHeaderField: "Retry-After"))
        }
        return data
    }

    static func map(_ error: Error) -> APIError {
        if error is CancellationError { return .cancelled }
        let ns = error as NSError
        guard ns.domain == NSURLErrorDomain else { return .cannotConnect(ns.localizedDescription) }
        switch ns.code {
        case NSURLErrorCancelled: return .cancelled
        case NSURLErrorTimedOut: return .timeout
        case NSURLErrorCannotConnectToHost: return .cannotConnect("connection refused")
        case NSURLErrorCannotFindHost, NSURLErrorDNSLookupFailed: return .cannotConnect("unknown host")
        case NSURLErrorNotConnectedToInternet, NSURLErrorNetworkConnectionLost: return .cannotConnect("network unavailable")
        case NSURLErrorSecureConnectionFailed, NSURLErrorServerCertificateUntrusted: return .cannotConnect("TLS failed")
        case NSURLErrorBadServerResponse: return .invalidResponse(reason: "bad HTTP answer", prefix: "")
        default: return .cannotConnect("network error \(ns.code)")
        }
    }
}
