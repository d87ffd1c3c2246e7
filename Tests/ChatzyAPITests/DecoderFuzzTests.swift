import ChatzyAPI
import Foundation
import Testing

/// Random and mutated response bodies from a fixed seed: the decoders may reject a body, but
/// never crash, hang or keep memory. Set `CHATZY_FUZZ_CASES` (and `CHATZY_FUZZ_SEED`) to run
/// longer than the default 100,000 cases.
@Suite struct DecoderFuzzTests {
    static let cases = ProcessInfo.processInfo.environment["CHATZY_FUZZ_CASES"].flatMap(Int.init) ?? 100_000
    static let seed = ProcessInfo.processInfo.environment["CHATZY_FUZZ_SEED"].flatMap(UInt64.init) ?? 0xC4A7_2B1D

    /// A valid contacts page and a valid conversations body to mutate.
    static let seeds: [FuzzJSON] = [
        .object([("data", .object([("data", .object([("contacts", .array((0..<3).map { n in
            .object([
                ("contact_id", .string("c\(n)")), ("contact_name", .string("Łukasz 刘浩然 \(n)")),
                ("phone_number", .string("+1555000\(n)")), ("email", .string("u\(n)@example.com")),
                ("conversation_status", .string(n == 1 ? "live" : "open")), ("assigned_to", .string("Maya")),
                ("unread_message_count", .string("\(n)")), ("latest_message_time", .string("2024-03-01T10:00:00.123Z")),
                ("channels", .array([.string("whatsapp"), .string("instagram")])),
            ])
        }))]))]))]),
        .object([("data", .object([("data", .object([
            ("contact", .object([("id", .string("c1")), ("first_name", .string("Ann")), ("is_blacklisted", .bool(false)),
                                 ("frozen_until", .string("2024-03-01T10:00:00Z"))])),
            ("conversations", .array([.object([
                ("id", .string("v1")), ("status", .string("open")), ("type", .string("whatsapp")),
                ("messages", .array((0..<3).map { n in .object([
                    ("id", .string("m\(n)")), ("content", .string("hello \(n)")), ("role", .string("user")),
                    ("created_at", .string("2024-03-01T10:0\(n):00Z")), ("order", .number("\(n)")),
                ]) })),
            ])])),
        ]))]))]),
    ]

    @Test func mutatedBodiesNeverCrashTheDecoders() async {
        var random = FuzzRandom(seed: Self.seed)
        let before = residentBytes()
        var decodedContacts = 0, rejected = 0
        for n in 0..<Self.cases {
            // A minute of work on one of the cooperative pool's two threads: let the rest of
            // the run (servers, clients, terminal tests) have its turns.
            if n % 256 == 0 { await Task.yield() }
            let body: Data
            switch n % 4 {
            case 0, 1: body = Data(random.mutate(Self.seeds[n % 2]).serialized())
            case 2: body = random.mutateBytes(Data(Self.seeds[n % 2].serialized()))
            default: body = Data(random.randomValue(depth: 0).serialized())
            }
            do { decodedContacts += try ContactDecoding.page(from: body).contacts.count } catch { rejected += 1 }
            _ = try? ConversationDecoding.conversations(from: body)
        }
        let grown = residentBytes() - before
        print("FUZZ \(Self.cases) cases (seed \(Self.seed)): \(decodedContacts) contacts decoded, \(rejected) bodies rejected, RSS grew \(grown / 1024) KiB")
        #expect(decodedContacts > 0 && rejected > 0, "the mutations exercise both paths")
        #expect(grown < 256 << 20, "memory stays bounded")
    }

    @Test func hugeAndDeepBodiesAreRejectedOrReadWithoutCrashing() throws {
        let tenMB = String(repeating: "é\u{1B}[31m", count: 10 << 20 / 8)
        let hugeName = FuzzJSON.object([("data", .object([("data", .object([("contacts", .array([
            .object([("contact_id", .string("big")), ("contact_name", .string(tenMB)), ("assigned_to", .string(tenMB))]),
        ]))]))]))])
        let page = try ContactDecoding.page(from: Data(hugeName.serialized()))
        #expect(page.contacts.first?.name?.utf8.count == tenMB.utf8.count)

        for depth in [64, 512, 5_000, 100_000] {
            let deep = Data((String(repeating: "[", count: depth) + String(repeating: "]", count: depth)).utf8)
            #expect(throws: APIError.self) { try ContactDecoding.page(from: deep) }
            let deepInContact = Data((#"{"data":{"data":{"contacts":[{"contact_id":"x","channels":"#
                + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "}]}}}").utf8)
            _ = try? ContactDecoding.page(from: deepInContact)
            _ = try? ConversationDecoding.conversations(from: deep)
        }
        let numbers = ["1e400", "-1e400", "123456789012345678901234567890", "-9223372036854775809", "0.0000001e-400", "NaN"]
        for number in numbers {
            let body = Data((#"{"data":{"data":{"contacts":[{"contact_id":"x","unread_message_count":\#(number),"latest_message_time":\#(number)}]}}}"#).utf8)
            _ = try? ContactDecoding.page(from: body)
        }
        let invalidUTF8 = Data(#"{"data":{"data":{"contacts":[{"contact_id":""#.utf8) + Data([0xC3, 0x28, 0xFF, 0xED, 0xA0, 0x80])
            + Data(#""}]}}}"#.utf8)
        _ = try? ContactDecoding.page(from: invalidUTF8)
    }

    /// Resident set size from `/proc/self/statm` (Linux), in bytes.
    func residentBytes() -> Int {
        let text = (try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8)) ?? ""
        return (text.split(separator: " ").dropFirst().first.flatMap { Int($0) } ?? 0) * 4096
    }
}

/// A JSON value that keeps key order and can carry raw (even invalid) bytes.
indirect enum FuzzJSON: Sendable {
    case null, bool(Bool), number(String), string(String), raw([UInt8])
    case array([FuzzJSON]), object([(String, FuzzJSON)])

    func serialized() -> [UInt8] {
        var out: [UInt8] = []
        write(into: &out)
        return out
    }

    private func write(into out: inout [UInt8]) {
        switch self {
        case .null: out += Array("null".utf8)
        case .bool(let value): out += Array((value ? "true" : "false").utf8)
        case .number(let text): out += Array(text.utf8)
        case .string(let text): Self.writeString(text, into: &out)
        case .raw(let bytes): out.append(0x22); out += bytes; out.append(0x22)
        case .array(let items):
            out.append(0x5B)
            for (i, item) in items.enumerated() { if i > 0 { out.append(0x2C) }; item.write(into: &out) }
            out.append(0x5D)
        case .object(let pairs):
            out.append(0x7B)
            for (i, pair) in pairs.enumerated() {
                if i > 0 { out.append(0x2C) }
                Self.writeString(pair.0, into: &out)
                out.append(0x3A)
                pair.1.write(into: &out)
            }
            out.append(0x7D)
        }
    }

    private static func writeString(_ text: String, into out: inout [UInt8]) {
        out.append(0x22)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += Array("\\\"".utf8)
            case "\\": out += Array("\\\\".utf8)
            case _ where scalar.value < 0x20: out += Array(String(format: "\\u%04x", scalar.value).utf8)
            default: out += Array(String(scalar).utf8)
            }
        }
        out.append(0x22)
    }
}

/// SplitMix64 plus the mutations the fuzz test applies.
struct FuzzRandom {
    private var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(max(bound, 1))) }

    static let strings = ["", " ", "?", "null", "0", "-1", "12abc", "2024-03-01T10:00:00Z", "2024-03-01T10:00:00.123456Z",
                          "not a date", "\u{1B}]0;title\u{07}", "\u{202E}evil", "👨‍👩‍👧", "e\u{301}", "\u{0}", "live", "OPEN"]
    static let numbers = ["0", "-0", "1", "-1", "3.5", "1e400", "-1e400", "123456789012345678901234567890",
                          "9223372036854775807", "-9223372036854775809", "1700000000000", "1e-400"]

    mutating func randomValue(depth: Int) -> FuzzJSON {
        switch below(depth > 4 ? 5 : 8) {
        case 0: return .null
        case 1: return .bool(below(2) == 0)
        case 2: return .number(Self.numbers[below(Self.numbers.count)])
        case 3: return .string(Self.strings[below(Self.strings.count)])
        case 4: return .raw((0..<below(8)).map { _ in UInt8(truncatingIfNeeded: next()) })
        case 5: return .array((0..<below(4)).map { _ in randomValue(depth: depth + 1) })
        case 6:
            let keys = ["contact_id", "contact_name", "channels", "data", "contacts", "messages", "conversations", "x"]
            return .object((0..<below(4)).map { _ in (keys[below(keys.count)], randomValue(depth: depth + 1)) })
        default:
            var value = FuzzJSON.null
            for _ in 0..<below(40) { value = .array([value]) }
            return value
        }
    }

    /// One to three structural mutations somewhere in the tree.
    mutating func mutate(_ value: FuzzJSON) -> FuzzJSON {
        var result = value
        for _ in 0..<(1 + below(3)) { result = mutateOnce(result, depth: 0) }
        return result
    }

    private mutating func mutateOnce(_ value: FuzzJSON, depth: Int) -> FuzzJSON {
        let here = below(4) == 0 || depth > 8
        switch value {
        case .object(var pairs) where !pairs.isEmpty && !here:
            let i = below(pairs.count)
            switch below(6) {
            case 0: pairs.remove(at: i)
            case 1: pairs.append((pairs[i].0, randomValue(depth: depth)))
            default: pairs[i].1 = mutateOnce(pairs[i].1, depth: depth + 1)
            }
            return .object(pairs)
        case .array(var items) where !items.isEmpty && !here:
            let i = below(items.count)
            switch below(5) {
            case 0: items.remove(at: i)
            case 1: items.append(items[i])
            default: items[i] = mutateOnce(items[i], depth: depth + 1)
            }
            return .array(items)
        default:
            return randomValue(depth: depth)
        }
    }

    /// Byte-level damage: flips, insertions, deletions, truncation.
    mutating func mutateBytes(_ data: Data) -> Data {
        var bytes = [UInt8](data)
        for _ in 0..<(1 + below(4)) where !bytes.isEmpty {
            let i = below(bytes.count)
            switch below(4) {
            case 0: bytes[i] ^= UInt8(truncatingIfNeeded: 1 << below(8))
            case 1: bytes.insert(UInt8(truncatingIfNeeded: next()), at: i)
            case 2: bytes.remove(at: i)
            default: bytes.removeSubrange(i...)
            }
        }
        return Data(bytes)
    }
}
