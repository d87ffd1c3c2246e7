import ChatzyAPI
import Foundation

/// Where the inbox connects and as whom, resolved from flags, then the environment.
struct ConnectionSettings {
    var endpoint: ChatzyEndpoint
    var email: String
    var token: String

    /// Resolves flags over `CHATZY_API_URL`, `CHATZY_EMAIL`, `CHATZY_TOKEN`; throws a
    /// one-line message when something needed is missing or wrong.
    static func resolve(apiURL: String?, email: String?, allowInsecureHTTP: Bool,
                        environment: [String: String]) throws(UsageError) -> ConnectionSettings {
        let urlText = apiURL ?? environment["CHATZY_API_URL"].flatMap { $0.isEmpty ? nil : $0 }
        let url: URL
        if let urlText {
            guard let parsed = URL(string: urlText), parsed.scheme != nil else {
                throw UsageError("not a URL: \"\(urlText)\" (expected e.g. https://host/prod)")
            }
            url = parsed
        } else {
            url = ChatzyEndpoint.production
        }
        let endpoint: ChatzyEndpoint
        do { endpoint = try ChatzyEndpoint(baseURL: url, allowInsecureHTTP: allowInsecureHTTP) } catch {
            throw UsageError(error.message)
        }
        let email = email ?? environment["CHATZY_EMAIL"] ?? ""
        let token = environment["CHATZY_TOKEN"] ?? ""
        var missing: [String] = []
        if email.isEmpty { missing.append("CHATZY_EMAIL (or --email)") }
        if token.isEmpty { missing.append("CHATZY_TOKEN") }
        if !missing.isEmpty {
            throw UsageError("not signed in: set \(missing.joined(separator: " and ")), or try the demo with --demo")
        }
        return ConnectionSettings(endpoint: endpoint, email: email, token: token)
    }
}

/// A problem with how the command was called, reported as one line on stderr.
struct UsageError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
