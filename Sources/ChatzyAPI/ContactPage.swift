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

    /// "1 contact could not be read" (or "N contacts …") when entries were skipped, else nil.
    public var skippedNotice: String? {
        switch skipped {
        case 0: return nil
        case 1: return "1 contact could not be read"
        default: return "\(skipped) contacts could not be read"
        }
    }

    /// The API has no total and no has-more flag: a page shorter than the limit is the last.
    public func isLast(limit: Int) -> Bool { received < limit }
}
