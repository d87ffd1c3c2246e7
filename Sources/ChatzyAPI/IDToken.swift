import Foundation

/// A signed-in session: the idToken and when it expires (`expiryAt`, epoch milliseconds).
public struct IDToken: Equatable, Sendable, Codable {
    public var token: String
    public var expiresAt: Date

    public init(token: String, expiresAt: Date) {
        self.token = token
        self.expiresAt = expiresAt
    }

    /// True once the expiry has passed (with a minute's margin).
    public func isExpired(now: Date = Date()) -> Bool {
        expiresAt.timeIntervalSince(now) < 60
    }

    /// Decodes the `POST /get_id_token` answer: `{"data": {"idToken": …, "expiryAt": ms}}`.
    static func decode(from body: Data) throws(APIError) -> IDToken {
        guard let object = try? JSONSerialization.jsonObject(with: body) as? [String: Any],
              let data = object["data"] as? [String: Any],
              let token = data["idToken"] as? String, !token.isEmpty
        else {
            throw .invalidResponse(reason: "no idToken in the login answer", prefix: "")
        }
        let millis = (data["expiryAt"] as? NSNumber)?.doubleValue
            ?? (data["expiryAt"] as? String).flatMap(Double.init)
            ?? Date().addingTimeInterval(3600).timeIntervalSince1970 * 1000
        return IDToken(token: token, expiresAt: Date(timeIntervalSince1970: millis / 1000))
    }
}
