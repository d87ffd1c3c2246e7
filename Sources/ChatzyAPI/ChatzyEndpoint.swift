import Foundation

/// Where the API lives and how to reach it safely.
public struct ChatzyEndpoint: Equatable, Sendable {
    /// The real service.
    public static let production = URL(string: "https://vevdoh3hve.execute-api.us-east-1.amazonaws.com/prod")!

    public let baseURL: URL

    /// Validates a base URL: http(s) only, and plain `http` only for loopback hosts unless
    /// `allowInsecureHTTP` is set (the token would otherwise cross the network in clear).
    public init(baseURL: URL, allowInsecureHTTP: Bool = false) throws(APIError) {
        guard let scheme = baseURL.scheme?.lowercased(), scheme == "http" || scheme == "https",
              let host = baseURL.host, !host.isEmpty
        else {
            throw .invalidConfiguration("API URL must be an http(s) URL with a host, got \"\(baseURL.absoluteString)\"")
        }
        if baseURL.user != nil || baseURL.password != nil {
            throw .invalidConfiguration("API URL must not carry a user name or password")
        }
        if baseURL.query != nil || baseURL.fragment != nil {
            throw .invalidConfiguration("API URL must not have a query or fragment, got \"\(baseURL.absoluteString)\"")
        }
        if scheme == "http" && !allowInsecureHTTP && !Self.isLoopback(host) {
            throw .invalidConfiguration("Refusing plain http to \(host): use https (or --allow-insecure-http)")
        }
        self.baseURL = baseURL
    }

    /// True for `localhost`, a dotted IPv4 address in 127.0.0.0/8, `::1` and `::ffff:127.x.x.x`.
    /// Names that merely start with "127." (`127.evil.example`) are not loopback.
    public static func isLoopback(_ host: String) -> Bool {
        var h = host.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        if h.hasSuffix(".") { h.removeLast() }
        if h == "localhost" || h == "::1" || h == "0:0:0:0:0:0:0:1" { return true }
        if h.hasPrefix("::ffff:") { h.removeFirst("::ffff:".count) }
        let octets = h.split(separator: ".", omittingEmptySubsequences: false)
        let values = octets.compactMap { octet in
            octet.count <= 3 && octet.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) ? UInt8(octet) : nil
        }
        return octets.count == 4 && values.count == 4 && values[0] == 127
    }

    /// The URL of a path under the base with the given query, percent-encoded strictly
    /// (only RFC 3986 unreserved characters stay as they are: `+` becomes `%2B`).
    public func url(path: String, query: [(name: String, value: String)] = []) -> URL {
        var text = baseURL.absoluteString
        while text.hasSuffix("/") { text.removeLast() }
        text += "/" + path
        if !query.isEmpty {
            text += "?" + query.map { Self.encode($0.name) + "=" + Self.encode($0.value) }.joined(separator: "&")
        }
        return URL(string: text)!
    }

    static let unreserved: CharacterSet = {
        var set = CharacterSet()
        set.insert(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
        return set
    }()

    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? ""
    }
}
