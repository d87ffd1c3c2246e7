import Foundation
import Hummingbird
import Synchronization

/// The Chatzy contract's routes over the demo data.
final class DemoRoutes: Sendable {
    let store: ContactStore
    let tokens: TokenBook
    let options: DemoServerOptions
    let requestCount = Atomic<Int>(0)

    init(store: ContactStore, tokens: TokenBook, options: DemoServerOptions) {
        self.store = store
        self.tokens = tokens
        self.options = options
    }

    func register(on router: Router<BasicRequestContext>) {
        router.post("get_id_token") { request, _ in try await self.login(request) }
        router.get("get_contact_conversations") { request, _ in try await self.contacts(request) }
    }

    /// Applies the latency and failure knobs; returns a 500 response when this request must fail.
    func knobs() async throws -> Response? {
        let n = requestCount.add(1, ordering: .relaxed).newValue
        if options.latencyMilliseconds > 0 {
            try await Task.sleep(for: .milliseconds(options.latencyMilliseconds))
        }
        if options.failEvery > 0, n % options.failEvery == 0 {
            return Self.json(.internalServerError, ["message": "injected failure (--fail-every \(options.failEvery))"])
        }
        return nil
    }

    func login(_ request: Request) async throws -> Response {
        if let failure = try await knobs() { return failure }
        var request = request
        let body = try await request.collectBody(upTo: 64 * 1024)
        guard let object = try? JSONSerialization.jsonObject(with: Data(buffer: body)) as? [String: Any],
              let email = object["user_email_id"] as? String, let password = object["password"] as? String
        else {
            return Self.json(.badRequest, ["message": "user_email_id and password are required"])
        }
        guard email.lowercased() == DemoServerOptions.demoEmail, password == DemoServerOptions.demoPassword else {
            return Self.json(.unauthorized, ["message": "Unauthorized"])
        }
        let issued = tokens.issue()
        return Self.json(.ok, ["data": [
            "message": "Successfully retrieved ID token",
            "idToken": issued.token,
            "expiryAt": Int64(issued.expiry.timeIntervalSince1970 * 1000),
        ]])
    }

    func contacts(_ request: Request) async throws -> Response {
        if let failure = try await knobs() { return failure }
        guard authorized(request) else { return Self.json(.unauthorized, ["message": "Unauthorized"]) }
        let q = request.uri.queryParameters
        guard let email = q.get("user_email_id"), !email.isEmpty else {
            return Self.json(.badRequest, ["message": "user_email_id is required"])
        }
        let limit = q.get("limit").map { Int($0) } ?? 10
        guard let limit, (1...100).contains(limit) else {
            return Self.json(.badRequest, ["message": "limit must be an integer from 1 to 100"])
        }
        let offset = q.get("offset").map { Int($0) } ?? 0
        guard let offset, offset >= 0 else {
            return Self.json(.badRequest, ["message": "offset must be an integer >= 0"])
        }
        let filter = q.get("filter") ?? "all"
        guard ["all", "unread", "live"].contains(filter) else {
            return Self.json(.badRequest, ["message": "filter must be all, unread or live"])
        }
        let rows = try store.page(filter: filter, search: q.get("search") ?? "", limit: limit, offset: offset)
        return Self.json(.ok, ["data": ["data": ["contacts": rows.map(Self.wire)]]])
    }

    func authorized(_ request: Request) -> Bool {
        guard let header = request.headers[.authorization], header.hasPrefix("Bearer ") else { return false }
        return tokens.isValid(String(header.dropFirst("Bearer ".count)))
    }

    static func wire(_ c: DemoContact) -> [String: Any] {
        [
            "contact_id": c.id,
            "contact_name": c.name,
            "phone_number": c.phone,
            "email": c.email,
            "conversation_status": c.status,
            "assigned_to": c.assignedTo,
            "unread_message_count": String(c.unread),
            "latest_message_time": Date(timeIntervalSince1970: TimeInterval(c.latest)).formatted(.iso8601),
            "channels": c.channels,
        ]
    }

    static func json(_ status: HTTPResponse.Status, _ object: Any) -> Response {
        let data = (try? JSONSerialization.data(withJSONObject: object)) ?? Data("{}".utf8)
        return Response(
            status: status,
            headers: [.contentType: "application/json"],
            body: .init(byteBuffer: ByteBuffer(bytes: data))
        )
    }
}
