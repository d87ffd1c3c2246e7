/// One contact of the demo data set, as generated and served.
struct DemoContact: Equatable, Sendable {
    /// Position in the generated data set: 0 is the newest activity. Never changes.
    var index: Int
    var id: String
    var name: String
    var phone: String
    var email: String
    var status: String
    var assignedTo: String
    var unread: Int
    /// Seconds since 1970 of the latest message.
    var latest: Int64
    var channels: [String]
    var iframeID: String

    /// The text a search looks in: name, email, phone and iframe id, lower-cased, joined
    /// by a separator no query contains, so a match never spans two fields.
    var searchText: String {
        [name, email, phone, iframeID].joined(separator: "\u{1}").lowercased()
    }

    /// Given and family name, split at the first space (for the messages endpoint).
    var nameParts: (first: String, last: String) {
        guard let space = name.firstIndex(of: " ") else { return (name, "") }
        return (String(name[..<space]), String(name[name.index(after: space)...]))
    }
}
