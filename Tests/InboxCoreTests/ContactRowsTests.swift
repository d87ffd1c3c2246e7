import ChatzyAPI
import Foundation
@testable import InboxCore
import Testing

/// `ContactRows` gives back exactly the contacts it was given, keeps ids unique, and finds
/// every id through its index, also when ids share a hash.
@Suite struct ContactRowsTests {
    /// Contacts that exercise every field: none, empty, long (multi-byte lengths), non-Latin,
    /// escape codes, an unreadable unread count, times and channel lists.
    static let varied: [Contact] = [
        Contact(id: "only-an-id"),
        Contact(id: "1f0c6a52-3b7e-4d8a-9c11-5e2f7a9b0d34", name: "Aarav Sharma", phoneNumber: "+14155550123",
                email: "aarav.sharma42@example.com", conversationStatus: "open", assignedTo: "Priya Nair",
                unreadCount: .count(3), latestMessageTime: Date(timeIntervalSince1970: 1_764_000_000.25),
                channels: ["whatsapp", "instagram"]),
        Contact(id: "", name: "", phoneNumber: "", email: "", conversationStatus: "", assignedTo: "",
                unreadCount: .unreadable(""), latestMessageTime: Date(timeIntervalSinceReferenceDate: 0), channels: [""]),
        Contact(id: "x", name: String(repeating: "山田太郎 ", count: 400), unreadCount: .unreadable("lots"),
                channels: (0..<200).map { "channel \($0)" }),
        Contact(id: "evil", name: "\u{1B}[2J\u{1B}]0;pwned\u{07}Ma\u{301}ria 👩🏽‍💻", unreadCount: .count(Int.max),
                latestMessageTime: Date.distantPast, channels: ["web"]),
        Contact(id: "neg", unreadCount: .count(0), latestMessageTime: Date(timeIntervalSince1970: -1e9)),
    ]

    @Test func everyFieldComesBackAsItWent() {
        let rows = ContactRows(Self.varied)
        #expect(rows.count == Self.varied.count)
        #expect(Array(rows) == Self.varied)
        for (i, contact) in Self.varied.enumerated() {
            #expect(rows.id(at: i) == contact.id)
            #expect(rows.firstIndex(ofID: contact.id) == i)
        }
        #expect(rows.firstIndex(ofID: "missing") == nil)
        #expect(!rows.contains(id: "only-an-id "))
    }

    /// A fingerprint stands for the whole contact: equal for the same contact in another list,
    /// different when any one field differs (the screen's row cache relies on both).
    @Test func fingerprintsDifferExactlyWhenContactsDo() {
        let base = Self.varied[1]
        var variants: [Contact] = []
        func vary(_ change: (inout Contact) -> Void) {
            var contact = base
            change(&contact)
            variants.append(contact)
        }
        vary { $0.name = "Aarav Sharmb" }
        vary { $0.name = nil }
        vary { $0.phoneNumber = "+14155550124" }
        vary { $0.email = nil }
        vary { $0.conversationStatus = "closed" }
        vary { $0.assignedTo = "" }
        vary { $0.unreadCount = .count(4) }
        vary { $0.unreadCount = .unreadable("3") }
        vary { $0.unreadCount = .missing }
        vary { $0.latestMessageTime = Date(timeIntervalSince1970: 1_764_000_000.5) }
        vary { $0.latestMessageTime = nil }
        vary { $0.channels = ["whatsapp"] }
        vary { $0.channels = ["instagram", "whatsapp"] }
        // Canonically equivalent, different bytes: a different row for the screen.
        vary { $0.assignedTo = "Priya Na\u{0069}\u{0308}r" }
        vary { $0.assignedTo = "Priya Na\u{00EF}r" }

        let original = ContactRows([base]).fingerprint(at: 0)
        let elsewhere = ContactRows([Self.varied[0], base]).fingerprint(at: 1)
        #expect(original == elsewhere)
        #expect(original.hashValue == elsewhere.hashValue)
        var seen: [ContactRows.Fingerprint] = [original]
        for (n, variant) in variants.enumerated() {
            let fingerprint = ContactRows([variant]).fingerprint(at: 0)
            #expect(!seen.contains(fingerprint), "variant \(n) looks like an earlier one")
            seen.append(fingerprint)
        }
        // Compared in place, without copying the row out, the answers are the same.
        let rows = ContactRows([Self.varied[0], base] + variants)
        for position in rows.indices {
            for other in seen + [ContactRows([Self.varied[0]]).fingerprint(at: 0)] {
                #expect(rows.fingerprint(at: position, equals: other) == (rows.fingerprint(at: position) == other),
                        "row \(position)")
            }
        }
        #expect(ContactRows(Self.varied).latestMessageTime(at: 1) == base.latestMessageTime)
        #expect(ContactRows(Self.varied).latestMessageTime(at: 0) == nil)
    }

    @Test func aRepeatedIdKeepsItsFirstAppearance() {
        var rows = ContactRows([contact("a"), contact("b")])
        let repeated = rows.append(Contact(id: "a", name: "Another A"))
        let new = rows.append(contact("c"))
        #expect(!repeated && new)
        #expect(rows.map(\.id) == ["a", "b", "c"])
        #expect(rows[0].name == "Name of a")
    }

    @Test func appendingAnotherListSkipsWhatIsHereAndKeepsItsOrder() {
        var fresh = ContactRows([contact("n1"), contact("b"), contact("n2")])
        let old = ContactRows(contacts("", 0..<0) + [contact("a"), contact("b"), contact("c")] + Self.varied)
        fresh.append(contentsOf: old)
        #expect(fresh.map(\.id) == ["n1", "b", "n2", "a", "c"] + Self.varied.map(\.id))
        #expect(Array(fresh[5...]) == Self.varied)
        for (i, id) in fresh.map(\.id).enumerated() { #expect(fresh.firstIndex(ofID: id) == i) }
    }

    @Test func idsThatShareAHashAreAllFoundAndStillDeduplicated() {
        var rows = ContactRows()
        rows.hashMask = 0
        for contact in Self.varied + contacts("c", 0..<50) {
            let added = rows.append(contact)
            #expect(added)
        }
        for contact in contacts("c", 0..<50) {
            let added = rows.append(contact)
            #expect(!added, "a repeat of \(contact.id) is still found")
        }
        let ids = rows.map(\.id)
        #expect(ids == Self.varied.map(\.id) + contacts("c", 0..<50).map(\.id))
        for (i, id) in ids.enumerated() { #expect(rows.firstIndex(ofID: id) == i) }
        var merged = ContactRows()
        merged.hashMask = 0
        merged.append(contact("c7"))
        merged.append(contentsOf: rows)
        #expect(merged.count == rows.count)
        #expect(merged.firstIndex(ofID: "c7") == 0 && merged.firstIndex(ofID: "c8") == 1 + Self.varied.count + 7)
    }

    @Test func idsAreTheirBytesInTheIndexAndAmongCollisionsAlike() {
        for mask in [-1, 0] {
            var rows = ContactRows()
            rows.hashMask = mask
            rows.append(contact("first"))
            let composed = rows.append(Contact(id: "caf\u{E9}"))
            let decomposed = rows.append(Contact(id: "cafe\u{301}"))
            #expect(composed && decomposed, "two spellings, two ids (mask \(mask))")
            #expect(rows.firstIndex(ofID: "caf\u{E9}") == 1 && rows.firstIndex(ofID: "cafe\u{301}") == 2)
            #expect(rows.hasID("cafe\u{301}", at: 2) && !rows.hasID("caf\u{E9}", at: 2))
        }
    }

    @Test func replacingARowUpdatesItAndItsId() {
        var rows = ContactRows(contacts("a", 0..<5))
        rows[2].name = "Renamed"
        #expect(rows[2] == Contact(id: "a2", name: "Renamed"))
        rows[3] = Contact(id: "z", name: "New")
        #expect(rows.map(\.id) == ["a0", "a1", "a2", "z", "a4"])
        #expect(rows.firstIndex(ofID: "z") == 3 && rows.firstIndex(ofID: "a3") == nil && rows.firstIndex(ofID: "a4") == 4)
        let added = rows.append(contact("a3"))
        #expect(added, "the replaced id is free again")
    }

    @Test func equalityIsEqualityOfTheContacts() {
        let a = ContactRows(Self.varied)
        var b = ContactRows()
        b.append(contentsOf: a)
        #expect(a == b)
        var c = b
        c[1].unreadCount = .count(4)
        #expect(a != c)
        c[1].unreadCount = .count(3)
        #expect(a == c, "a row written twice compares by content, not by position in the arena")
        #expect(ContactRows(Self.varied.dropLast()) != a)
        #expect(ContactRows([Contact(id: "t", latestMessageTime: nil)]) != ContactRows([Contact(id: "t", latestMessageTime: Date(timeIntervalSinceReferenceDate: 0))]))
        #expect(ContactRows([Contact(id: "u", unreadCount: .missing)]) != ContactRows([Contact(id: "u", unreadCount: .count(0))]))
        #expect(ContactRows([Contact(id: "u", unreadCount: .unreadable(""))]) != ContactRows([Contact(id: "u", unreadCount: .missing)]))
    }
}
