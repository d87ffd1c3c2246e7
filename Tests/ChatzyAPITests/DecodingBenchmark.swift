import ChatzyAPI
import Foundation
import Testing

/// Reports decoding cost and model sizes; never pass/fail on time. Runs only when
/// `CHATZY_BENCH=1` is set: `CHATZY_BENCH=1 swift test --filter DecodingBenchmark`.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["CHATZY_BENCH"] != nil))
struct DecodingBenchmark {
    static func realisticPage(_ count: Int) -> Data {
        let agents = ["", "Maya (support)", "Flow: onboarding", "AI agent", "Lena K."]
        let channels = [#"["whatsapp"]"#, #"["whatsapp", "instagram"]"#, "[]", #"["website", "messenger"]"#]
        let rows = (0..<count).map { i in
            #"{"contact_id": "\#(UUID().uuidString.lowercased())", "contact_name": "Łukasz Kowalski \#(i)", "#
                + #""phone_number": "+4915112345\#(i % 100)", "email": "user\#(i)@example.com", "#
                + #""conversation_status": "open", "assigned_to": "\#(agents[i % 5])", "unread_message_count": "\#(i % 4)", "#
                + #""latest_message_time": "2023-11-07T05:31:56.123Z", "channels": \#(channels[i % 4])}"#
        }
        return contactsBody(rows.joined(separator: ","))
    }

    @Test func decodeHundredContactPages() throws {
        let body = Self.realisticPage(100)
        var contacts = 0
        let clock = ContinuousClock()
        let rounds = 200
        let elapsed = try clock.measure {
            for _ in 0..<rounds { contacts += try ContactDecoding.page(from: body).contacts.count }
        }
        #expect(contacts == 100 * rounds)
        let perPage = elapsed / rounds
        print("BENCH decode 100-contact page (\(body.count) bytes): \(perPage) per page")
        print("BENCH MemoryLayout<Contact>.stride = \(MemoryLayout<Contact>.stride) bytes (inline, before heap strings)")
    }

    /// Resident set size from `/proc/self/statm` (Linux), in bytes.
    static func residentBytes() -> Int {
        let text = (try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8)) ?? ""
        let pages = text.split(separator: " ").dropFirst().first.flatMap { Int($0) } ?? 0
        return pages * 4096
    }

    @Test func residentBytesPerLoadedContact() throws {
        let pages = (0..<20).map { _ in Self.realisticPage(100) }
        var kept: [[Contact]] = []
        kept.reserveCapacity(1000)
        let before = Self.residentBytes()
        for round in 0..<50 {
            for page in pages { kept.append(try ContactDecoding.page(from: page).contacts) }
            _ = round
        }
        let after = Self.residentBytes()
        let count = kept.reduce(0) { $0 + $1.count }
        #expect(count == 100_000)
        print("BENCH resident growth per loaded contact (100 000 kept, arrays of pages): \((after - before) / count) bytes")
    }
}
