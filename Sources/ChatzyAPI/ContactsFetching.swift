/// What the inbox needs from the network: one page of contacts. `ChatzyClient` is the real
/// one; tests substitute scripted ones.
public protocol ContactsFetching: Sendable {
    /// Fetches one page. Throws `APIError` only; honours task cancellation.
    func contacts(_ query: ContactQuery) async throws(APIError) -> ContactPage
}
