/// What `SessionStore` keeps between runs: the account's email and its idToken with the
/// expiry. Never the password. Printing it redacts the token (see `IDToken`).
public struct SavedSession: Equatable, Sendable {
    public var email: String
    public var token: IDToken

    public init(email: String, token: IDToken) {
        self.email = email
        self.token = token
    }
}
