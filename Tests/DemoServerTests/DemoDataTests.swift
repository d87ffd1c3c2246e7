import DemoServer
import Foundation
import Testing

@Suite("Data people would believe, the same for the same seed")
struct DemoDataTests {
    @Test("the same seed serves the same contacts and messages; another seed does not")
    func determinism() async throws {
        let pinned = Date(timeIntervalSince1970: 1_750_000_000)
        let a = try await Peer.start(DemoServerOptions(seed: 99, contacts: 120, newestActivity: pinned))
        let b = try await Peer.start(DemoServerOptions(seed: 99, contacts: 120, newestActivity: pinned))
        let c = try await Peer.start(DemoServerOptions(seed: 100, contacts: 120, newestActivity: pinned))
        defer { a.server.stop(); b.server.stop(); c.server.stop() }
        let rowsA = try await a.allContacts(), rowsB = try await b.allContacts(), rowsC = try await c.allContacts()
        #expect(try canonical(rowsA) == canonical(rowsB))
        #expect(Set(rowsA.map { $0.text("contact_id") }).isDisjoint(with: rowsC.map { $0.text("contact_id") }))
        #expect(rowsA.first.map { parseTime($0.text("latest_message_time")) } == pinned)
        for row in rowsA.prefix(5) {
            let query = [("contact_id", row.text("contact_id")), ("limit", "100")]
            let messagesA = try await a.get("get_contact_conversation_messages", query).payload
            let messagesB = try await b.get("get_contact_conversation_messages", query).payload
            #expect(try canonical(messagesA) == canonical(messagesB))
        }
    }

    @Test("names in many scripts with emoji, E.164 phones, some empty emails and agents, mostly zero unread, channels, months of activity")
    func believable() async throws {
        let peer = try await Peer.start(DemoServerOptions(seed: 42, contacts: 2_000))
        defer { peer.server.stop() }
        let rows = try await peer.allContacts()
        let names = rows.map { $0.text("contact_name") }
        let scripts: [(String, ClosedRange<UInt32>)] = [
            ("Latin diacritics", 0xC0...0x24F), ("Greek", 0x370...0x3FF), ("Cyrillic", 0x400...0x4FF), ("Hebrew", 0x590...0x5FF),
            ("Arabic", 0x600...0x6FF), ("Devanagari", 0x900...0x97F), ("CJK", 0x4E00...0x9FFF), ("Hangul", 0xAC00...0xD7AF),
            ("emoji", 0x1F300...0x1FAFF), ("flags", 0x1F1E6...0x1F1FF), ("skin tones", 0x1F3FB...0x1F3FF), ("ZWJ", 0x200D...0x200D),
        ]
        for (script, range) in scripts {
            #expect(names.contains { $0.unicodeScalars.contains { range.contains($0.value) } }, "no \(script) name")
        }
        #expect(names.contains { $0.count > 50 }, "no very long name")
        let e164 = /^\+[1-9][0-9]{7,14}$/
        #expect(rows.allSatisfy { $0.text("phone_number").wholeMatch(of: e164) != nil })
        let emails = rows.map { $0.text("email") }
        #expect(emails.contains("") && emails.filter { !$0.isEmpty }.allSatisfy { $0.contains("@") })
        let statuses = Set(rows.map { $0.text("conversation_status") })
        #expect(statuses.isSuperset(of: ["open", "live", "closed"]))
        #expect(rows.contains { $0.text("assigned_to").isEmpty } && rows.contains { !$0.text("assigned_to").isEmpty })
        let unread = rows.map { Int($0.text("unread_message_count"))! }
        #expect(unread.filter { $0 == 0 }.count > rows.count / 2 && unread.contains { $0 > 0 })
        let channels = rows.map { $0["channels"] as? [String] ?? [] }
        #expect(Set(channels.flatMap { $0 }) == ["whatsapp", "instagram", "messenger", "website"])
        #expect(channels.contains { $0.isEmpty } && channels.contains { $0.count == 1 } && channels.contains { $0.count > 1 })
        let times = rows.compactMap { parseTime($0.text("latest_message_time")) }
        #expect(times.first!.timeIntervalSince(times.last!) > 60 * 86_400)
        #expect(Set(rows.map { $0.text("contact_id") }).count == rows.count)
    }

    @Test("--hostile mixes in escape sequences, C1 controls, BEL, tabs, newlines, zero-width and 300-character names")
    func hostile() async throws {
        let peer = try await Peer.start(DemoServerOptions(seed: 5, contacts: 1_000, hostile: true))
        let calm = try await Peer.start(DemoServerOptions(seed: 5, contacts: 1_000))
        defer { peer.server.stop(); calm.server.stop() }
        let names = try await peer.allContacts().map { $0.text("contact_name") }
        func has(_ value: UInt32) -> Bool { names.contains { $0.unicodeScalars.contains { $0.value == value } } }
        #expect(has(0x1B) && has(0x07) && has(0x09) && has(0x0A) && has(0x9B) && has(0x200B))
        #expect(names.contains { $0.unicodeScalars.contains { (0x300...0x36F).contains($0.value) } })
        #expect(names.contains { $0.count >= 300 })
        let calmNames = try await calm.allContacts().map { $0.text("contact_name") }
        #expect(!calmNames.contains { $0.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) } })
    }
}

/// JSON text with sorted keys, to compare two answers exactly.
func canonical(_ value: Any) throws -> String {
    String(decoding: try JSONSerialization.data(withJSONObject: value, options: [.sortedKeys]), as: UTF8.self)
}
