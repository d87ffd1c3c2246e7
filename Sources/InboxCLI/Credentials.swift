import ChatzyAPI
import Foundation

/// Who the inbox signs in as and with which token: `CHATZY_TOKEN`, else the session stored by
/// `chatzy-inbox login` (when it belongs to the same account). The email comes from the
/// settings, else from the stored session.
public struct Credentials: Equatable, Sendable {
    /// Where the token came from: a renewed token is saved back only to a stored session.
    public enum Source: Equatable, Sendable { case environment, storedSession }

    public var email: String
    public var token: String
    public var source: Source
    /// The expiry, when known (stored sessions).
    public var expiresAt: Date?

    public init(email: String, token: String, source: Source, expiresAt: Date? = nil) {
        self.email = email
        self.token = token
        self.source = source
        self.expiresAt = expiresAt
    }

    /// The message when nothing signs the user in.
    public static let notSignedIn =
        "not signed in: run `chatzy-inbox login` (or set CHATZY_EMAIL and CHATZY_TOKEN), or try the demo with --demo"

    /// Resolves the credentials; `loadSession` reads the stored session (nil when none).
    public static func resolve(
        email: String?, environment: [String: String],
        loadSession: () throws(SessionStoreError) -> SavedSession?
    ) throws(UsageError) -> Credentials {
        let envToken = environment["CHATZY_TOKEN"].flatMap { $0.isEmpty ? nil : $0 }
        if let envToken {
            guard let email else {
                throw UsageError("CHATZY_TOKEN is set but no account email: set CHATZY_EMAIL (or --email, or email in the config file)")
            }
            try Settings.checkEmail(email)
            return Credentials(email: email, token: envToken, source: .environment)
        }
        let session: SavedSession?
        do { session = try loadSession() } catch { throw UsageError(error.message) }
        guard let session else {
            if let email { try Settings.checkEmail(email) }
            throw UsageError(notSignedIn)
        }
        let account = email ?? session.email
        try Settings.checkEmail(account)
        guard account.lowercased() == session.email.lowercased() else {
            throw UsageError("the stored session is for \(session.email), not \(account): run `chatzy-inbox login --email \(account)`")
        }
        return Credentials(email: account, token: session.token.token, source: .storedSession,
                           expiresAt: session.token.expiresAt)
    }
}
