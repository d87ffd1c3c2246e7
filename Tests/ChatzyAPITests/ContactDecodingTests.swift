import ChatzyAPI
import Foundation
import Testing

/// Every oddity the docs allow in `GET /get_contact_conversations`, from JSON written here.
@Suite struct ContactDecodingTests {
    func page(_ contacts: String) throws -> ContactPage {
        try ContactDecoding.page(from: contactsBody(contacts))
    }

    func one(_ fields: String) throws -> Contact {
        try #require(try page(#"{"contact_id": "c1""# + (fields.isEmpty ? "" : ", " + fields) + "}").contacts.first)
    }

    @Test func theDocumentedExampleDecodesAllNineFields() throws {
        let c = try one(#"""
            "contact_name": "Ana Silva", "phone_number": "+15551234", "email": "ana@x.io",
            "conversation_status": "live", "assigned_to": "Maya", "unread_message_count": "3",
            "latest_message_time": "2023-11-07T05:31:56Z", "channels": ["whatsapp", "instagram"]
            """#)
        #expect(c == Contact(id: "c1", name: "Ana Silva", phoneNumber: "+15551234", email: "ana@x.io",
                             conversationStatus: "live", assignedTo: "Maya", unreadCount: .count(3),
                             latestMessageTime: Date(timeIntervalSince1970: 1_699_335_116),
                             channels: ["whatsapp", "instagram"]))
        #expect(c.isLive)
    }

    @Test(arguments: [
        (#""unread_message_count": "3""#, UnreadCount.count(3)),
        (#""unread_message_count": 3"#, .count(3)),
        (#""unread_message_count": " 12 ""#, .count(12)),
        (#""unread_message_count": """#, .missing),
        (#""unread_message_count": null"#, .missing),
        (#""unread_message_count": "?""#, .unreadable("?")),
        (#""unread_message_count": "many""#, .unreadable("many")),
        (#""unread_message_count": "-1""#, .unreadable("-1")),
        (#""unread_message_count": 2.5"#, .unreadable("2.5")),
        (#""unread_message_count": {"n": 1}"#, .missing),
        ("", .missing),
    ])
    func unreadCountInEveryShape(field: String, expected: UnreadCount) throws {
        #expect(try one(field).unreadCount == expected)
    }

    @Test(arguments: [
        ("\"2023-11-07T05:31:56Z\"", 1_699_335_116.0),
        ("\"2023-11-07T05:31:56.250Z\"", 1_699_335_116.25),
        ("\"2023-11-07T05:31:56.123456Z\"", 1_699_335_116.123456),
        ("\"2023-11-07T07:31:56+02:00\"", 1_699_335_116.0),
        ("\"2023-11-07T05:31:56\"", 1_699_335_116.0),
        ("1699335116", 1_699_335_116.0),
        ("1699335116000", 1_699_335_116.0),
    ])
    func latestMessageTimeShapes(wire: String, epoch: Double) throws {
        let date = try #require(try one(#""latest_message_time": "# + wire).latestMessageTime)
        #expect(abs(date.timeIntervalSince1970 - epoch) < 0.000_5)
    }

    @Test(arguments: ["null", "\"\"", "\"yesterday\"", "\"2023-13-07T05:31:56Z\"", "true", "[]"])
    func unreadableTimesAreNil(wire: String) throws {
        #expect(try one(#""latest_message_time": "# + wire).latestMessageTime == nil)
    }

    @Test func everyFieldNullOrMissingStillGivesAContact() throws {
        let nulls = try one(#"""
            "contact_name": null, "phone_number": null, "email": null, "conversation_status": null,
            "assigned_to": null, "unread_message_count": null, "latest_message_time": null, "channels": null
            """#)
        #expect(nulls == Contact(id: "c1"))
        #expect(try one("") == Contact(id: "c1"))
    }

    @Test func numbersWhereTextIsExpectedAreKeptAsText() throws {
        let c = try one(#""contact_id": 42, "phone_number": 15551234, "contact_name": true"#)
        #expect(c.phoneNumber == "15551234" && c.name == "true")
        #expect(try page(#"{"contact_id": 42}"#).contacts.first?.id == "42")
    }

    @Test func channelsAreLenient() throws {
        #expect(try one(#""channels": []"#).channels == [])
        #expect(try one(#""channels": "website""#).channels == ["website"])
        #expect(try one(#""channels": ["whatsapp", null, 3, "", {"x": 1}, "messenger"]"#).channels == ["whatsapp", "3", "messenger"])
    }

    @Test func unknownFieldsAreIgnored() throws {
        let c = try one(#""contact_name": "Zoë", "vip": {"level": [1, 2]}, "tags": null, "score": 1e400"#)
        #expect(c.name == "Zoë")
    }

    @Test func oneMalformedContactIsSkippedAndCounted() throws {
        let p = try page(#"""
            {"contact_id": "a", "contact_name": "First"},
            {"contact_name": "no id"},
            {"contact_id": ""},
            {"contact_id": null},
            "not an object", null, 17, [],
            {"contact_id": "b", "contact_name": "Last"}
            """#)
        #expect(p.contacts.map(\.id) == ["a", "b"])
        #expect(p.skipped == 7)
        #expect(p.received == 9)
        #expect(p.skippedNotice == "7 contacts could not be read")
    }

    @Test func skippedNoticeSingularAndNone() throws {
        #expect(try page(#"{"x": 1}, {"contact_id": "a"}"#).skippedNotice == "1 contact could not be read")
        #expect(try page(#"{"contact_id": "a"}"#).skippedNotice == nil)
    }

    @Test func emptyOrNullListIsAnEmptyPage() throws {
        #expect(try page("") == ContactPage(contacts: []))
        #expect(try ContactDecoding.page(from: json(#"{"data": {"data": {"contacts": null}}}"#)) == ContactPage(contacts: []))
        #expect(try ContactDecoding.page(from: json(#"{"data": {"data": {}}, "extra": 1}"#)) == ContactPage(contacts: []))
    }

    @Test func aShortPageIsTheLast() throws {
        let p = try page(#"{"contact_id": "a"}, {"bad": 1}"#)
        #expect(p.isLast(limit: 3))
        #expect(!p.isLast(limit: 2))
    }

    @Test(arguments: [
        ("", "not JSON"),
        ("<html>502 Bad Gateway</html>", "not JSON"),
        ("[]", "unexpected shape"),
        (#"{"contacts": []}"#, #"missing "data""#),
        (#"{"data": {"contacts": []}}"#, #"missing "data.data""#),
        (#"{"data": {"data": {"contacts": {"a": 1}}}}"#, "unexpected type at data.data.contacts"),
    ])
    func bodiesOfTheWrongShapeAreInvalidResponses(body: String, reason: String) {
        #expect(throws: APIError.invalidResponse(reason: reason, prefix: body)) {
            try ContactDecoding.page(from: json(body))
        }
    }

    @Test func theInvalidResponsePrefixIsTheFirst200BytesEvenMidCharacter() {
        let body = Data(repeating: 0x61, count: 199) + Data("é and more".utf8)
        guard case .invalidResponse(_, let prefix)? = decodingError(body) else {
            Issue.record("expected invalidResponse"); return
        }
        #expect(prefix.utf8.count >= 199 && prefix.hasPrefix(String(repeating: "a", count: 199)))
        #expect(!prefix.contains("and more"))
    }

    func decodingError(_ body: Data) -> APIError? {
        do throws(APIError) { _ = try ContactDecoding.page(from: body); return nil } catch { return error }
    }

    @Test func repeatedChannelListsAndLongAgentNamesShareStorageAcrossPages() throws {
        let row = #"{"contact_id": "x", "assigned_to": "Flow: onboarding (EU)", "channels": ["website", "messenger", "wa"]}"#
        let first = try #require(try page(row).contacts.first)
        let second = try #require(try page(row).contacts.first)
        #expect(first == second)
        let a = first.channels.withUnsafeBufferPointer { $0.baseAddress }
        let b = second.channels.withUnsafeBufferPointer { $0.baseAddress }
        #expect(a == b)
        #expect(first.assignedTo == "Flow: onboarding (EU)")
    }
}
