import ChatzyAPI
import Foundation
@testable import InboxCLI
import InboxRender
import Testing

/// The raw contact entries, and the table and TSV lines.
@Suite struct ListOutputTests {
    @Test func findsEachContactAsTheExactBytesReceived() throws {
        let body = #"""
            { "other": [1, {"data": "no"}], "data" : { "meta": "x\"}]", "data": {
              "contacts": [
                {"contact_id": "a", "name": "q\"uote ]}", "extra": {"nested": [1, 2]}},
                {"contact_id":"b","n":null,"v":-1.5e3,"t":true}
              ] } } }
            """#
        let bytes = Array(body.utf8)
        let ranges = try #require(RawContactArray.entries(in: bytes))
        #expect(ranges.count == 2)
        #expect(String(decoding: bytes[ranges[0]], as: UTF8.self) == #"{"contact_id": "a", "name": "q\"uote ]}", "extra": {"nested": [1, 2]}}"#)
        #expect(String(decoding: bytes[ranges[1]], as: UTF8.self) == #"{"contact_id":"b","n":null,"v":-1.5e3,"t":true}"#)
    }

    @Test func emptyNullAndMissingContactsAreEmptyButAWrongShapeIsNil() {
        #expect(RawContactArray.entries(in: Array(#"{"data":{"data":{"contacts":[]}}}"#.utf8)) == [])
        #expect(RawContactArray.entries(in: Array(#"{"data":{"data":{"contacts":null}}}"#.utf8)) == [])
        #expect(RawContactArray.entries(in: Array(#"{"data":{"data":{}}}"#.utf8)) == [])
        #expect(RawContactArray.entries(in: Array(#"{"data":[]}"#.utf8)) == nil)
        #expect(RawContactArray.entries(in: Array(#"<html>"#.utf8)) == nil)
        #expect(RawContactArray.entries(in: Array(#"{"data":{"data":{"contacts":[{"a":1}"#.utf8)) == nil)
    }

    @Test func aMultiLineEntryIsJoinedWithoutTouchingItsStrings() {
        let entry = Array("{\n  \"contact_id\": \"a b\",\n  \"x\": \"line\\nbreak \\\" \"\n}".utf8)
        #expect(String(decoding: RawContactArray.singleLine(entry[...]), as: UTF8.self) == #"{"contact_id":"a b","x":"line\nbreak \" "}"#)
        let oneLine = Array(#"{ "a" : 1 }"#.utf8)
        #expect(RawContactArray.singleLine(oneLine[...]) == oneLine, "an entry on one line is kept byte for byte")
    }

    static let hostile = Contact(id: "c1", name: "Evil\u{1B}[2J\u{1B}]0;pwned\u{07}Name", phoneNumber: "+1\t555",
                                 email: "x\u{9B}31m@y.z", conversationStatus: "live", assignedTo: nil,
                                 unreadCount: .count(12), latestMessageTime: Date(timeIntervalSince1970: 1_700_000_000),
                                 channels: ["whatsapp", "website"])

    @Test func tableControlCharactersAreVisibleAndColumnsAlignByDisplayWidth() {
        let formatter = ContactFormatter(format: .table)
        let date = Date(timeIntervalSince1970: 1_700_000_000)
        let contacts = [
            Self.hostile,
            Contact(id: "c2", name: "刘浩然", unreadCount: .missing, latestMessageTime: date),
            Contact(id: "c3", name: "Søren Novák 👨‍👩‍👧", unreadCount: .unreadable("lots"), latestMessageTime: date),
            Contact(id: "c4", name: String(repeating: "界", count: 30), latestMessageTime: date),
        ]
        let lines = contacts.map(formatter.line)
        for line in lines + [formatter.header()!] {
            #expect(!line.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" || (0x7F...0x9F).contains($0.value) })
        }
        #expect(lines[0].contains("Evil^[[2J^[]0;pwned^GName".prefix(22)))
        #expect(lines[0].contains("x<U+009B>31m@y.z"))
        #expect(lines[0].hasPrefix("    12  "))
        #expect(lines[2].hasPrefix("     ?  "))
        #expect(lines[3].contains("…"), "a name wider than its column is cut with an ellipsis")
        // Every line is exactly as wide as the columns, whatever the script of the name.
        let total = 6 + 24 + 16 + 28 + 18 + 8 + 16 + 20 + 7 * 2
        for line in lines { #expect(TextWidth.width(of: line.dropLast()) == total, "\(line)") }
        #expect(TextWidth.width(of: formatter.header()!.dropLast()) == total - 20 + "LATEST".count)
        // The phone column starts at the same display column after a CJK name and a Latin one.
        let phoneColumn = 6 + 2 + 24 + 2
        #expect(TextWidth.width(of: lines[0].components(separatedBy: "+1^I555")[0]) == phoneColumn)
        #expect(TextWidth.width(of: lines[1].components(separatedBy: "  —")[0]) + 2 == phoneColumn)
    }

    /// A terminal that joins an emoji sequence draws it narrower (tmux: 🏳️‍🌈 in one cell) or
    /// wider (kitty: ❤️ in two) than wcwidth counts, so the table sends the parts side by side:
    /// no joiner, no emoji selector, no skin tone (kitty draws 👍🏽 in two cells), nothing
    /// zero-width after a wide character; accents stay.
    @Test func tableSendsEmojiSequencesAsTheirParts() {
        let formatter = ContactFormatter(format: .table)
        let names = ["Ana 🏳️‍🌈", "Bo ❤️", "Arjun 👨‍👩‍👧", "Zoë 👩🏾‍💻", "Rene\u{301}e", "Kai 👍🏽"]
        let lines = names.map { formatter.line(Contact(id: "c", name: $0)) }
        for line in lines {
            #expect(!line.unicodeScalars.contains { $0.value == 0x200D || $0.value == 0xFE0F }, "\(line)")
            #expect(TextWidth.width(of: line.components(separatedBy: "  —")[0]) == 6 + 2 + 24, "\(line)")
        }
        #expect(lines[0].contains("Ana 🏳🌈 "))
        #expect(lines[2].contains("Arjun 👨👩👧 "))
        #expect(lines[3].contains("Zoë 👩💻 "), "the skin tone goes too")
        #expect(lines[4].contains("Rene\u{301}e "), "a mark on a narrow letter is kept")
        #expect(lines[5].contains("Kai 👍 "))
    }

    @Test func tsvEscapesSoEveryRowHasNineFields() {
        let formatter = ContactFormatter(format: .tsv)
        #expect(formatter.header()!.split(separator: "\t").count == 9)
        let line = formatter.line(Self.hostile)
        #expect(line.hasSuffix("\n"))
        let fields = line.dropLast().components(separatedBy: "\t")
        #expect(fields.count == 9)
        #expect(fields[0] == "c1")
        #expect(fields[1] == #"Evil\x1B[2J\x1B]0;pwned\x07Name"#)
        #expect(fields[2] == #"+1\t555"#)
        #expect(fields[3] == #"x\u009B31m@y.z"#)
        #expect(fields[4] == "whatsapp,website")
        #expect(fields[7] == "12")
        #expect(fields[8] == "2023-11-14T22:13:20Z")
        #expect(ContactFormatter.tsvEscape("a\\b\nc\r") == #"a\\b\nc\r"#)
    }

    @Test func timeFormats() {
        let date = Date(timeIntervalSince1970: 1_700_000_000)
        let utc = TimeZone(identifier: "UTC")!
        #expect(ContactFormatter(format: .table, timeFormat: .iso).time(date) == "2023-11-14T22:13:20Z")
        #expect(ContactFormatter(format: .table, timeFormat: .local, timeZone: utc).time(date) == "2023-11-14 22:13")
        #expect(ContactFormatter(format: .table, timeFormat: .relative, now: date.addingTimeInterval(300)).time(date) == "5m")
        #expect(ContactFormatter(format: .table).time(nil) == "—")
    }
}

