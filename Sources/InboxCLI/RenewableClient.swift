import ChatzyAPI
import Foundation
import Synchronization

/// The inbox's API client: a `ChatzyClient` whose token can be replaced while the inbox runs
/// (after a 401, the user signs in again and every later request carries the new token).
/// Every request and its outcome is logged — the URL, status and timing, never the token.
public final class RenewableClient: ContactsFetching, RawContactsFetching, ConversationsFetching {
    public let endpoint: ChatzyEndpoint
    public let email: String
    private let client: Mutex<ChatzyClient>
    private let log: FileLogger
    private let timeout: TimeInterval

    public init(endpoint: ChatzyEndpoint, email: String, token: String?, log: FileLogger,
                timeout: TimeInterval = ChatzyClient.defaultTimeout) {
        self.endpoint = endpoint
        self.email = email
        self.log = log
        self.timeout = timeout
        if let token { log.redactor.add(token) }
        self.client = Mutex(ChatzyClient(endpoint: endpoint, token: token, timeout: timeout))
    }

    private var current: ChatzyClient { client.withLock { $0 } }

    public func contacts(_ query: ContactQuery) async throws(APIError) -> ContactPage {
        try await logged(query) { client throws(APIError) in
            let page = try await client.contacts(query)
            return (page, "\(page.received) entries\(page.skipped > 0 ? ", \(page.skipped) unreadable" : "")")
        }
    }

    public func contactsBody(_ query: ContactQuery) async throws(APIError) -> Data {
        try await logged(query) { client throws(APIError) in
            let body = try await client.contactsBody(query)
            return (body, "\(body.count) bytes")
        }
    }

    public func conversations(_ query: ConversationQuery) async throws(APIError) -> ContactConversations {
        let url = endpoint.url(path: "get_contact_conversation_messages", query: query.queryItems).absoluteString
        let started = ContinuousClock.now
        do throws(APIError) {
            let page = try await current.conversations(query)
            let messages = page.conversations.reduce(0) { $0 + $1.messages.count }
            log.debug("GET \(url) -> 200, \(page.conversations.count) conversations, \(messages) messages, \(Self.milliseconds(since: started))")
            return page
        } catch {
            if error == .cancelled {
                log.debug("GET \(url) cancelled after \(Self.milliseconds(since: started))")
            } else {
                log.warning("GET \(url) failed after \(Self.milliseconds(since: started)): \(error.message)")
            }
            throw error
        }
    }

    /// Signs in with `password`; on success every later request uses the new token.
    /// The password and both tokens are registered with the redactor first.
    public func signIn(password: String) async throws(APIError) -> IDToken {
        log.redactor.add(password)
        let url = endpoint.url(path: "get_id_token")
        log.info("POST \(url.absoluteString) as \(email)")
        let started = ContinuousClock.now
        do throws(APIError) {
            let token = try await ChatzyClient(endpoint: endpoint, token: nil, timeout: timeout).login(email: email, password: password)
            log.redactor.add(token.token)
            client.withLock { $0 = ChatzyClient(endpoint: endpoint, token: token.token, timeout: timeout) }
            log.info("signed in as \(email) in \(Self.milliseconds(since: started)); the token expires \(WireDate.format(token.expiresAt))")
            return token
        } catch {
            log.warning("sign-in as \(email) failed after \(Self.milliseconds(since: started)): \(error.signInMessage)")
            throw error
        }
    }

    private func logged<T>(_ query: ContactQuery, _ call: (ChatzyClient) async throws(APIError) -> (T, String)) async throws(APIError) -> T {
        let url = endpoint.url(path: "get_contact_conversations", query: query.queryItems).absoluteString
        let started = ContinuousClock.now
        do throws(APIError) {
            let (value, summary) = try await call(current)
            log.debug("GET \(url) -> 200, \(summary), \(Self.milliseconds(since: started))")
            return value
        } catch {
            if error == .cancelled {
                log.debug("GET \(url) cancelled after \(Self.milliseconds(since: started))")
            } else {
                log.warning("GET \(url) failed after \(Self.milliseconds(since: started)): \(error.message)")
                if case .invalidResponse(_, let prefix) = error, !prefix.isEmpty { log.debug("body begins: \(prefix)") }
            }
            throw error
        }
    }

    static func milliseconds(since start: ContinuousClock.Instant) -> String {
        let elapsed = ContinuousClock.now - start
        let ms = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        return String(format: "%.0f ms", ms)
    }
}
