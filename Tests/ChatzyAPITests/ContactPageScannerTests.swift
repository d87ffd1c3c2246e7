@testable import ChatzyAPI
import Foundation
import Testing

/// The fast contacts-page scanner reads every body it accepts exactly as the lenient
/// `JSONDecoder` path does (byte for byte, skipped entries included), gives up on the rest,
/// and accepts the pages servers really send.
@Suite struct ContactPageScannerTests {
    /// Every string of a page as its UTF-8 bytes: stricter than `Contact`'s `==`.
    static func bytes(_ page: ContactPage) -> [[[UInt8]?]] {
        page.contacts.map { c in
            [c.id, c.name, c.phoneNumber, c.email, c.conversationStatus, c.assignedTo,
             "\(c.unreadCount)", c.latestMessageTime.map { "\($0.timeIntervalSince1970)" }]
                .map { $0.map { Array($0.utf8) } } + c.channels.map { Array($0.utf8) }
        }
    }

    /// Checks one body: the scanner's page equals the slow path's whenever it gives one.
    /// Returns whether the scanner read it.
    @discardableResult
    static func agree(_ body: Data, _ comment: Comment? = nil) -> Bool {
        guard let fast = ContactPageScanner.page(from: body) else { return false }
        let slow = try? ContactDecoding.decodedSlowly(body)
        #expect(slow != nil, "the scanner read a body the decoder rejects: \(String(decoding: body.prefix(300), as: UTF8.self))")
        guard let slow else { return true }
        #expect(fast.skipped == slow.skipped, comment)
        #expect(fast == slow, comment)
        #expect(bytes(fast) == bytes(slow), comment)
        return true
    }

    @Test func theDemoServersPagesAreReadByTheScanner() throws {
        let page = try #require(DecoderFuzzTests.seeds.first)
        #expect(Self.agree(Data(page.serialized())))
        let body = #"""
            { "data" : { "meta": {"x": [1, 2.5e3, true, null, {"y": "z"}]},
              "data": { "contacts": [
                {"contact_id": "a", "contact_name": "Ana \u00e9\ud83d\ude00 \"q\" \\ \/ \n", "unread_message_count": 3,
                 "latest_message_time": 1764000000, "channels": ["whatsapp", 7, ""], "extra": {"deep": [[]]}},
                {"contact_id": 42, "phone_number": null, "channels": "web", "latest_message_time": "1764000000123"},
                {"contact_id": "", "contact_name": "no id: skipped"},
                {"contact_name": "no id either"},
                {"contact_id": "b", "unread_message_count": " 12 ", "latest_message_time": " 2024-03-01T10:00:00+02:00 ",
                 "channels": null, "assigned_to": -0}
              ] } } }
            """#
        #expect(Self.agree(Data(body.utf8)))
        let read = try #require(ContactPageScanner.page(from: Data(body.utf8)))
        #expect(read.contacts.count == 3 && read.skipped == 2)
        #expect(Self.agree(Data(#"{"data": {"data": {}}}"#.utf8)))
        #expect(Self.agree(Data(#"{"data": {"data": {"contacts": null}}}"#.utf8)))
    }

    @Test(arguments: [
        #"{"data": {"data": {"contacts": [{"contact_id": "a", "unread_message_count": 2.5}]}}}"#,
        #"{"data": {"data": {"contacts": [{"contact_id": "a", "email": true}]}}}"#,
        #"{"data": {"data": {"contacts": [{"contact_id": "a", "contact_id": "b"}]}}}"#,
        #"{"data": {"data": {"contacts": [3]}}}"#,
        #"{"data": {"data": {"contacts": [{"contact_id": "\ud800"}]}}}"#,
        #"{"data": {"data": {"contacts": []}}} trailing"#,
        #"{"data": {"data": {"contacts": [{"contact_id": "a", "latest_message_time": 1e9}]}}}"#,
        #"{"data": {"data": {"contacts": [{"contact_id": 12345678901234567890}]}}}"#,
        #"{"data": null}"#,
        "",
    ])
    func unusualBodiesAreLeftToTheDecoder(body: String) {
        #expect(ContactPageScanner.page(from: Data(body.utf8)) == nil)
    }

    /// Mutated pages (values swapped for other kinds, keys dropped and repeated, bytes
    /// flipped): wherever the scanner answers, it answers as the decoder does.
    @Test func mutatedPagesReadTheSameOnBothPaths() async {
        var random = FuzzRandom(seed: ProcessInfo.processInfo.environment["CHATZY_SCAN_SEED"].flatMap(UInt64.init) ?? 0x5CA_77E2)
        let seed = DecoderFuzzTests.seeds[0]
        var read = 0
        let cases = ProcessInfo.processInfo.environment["CHATZY_SCAN_CASES"].flatMap(Int.init) ?? 20_000
        for n in 0..<cases {
            if n % 256 == 0 { await Task.yield() }
            let body = n % 2 == 0 ? Data(random.mutate(seed).serialized()) : random.mutateBytes(Data(seed.serialized()))
            if Self.agree(body, "case \(n)") { read += 1 }
        }
        print("SCANNER read \(read) of \(cases) mutated pages")
        #expect(read > cases / 20, "the scanner reads a good share of the mutations (\(read))")
    }
}
