import Foundation
import Hummingbird

/// The Chatzy contract's routes over the demo data.
final class DemoRoutes: Sendable {
    let store: ContactStore
    let tokens: TokenBook
    let conversations: DemoConversations

    init(store: ContactStore, tokens: TokenBook, hostile: Bool) {
        self.store = store
        self.tokens = tokens
        self.conversations = DemoConversations(seed: store.data.seed, hostile: hostile)
    }

    func register(on router: Router<BasicRequestContext>) {
        router.post("get_id_token") { request, _ in try await self.login(request) }
        router.get("get_contact_conversations") { request, _ in try await self.contacts(request) }
        router.get("get_contact_conversation_messages") { request, _ in try await self.messages(request) }
    }

    func login(_ request: Request) async throws -> Response {
        var request = request
        let body = try await request.collectBody(upTo: 64 * 1024)
        guard let object = try? JSONSerialization.jsonObject(with: Data(buffer: body)) as? [String: Any],
              let email = object["user_email_id"] as? String, let password = object["password"] as? String
        else {
            return WireFormat.json(.badRequest, ["message": "user_email_id and password are required"])
        }
        guard email.lowercased() == DemoServerOptions.demoEmail, password == DemoServerOptions.demoPassword else {
            return WireFormat.json(.unauthorized, ["message": "Unauthorized"])
        }
        let issued = tokens.issue()
        return WireFormat.json(.ok, ["data": [
            "message": "Successfully retrieved ID token",
            "idToken": issued.token,
            "expiryAt": Int64((issued.expiry.timeIntervalSince1970 * 1000).rounded()),
        ]])
    }

    func contacts(_ request: Request) async throws -> Response {
        guard authorized(request) else { return WireFormat.json(.unauthorized, ["message": "Unauthorized"]) }
        let q = request.uri.queryParameters
        guard let email = q.get("user_email_id"), !email.isEmpty else {
            return WireFormat.json(.badRequest, ["message": "user_email_id is required"])
        }
        let page: (limit: Int, offset: Int)
        switch Self.paging(request, defaultLimit: 10) {
        case .success(let paging): page = paging
        case .failure(let problem): return problem.response
        }
        guard let filter = ContactFilter(rawValue: q.get("filter") ?? "all") else {
            return WireFormat.json(.badRequest, ["message": "filter must be all, unread or live"])
        }
        let rows = try await store.page(filter: filter, search: q.get("search") ?? "", limit: page.limit, offset: page.offset)
        return WireFormat.json(.ok, encoding: ContactPageWire(rows), rows: rows.count)
    }

    func messages(_ request: Request) async throws -> Response {
        guard authorized(request) else { return WireFormat.json(.unauthorized, ["message": "Unauthorized"]) }
        let q = request.uri.queryParameters
        guard let id = q.get("contact_id"), !id.isEmpty else {
            return WireFormat.json(.badRequest, ["message": "contact_id is required"])
        }
        let page: (limit: Int, offset: Int)
        switch Self.paging(request, defaultLimit: MessagePage.defaultLimit) {
        case .success(let paging): page = paging
        case .failure(let problem): return problem.response
        }
        guard let (contact, state) = try await store.contact(id: id) else {
            return WireFormat.json(.notFound, ["message": "Contact not found"])
        }
        let all = conversations.conversations(of: contact, state: state)
        let window = MessagePage(conversations: all, limit: page.limit, offset: page.offset)
        let body: [String: Any] = [
            "contact": WireFormat.contactDetail(contact, state: state, conversations: all, seed: store.data.seed),
            "conversations": all.enumerated().map { WireFormat.conversation($1, messages: window.messages[$0]) },
        ]
        return WireFormat.json(.ok, ["data": ["data": body]], rows: window.count)
    }

    func authorized(_ request: Request) -> Bool {
        guard let header = request.headers[.authorization], header.hasPrefix("Bearer ") else { return false }
        return tokens.isValid(String(header.dropFirst("Bearer ".count)))
    }

    /// A parameter that breaks the contract, answered with 400.
    struct BadParameter: Error {
        let message: String
        var response: Response { WireFormat.json(.badRequest, ["message": message]) }
    }

    /// `limit` (1...100) and `offset` (>= 0), with their defaults.
    static func paging(_ request: Request, defaultLimit: Int) -> Result<(limit: Int, offset: Int), BadParameter> {
        let q = request.uri.queryParameters
        let limit = q.get("limit").map { Int($0) } ?? defaultLimit
        guard let limit, (1...100).contains(limit) else {
            return .failure(BadParameter(message: "limit must be an integer from 1 to 100"))
        }
        let offset = q.get("offset").map { Int($0) } ?? 0
        guard let offset, offset >= 0 else {
            return .failure(BadParameter(message: "offset must be an integer >= 0"))
        }
        return .success((limit, offset))
    }
}
