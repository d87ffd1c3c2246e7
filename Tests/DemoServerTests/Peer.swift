import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import DemoServer

/// A running demo server on 127.0.0.1 and a signed-in way to talk to it over real HTTP.
struct Peer {
    let server: DemoServer
    let token: String

    static func start(_ options: DemoServerOptions = DemoServerOptions(contacts: 300)) async throws -> Peer {
        let server = try await DemoServer.start(options)
        return Peer(server: server, token: server.issueToken())
    }

    /// An HTTP answer: status and the decoded JSON body (nil when it is not JSON).
    struct Answer {
        var status: Int
        var json: Any?

        var message: String? { (json as? [String: Any])?["message"] as? String }
        var contacts: [[String: Any]] {
            (((json as? [String: Any])?["data"] as? [String: Any])?["data"] as? [String: Any])?["contacts"] as? [[String: Any]] ?? []
        }
        var payload: [String: Any] {
            ((json as? [String: Any])?["data"] as? [String: Any])?["data"] as? [String: Any] ?? [:]
        }
    }

    /// GET `path` with `query` (percent-encoded strictly, so `+` stays `+`), with the
    /// peer's token unless `authorization` says otherwise ("" sends no header).
    func get(_ path: String, _ query: [(String, String)] = [], authorization: String? = nil) async throws -> Answer {
        let allowed = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
        let encoded = query.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed)!)" }.joined(separator: "&")
        var request = URLRequest(url: URL(string: server.url.absoluteString + "/" + path + (encoded.isEmpty ? "" : "?" + encoded))!)
        let header = authorization ?? "Bearer \(token)"
        if !header.isEmpty { request.setValue(header, forHTTPHeaderField: "Authorization") }
        return try await send(request)
    }

    /// `GET /get_contact_conversations` for the demo account plus `query`.
    func contacts(_ query: [(String, String)] = []) async throws -> Answer {
        try await get("get_contact_conversations", [("user_email_id", DemoServerOptions.demoEmail)] + query)
    }

    /// Every contact for a filter and search, paging with `limit` until a short page.
    func allContacts(filter: String = "all", search: String = "", limit: Int = 100) async throws -> [[String: Any]] {
        var all: [[String: Any]] = []
        while true {
            let page = try await contacts([("filter", filter), ("search", search), ("limit", "\(limit)"), ("offset", "\(all.count)")])
            guard page.status == 200 else { throw PeerError.status(page.status) }
            all += page.contacts
            if page.contacts.count < limit { return all }
        }
    }

    /// POST /get_id_token with a JSON body.
    func login(_ body: [String: Any]) async throws -> Answer {
        var request = URLRequest(url: server.url.appendingPathComponent("get_id_token"))
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.httpBody = try JSONSerialization.data(withJSONObject: body)
        return try await send(request)
    }

    private func send(_ request: URLRequest) async throws -> Answer {
        let (data, response) = try await URLSession.shared.data(for: request)
        let status = (response as? HTTPURLResponse)?.statusCode ?? -1
        return Answer(status: status, json: try? JSONSerialization.jsonObject(with: data))
    }

    func stop() async { await server.shutdown() }
}

enum PeerError: Error { case status(Int) }

extension Dictionary where Key == String, Value == Any {
    func text(_ key: String) -> String { self[key] as? String ?? "<missing \(key)>" }
}

/// Parses the contract's ISO 8601 times (with or without fractional seconds).
func parseTime(_ text: String) -> Date? {
    (try? Date(text, strategy: .iso8601)) ?? (try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(text))
}
