@testable import DemoServer
import Foundation
import Testing

@Suite("GET /get_contact_conversations: order, pages, filters and search")
struct ContactsPagingTests {
    static let options = DemoServerOptions(seed: 7, contacts: 300)

    @Test("newest activity first, across every page")
    func newestFirst() async throws {
        let peer = try await Peer.start(Self.options)
        defer { peer.server.stop() }
        let times = try await peer.allContacts(limit: 37).compactMap { parseTime($0.text("latest_message_time")) }
        #expect(times.count == 300)
        #expect(zip(times, times.dropFirst()).allSatisfy { $0 >= $1 })
    }

    @Test("pages of any size add up to the same list, without duplicates")
    func pagesAddUp() async throws {
        let peer = try await Peer.start(Self.options)
        defer { peer.server.stop() }
        let byHundred = try await peer.allContacts(limit: 100).map { $0.text("contact_id") }
        let bySeven = try await peer.allContacts(limit: 7).map { $0.text("contact_id") }
        #expect(byHundred.count == 300)
        #expect(bySeven == byHundred)
        #expect(Set(byHundred).count == 300)
    }

    @Test("a short last page ends the list; an offset past the end gives an empty page")
    func edges() async throws {
        let peer = try await Peer.start(Self.options)
        defer { peer.server.stop() }
        #expect(try await peer.contacts([("limit", "10"), ("offset", "295")]).contacts.count == 5)
        #expect(try await peer.contacts([("limit", "100"), ("offset", "200")]).contacts.count == 100)
        let past = try await peer.contacts([("limit", "10"), ("offset", "300")])
        #expect(past.status == 200)
        #expect(past.contacts.isEmpty)
        #expect(try await peer.contacts([("offset", "5000000")]).contacts.isEmpty)
    }

    @Test("unread and live list exactly the matching contacts, in the same order as all")
    func filters() async throws {
        let peer = try await Peer.start(Self.options)
        defer { peer.server.stop() }
        let all = try await peer.allContacts()
        let unread = try await peer.allContacts(filter: "unread", limit: 9)
        let live = try await peer.allContacts(filter: "live", limit: 9)
        let expectedUnread = all.filter { Int($0.text("unread_message_count"))! > 0 }.map { $0.text("contact_id") }
        let expectedLive = all.filter { $0.text("conversation_status") == "live" }.map { $0.text("contact_id") }
        #expect(!expectedUnread.isEmpty && expectedUnread.count < all.count)
        #expect(!expectedLive.isEmpty && expectedLive.count < all.count)
        #expect(unread.map { $0.text("contact_id") } == expectedUnread)
        #expect(live.map { $0.text("contact_id") } == expectedLive)
    }

    /// Queries that cannot match an iframe id (hex), so the rows alone tell what should match.
    static let searches = ["gmail", "GMAIL", "an", "n", "Silva", "+7", "+4", "ол", "王", "👍🏽", "👨‍👩‍👧", "@", "no-such-contact"]

    @Test("search is a case-insensitive substring of name, email or phone, combined with each filter",
          arguments: ["all", "unread", "live"])
    func searchWithFilter(filter: String) async throws {
        let peer = try await Peer.start(DemoServerOptions(seed: 7, contacts: 2_000))
        defer { peer.server.stop() }
        let everything = try await peer.allContacts(filter: filter)
        for search in Self.searches {
            let needle = search.lowercased()
            let expected = everything.filter { row in
                ["contact_name", "email", "phone_number"].contains { row.text($0).lowercased().contains(needle) }
            }.map { $0.text("contact_id") }
            let found = try await peer.allContacts(filter: filter, search: search, limit: 50).map { $0.text("contact_id") }
            #expect(found == expected, "search \(search) filter \(filter)")
            if search != "no-such-contact" && filter == "all" { #expect(!found.isEmpty, "search \(search)") }
        }
    }

    @Test("search finds a contact by its iframe id and by a fragment of its phone number")
    func iframeAndPhone() async throws {
        let peer = try await Peer.start(Self.options)
        defer { peer.server.stop() }
        let data = DemoData(seed: 7, count: 300, now: 0, hostile: false)
        for index in [0, 150, 299] {
            let contact = data.contact(at: index)
            let byIframe = try await peer.allContacts(search: contact.iframeID.uppercased()).map { $0.text("contact_id") }
            #expect(byIframe == [contact.id])
            let byPhone = try await peer.allContacts(search: String(contact.phone.suffix(9))).map { $0.text("contact_id") }
            #expect(byPhone.contains(contact.id))
        }
    }
}
