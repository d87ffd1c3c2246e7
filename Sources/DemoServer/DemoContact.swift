/// One contact of the demo data set, as stored and served.
struct DemoContact: Equatable, Sendable {
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

    /// Lower-cased text that a search looks in: name, email, phone and iframe id.
    var searchText: String {
        [name, email, phone, iframeID].joined(separator: "\u{1}").lowercased()
    }
}
