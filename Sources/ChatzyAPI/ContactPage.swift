/// One page of contacts as the server answered it.
public struct ContactPage: Equatable, Sendable {
    /// The contacts that could be read, in server order.
    public var contacts: [Contact]
    /// How many entries of the page could not be read and were skipped.
    public var skipped: Int
    /// The number of entries the server sent, readable or not.
    public var received: Int { contacts.count + skipped }

    public init(contacts: [Contact], skipped: Int = 0) {
        self.contacts = contacts
        self.skipped = skipped
    }

    /// The API has no total and no has-more flag: a page shorter than the limit is the last.
    public func isLast(limit: Int) -> Bool { received < limit }
}
