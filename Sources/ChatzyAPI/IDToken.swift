import Foundation

/// A signed-in session: the idToken and when it expires (`expiryAt`, epoch milliseconds).
///
/// Printing, `dump`-ing or interpolating a token never shows its text: `description`,
/// `debugDescription` and the mirror all redact it, so it cannot leak into logs or crash output.
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

    /// The expiry as the API writes it: epoch milliseconds.
    public var expiryMilliseconds: Int64 {
        Int64((expiresAt.timeIntervalSince1970 * 1000).rounded())
    }

    /// Decodes the `POST /get_id_token` answer: `{"data": {"idToken": …, "expiryAt": ms}}`.
    /// A missing or unreadable `expiryAt` assumes the documented one hour from `now`.
    /// The body is not kept in the error: it may hold the token.
    static func decode(from body: Data, now: Date = Date()) throws(APIError) -> IDToken {
        guard let object = try? JSONSerialization.jsonObject(with: body) as? [String: Any],
              let data = object["data"] as? [String: Any],
              let token = data["idToken"] as? String, !token.isEmpty
        else {
            throw .invalidResponse(reason: "no idToken in the login answer", prefix: "")
        }
        let millis = (data["expiryAt"] as? NSNumber)?.doubleValue
            ?? (data["expiryAt"] as? String).flatMap(Double.init)
        let expiry = millis.flatMap { $0.isFinite && $0 > 0 ? Date(timeIntervalSince1970: $0 / 1000) : nil }
        return IDToken(token: token, expiresAt: expiry ?? now.addingTimeInterval(3600))
    }
}

extension IDToken: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public var description: String { "IDToken(‹redacted›, expires \(WireDate.format(expiresAt)))" }
    public var debugDescription: String { description }
    public var customMirror: Mirror {
        Mirror(self, children: ["token": "‹redacted›", "expiresAt": expiresAt], displayStyle: .struct)
    }
}
