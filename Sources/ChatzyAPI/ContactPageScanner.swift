import Foundation

/// The fast path of `ContactDecoding`: reads the common contacts page byte by byte, about
/// four times cheaper than `JSONDecoder` with the lenient containers (those cost about
/// 65,000 instructions a contact, between every search answer and its paint).
///
/// It reads only what it can read exactly as the lenient decoder does: fields that are
/// strings, integers or null; channels as such values or an array of them; objects without
/// repeated keys; every other key skipped. Anything else (a fraction, a boolean or an object
/// where a field is, an entry that is not an object, invalid UTF-8, malformed JSON) makes it
/// give up with nil, and `ContactDecoding` decodes the body the slow way, errors included.
enum ContactPageScanner {
    /// The page, or nil when the slow path must decide.
    static func page(from body: Data) -> ContactPage? {
        body.withUnsafeBytes { raw -> ContactPage? in
            var scanner = Scanner(bytes: raw.bindMemory(to: UInt8.self))
            guard let page = scanner.envelope() else { return nil }
            scanner.skipSpace()
            return scanner.atEnd ? page : nil
        }
    }

    /// One contact's fields as they were on the wire: text (a string, or an integer's
    /// digits) or nil, and the time when it came as an integer.
    private struct Fields {
        var id, name, phone, email, status, agent, unread, time: String?
        var timeNumber: Int64?
        var channels: [String] = []
    }

    private enum Value {
        case text(String)
        case integer(Int64)
        case null
    }

    private struct Scanner {
        let bytes: UnsafeBufferPointer<UInt8>
        var at = 0

        var atEnd: Bool { at >= bytes.count }

        mutating func skipSpace() {
            while at < bytes.count, bytes[at] == 0x20 || bytes[at] == 0x0A || bytes[at] == 0x0D || bytes[at] == 0x09 {
                at += 1
            }
        }

        mutating func take(_ byte: UInt8) -> Bool {
            skipSpace()
            guard at < bytes.count, bytes[at] == byte else { return false }
            at += 1
            return true
        }

        /// `{"data": {"data": {"contacts": [...]}}}`, other keys skipped (a repeated key
        /// already stops `object`).
        mutating func envelope() -> ContactPage? {
            var page: ContactPage?
            guard object({ scanner, key in
                guard scanner.key(key, is: "data") else { return scanner.skipValue() }
                var inner: ContactPage?
                guard scanner.object({ scanner, key in
                    guard scanner.key(key, is: "data") else { return scanner.skipValue() }
                    var contacts: ContactPage?
                    guard scanner.object({ scanner, key in
                        guard scanner.key(key, is: "contacts") else { return scanner.skipValue() }
                        contacts = scanner.contacts()
                        return contacts != nil
                    }) else { return false }
                    inner = contacts ?? ContactPage(contacts: [])
                    return true
                }) else { return false }
                page = inner
                return page != nil
            }) else { return nil }
            return page
        }

        /// An object: calls `member` with each key's bytes, positioned at its value; false
        /// stops. A key with an escape in it stops too (no page has one), and so does a key
        /// seen before in the object (`JSONDecoder` rejects such an object).
        mutating func object(_ member: (inout Scanner, Range<Int>) -> Bool) -> Bool {
            guard take(UInt8(ascii: "{")) else { return false }
            if take(UInt8(ascii: "}")) { return true }
            var keys: [Range<Int>] = []
            keys.reserveCapacity(16)
            repeat {
                skipSpace()
                guard let key = key(), take(UInt8(ascii: ":")) else { return false }
                for earlier in keys where same(earlier, key) { return false }
                keys.append(key)
                skipSpace()
                guard member(&self, key) else { return false }
            } while take(UInt8(ascii: ","))
            return take(UInt8(ascii: "}"))
        }

        /// A key's bytes between its quotes; nil when it holds an escape, a control byte or
        /// invalid UTF-8.
        mutating func key() -> Range<Int>? {
            guard at < bytes.count, bytes[at] == UInt8(ascii: "\"") else { return nil }
            var i = at + 1
            var ascii = true
            while i < bytes.count, bytes[i] != UInt8(ascii: "\""), bytes[i] != UInt8(ascii: "\\"), bytes[i] >= 0x20 {
                ascii = ascii && bytes[i] < 0x80
                i += 1
            }
            guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else { return nil }
            guard ascii || Self.text(UnsafeBufferPointer(rebasing: bytes[(at + 1)..<i])) != nil else { return nil }
            defer { at = i + 1 }
            return (at + 1)..<i
        }

        func key(_ range: Range<Int>, is name: StaticString) -> Bool {
            range.count == name.utf8CodeUnitCount
                && memcmp(bytes.baseAddress! + range.lowerBound, name.utf8Start, range.count) == 0
        }

        func same(_ a: Range<Int>, _ b: Range<Int>) -> Bool {
            a.count == b.count && memcmp(bytes.baseAddress! + a.lowerBound, bytes.baseAddress! + b.lowerBound, a.count) == 0
        }

        /// Which of the contact's fields a key names, or nil: 0 `contact_id`, 1 `contact_name`,
        /// 2 `phone_number`, 3 `email`, 4 `conversation_status`, 5 `assigned_to`,
        /// 6 `unread_message_count`, 7 `latest_message_time`, 8 `channels`.
        func field(_ range: Range<Int>) -> Int? {
            switch range.count {
            case 10: return key(range, is: "contact_id") ? 0 : nil
            case 12: return key(range, is: "contact_name") ? 1 : key(range, is: "phone_number") ? 2 : nil
            case 5: return key(range, is: "email") ? 3 : nil
            case 19: return key(range, is: "conversation_status") ? 4 : key(range, is: "latest_message_time") ? 7 : nil
            case 11: return key(range, is: "assigned_to") ? 5 : nil
            case 20: return key(range, is: "unread_message_count") ? 6 : nil
            case 8: return key(range, is: "channels") ? 8 : nil
            default: return nil
            }
        }

        /// `null` (no contacts) or an array of contact objects.
        mutating func contacts() -> ContactPage? {
            skipSpace()
            if literal("null") { return ContactPage(contacts: []) }
            guard take(UInt8(ascii: "[")) else { return nil }
            var contacts: [Contact] = []
            var skipped = 0
            if take(UInt8(ascii: "]")) { return ContactPage(contacts: contacts) }
            repeat {
                guard let fields = contact() else { return nil }
                if let contact = Self.contact(fields) { contacts.append(contact) } else { skipped += 1 }
            } while take(UInt8(ascii: ","))
            guard take(UInt8(ascii: "]")) else { return nil }
            ValueInterner.shared.intern(&contacts)
            return ContactPage(contacts: contacts, skipped: skipped)
        }

        mutating func contact() -> Fields? {
            var fields = Fields()
            let ok = object { scanner, key in
                guard let field = scanner.field(key) else { return scanner.skipValue() }
                switch field {
                case 0: return scanner.text(into: &fields.id)
                case 1: return scanner.text(into: &fields.name)
                case 2: return scanner.text(into: &fields.phone)
                case 3: return scanner.text(into: &fields.email)
                case 4: return scanner.text(into: &fields.status)
                case 5: return scanner.text(into: &fields.agent)
                case 6: return scanner.text(into: &fields.unread)
                case 7:
                    switch scanner.scalar() {
                    case .text(let text): fields.time = text
                    case .integer(let n): fields.timeNumber = n
                    case .null: break
                    case nil: return false
                    }
                    return true
                default: return scanner.channels(into: &fields.channels)
                }
            }
            return ok ? fields : nil
        }

        /// A field read as the lenient decoder's `lenientString` reads it.
        mutating func text(into field: inout String?) -> Bool {
            switch scalar() {
            case .text(let text): field = text
            case .integer(let n): field = String(n)
            case .null: field = nil
            case nil: return false
            }
            return true
        }

        /// `lenientStrings`: an array keeps its strings and integers (non-empty); a lone
        /// string or integer is one entry; null is none.
        mutating func channels(into list: inout [String]) -> Bool {
            skipSpace()
            if at < bytes.count, bytes[at] == UInt8(ascii: "[") {
                at += 1
                if take(UInt8(ascii: "]")) { return true }
                repeat {
                    switch scalar() {
                    case .text(let text): if !text.isEmpty { list.append(text) }
                    case .integer(let n): list.append(String(n))
                    case .null, nil: return false
                    }
                } while take(UInt8(ascii: ","))
                return take(UInt8(ascii: "]"))
            }
            var one: String?
            guard text(into: &one) else { return false }
            if let one, !one.isEmpty { list = [one] }
            return true
        }

        /// A string, an integer that fits 15 digits, or null; nil for anything else.
        mutating func scalar() -> Value? {
            skipSpace()
            guard at < bytes.count else { return nil }
            switch bytes[at] {
            case UInt8(ascii: "\""): return string().map(Value.text)
            case UInt8(ascii: "n"): return literal("null") ? .null : nil
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return integer().map(Value.integer)
            default: return nil
            }
        }

        mutating func literal(_ word: StaticString) -> Bool {
            let count = word.utf8CodeUnitCount
            guard at + count <= bytes.count else { return false }
            for i in 0..<count where bytes[at + i] != word.utf8Start[i] { return false }
            at += count
            return true
        }

        /// JSON's integer form only (`-?(0|[1-9][0-9]*)`), up to 15 digits; a fraction or an
        /// exponent gives nil.
        mutating func integer() -> Int64? {
            var i = at
            let negative = bytes[i] == UInt8(ascii: "-")
            if negative { i += 1 }
            let first = i
            var value: Int64 = 0
            while i < bytes.count, bytes[i] >= UInt8(ascii: "0"), bytes[i] <= UInt8(ascii: "9") {
                value = value * 10 + Int64(bytes[i] - UInt8(ascii: "0"))
                i += 1
                if i - first > 15 { return nil }
            }
            guard i > first, !(bytes[first] == UInt8(ascii: "0") && i - first > 1) else { return nil }
            if i < bytes.count, bytes[i] == UInt8(ascii: ".") || bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
                return nil
            }
            at = i
            return negative ? -value : value
        }

        /// A string, its escapes decoded; nil for invalid UTF-8, a raw control character or
        /// an escape that is not JSON's (a lone surrogate included).
        mutating func string() -> String? {
            guard at < bytes.count, bytes[at] == UInt8(ascii: "\"") else { return nil }
            var i = at + 1
            let start = i
            while i < bytes.count, bytes[i] != UInt8(ascii: "\""), bytes[i] != UInt8(ascii: "\\"), bytes[i] >= 0x20 { i += 1 }
            guard i < bytes.count else { return nil }
            if bytes[i] == UInt8(ascii: "\"") {
                guard let text = Self.text(UnsafeBufferPointer(rebasing: bytes[start..<i])) else { return nil }
                at = i + 1
                return text
            }
            var out = Array(bytes[start..<i])
            while i < bytes.count {
                let byte = bytes[i]
                if byte == UInt8(ascii: "\"") {
                    guard let text = out.withUnsafeBufferPointer({ Self.text($0) }) else { return nil }
                    at = i + 1
                    return text
                }
                guard byte >= 0x20 else { return nil }
                guard byte == UInt8(ascii: "\\") else { out.append(byte); i += 1; continue }
                guard i + 1 < bytes.count else { return nil }
                i += 2
                switch bytes[i - 1] {
                case UInt8(ascii: "\""): out.append(0x22)
                case UInt8(ascii: "\\"): out.append(0x5C)
                case UInt8(ascii: "/"): out.append(0x2F)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "u"):
                    guard let unit = hex4(at: i) else { return nil }
                    i += 4
                    var value = UInt32(unit)
                    if (0xD800..<0xDC00).contains(unit) {
                        guard i + 6 <= bytes.count, bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u"),
                              let low = hex4(at: i + 2), (0xDC00..<0xE000).contains(low) else { return nil }
                        i += 6
                        value = 0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(low) - 0xDC00)
                    } else if (0xDC00..<0xE000).contains(unit) {
                        return nil
                    }
                    guard let scalar = Unicode.Scalar(value) else { return nil }
                    out.append(contentsOf: String(Character(scalar)).utf8)
                default: return nil
                }
            }
            return nil
        }

        /// The bytes as a string, or nil when they are not valid UTF-8. (Decoding repairs
        /// invalid bytes, so a string whose bytes differ from the input was invalid; the
        /// standard library's `String(validating:)` costs several times as much.)
        static func text(_ utf8: UnsafeBufferPointer<UInt8>) -> String? {
            let text = String(decoding: utf8, as: UTF8.self)
            if utf8.allSatisfy({ $0 < 0x80 }) { return text }
            return text.utf8.elementsEqual(utf8) ? text : nil
        }

        func hex4(at i: Int) -> UInt16? {
            guard i + 4 <= bytes.count else { return nil }
            var value: UInt16 = 0
            for k in 0..<4 {
                let c = bytes[i + k]
                let digit: UInt8
                switch c {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = c - UInt8(ascii: "0")
                case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = c - UInt8(ascii: "a") + 10
                case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = c - UInt8(ascii: "A") + 10
                default: return nil
                }
                value = value << 4 | UInt16(digit)
            }
            return value
        }

        /// Skips one value of any kind (a key the page does not use), nested up to 64 deep.
        mutating func skipValue(depth: Int = 0) -> Bool {
            guard depth < 64 else { return false }
            skipSpace()
            guard at < bytes.count else { return false }
            switch bytes[at] {
            case UInt8(ascii: "{"):
                return object { scanner, _ in scanner.skipValue(depth: depth + 1) }
            case UInt8(ascii: "["):
                at += 1
                if take(UInt8(ascii: "]")) { return true }
                repeat { guard skipValue(depth: depth + 1) else { return false } } while take(UInt8(ascii: ","))
                return take(UInt8(ascii: "]"))
            case UInt8(ascii: "\""): return string() != nil
            case UInt8(ascii: "t"): return literal("true")
            case UInt8(ascii: "f"): return literal("false")
            case UInt8(ascii: "n"): return literal("null")
            default: return number()
            }
        }

        /// Any JSON number (only skipped, never read).
        mutating func number() -> Bool {
            var i = at
            if i < bytes.count, bytes[i] == UInt8(ascii: "-") { i += 1 }
            let digits = i
            while i < bytes.count, bytes[i] >= UInt8(ascii: "0"), bytes[i] <= UInt8(ascii: "9") { i += 1 }
            guard i > digits, !(bytes[digits] == UInt8(ascii: "0") && i - digits > 1) else { return false }
            if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
                i += 1
                let fraction = i
                while i < bytes.count, bytes[i] >= UInt8(ascii: "0"), bytes[i] <= UInt8(ascii: "9") { i += 1 }
                guard i > fraction else { return false }
            }
            if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
                i += 1
                if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
                let exponent = i
                while i < bytes.count, bytes[i] >= UInt8(ascii: "0"), bytes[i] <= UInt8(ascii: "9") { i += 1 }
                guard i > exponent else { return false }
            }
            at = i
            return true
        }

        /// The contact the lenient decoder makes of these fields, or nil (skipped) without an id.
        static func contact(_ f: Fields) -> Contact? {
            guard let id = f.id, !id.isEmpty else { return nil }
            let time: Date?
            if let n = f.timeNumber {
                time = Contact.epochDate(Double(n))
            } else if let text = f.time {
                time = Contact.lenientDate(text)
            } else {
                time = nil
            }
            return Contact(id: id, name: f.name, phoneNumber: f.phone, email: f.email, conversationStatus: f.status,
                           assignedTo: f.agent, unreadCount: UnreadCount(wire: f.unread), latestMessageTime: time,
                           channels: f.channels)
        }
    }
}
