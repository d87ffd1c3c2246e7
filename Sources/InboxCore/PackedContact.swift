import ChatzyAPI
import Foundation

/// The byte format of one contact inside a `ContactRows` arena.
///
/// The strings go into the arena one after another, each behind its length as a LEB128
/// number: the id, then name, phone, email, status, agent and an unreadable unread text as
/// optional strings (length + 1, or 0 for none), then the channel count and the channels.
/// The unread count and the time stay in the fixed-size `Record`.
enum PackedContact {
    /// Where a contact's bytes are, and its fields that are not text.
    struct Record: Sendable {
        var start: Int
        var unread: Int
        var time: Double
        var length: UInt32
        var flags: UInt8

        static let hasTime: UInt8 = 1
        static let unreadCount: UInt8 = 2
        static let unreadText: UInt8 = 4
    }

    /// Writes `contact` at the end of `arena`.
    static func append(_ contact: Contact, to arena: inout [UInt8]) -> Record {
        let start = arena.count
        var record = Record(start: start, unread: 0, time: 0, length: 0, flags: 0)
        var unreadText: String?
        switch contact.unreadCount {
        case .count(let n): record.unread = n; record.flags |= Record.unreadCount
        case .unreadable(let text): unreadText = text; record.flags |= Record.unreadText
        case .missing: break
        }
        if let time = contact.latestMessageTime {
            record.time = time.timeIntervalSinceReferenceDate
            record.flags |= Record.hasTime
        }
        write(contact.id, to: &arena)
        for field in [contact.name, contact.phoneNumber, contact.email, contact.conversationStatus,
                      contact.assignedTo, unreadText] {
            if let field {
                writeNumber(field.utf8.count + 1, to: &arena)
                appendUTF8(field, to: &arena)
            } else {
                writeNumber(0, to: &arena)
            }
        }
        writeNumber(contact.channels.count, to: &arena)
        for channel in contact.channels { write(channel, to: &arena) }
        record.length = UInt32(arena.count - start)
        return record
    }

    /// The contact `record` describes.
    static func contact(_ record: Record, in arena: [UInt8]) -> Contact {
        arena.withUnsafeBufferPointer { bytes in
            var reader = Reader(bytes: bytes, at: record.start)
            let id = reader.string()
            let name = reader.optionalString(), phone = reader.optionalString(), email = reader.optionalString()
            let status = reader.optionalString(), agent = reader.optionalString(), text = reader.optionalString()
            var channels: [String] = []
            let count = reader.number()
            channels.reserveCapacity(count)
            for _ in 0..<count { channels.append(reader.string()) }
            let unread: UnreadCount
            if record.flags & Record.unreadCount != 0 {
                unread = .count(record.unread)
            } else if record.flags & Record.unreadText != 0, let text {
                unread = .unreadable(text)
            } else {
                unread = .missing
            }
            let time = record.flags & Record.hasTime != 0 ? Date(timeIntervalSinceReferenceDate: record.time) : nil
            return Contact(id: id, name: name, phoneNumber: phone, email: email, conversationStatus: status,
                           assignedTo: agent, unreadCount: unread, latestMessageTime: time, channels: channels)
        }
    }

    /// The UTF-8 bytes of the id of `record`.
    static func id(_ record: Record, in arena: [UInt8]) -> ArraySlice<UInt8> {
        arena.withUnsafeBufferPointer { bytes in
            var reader = Reader(bytes: bytes, at: record.start)
            let length = reader.number()
            return arena[reader.offset..<(reader.offset + length)]
        }
    }

    /// Copies the bytes of `record` from one arena to the end of another.
    static func copy(_ record: Record, from source: [UInt8], to arena: inout [UInt8]) -> Record {
        var copied = record
        copied.start = arena.count
        arena.append(contentsOf: source[record.start..<(record.start + Int(record.length))])
        return copied
    }

    /// True when two records hold the same contact.
    static func same(_ a: Record, in arenaA: [UInt8], as b: Record, in arenaB: [UInt8]) -> Bool {
        a.flags == b.flags && a.unread == b.unread && a.time == b.time && a.length == b.length
            && arenaA[a.start..<(a.start + Int(a.length))].elementsEqual(arenaB[b.start..<(b.start + Int(b.length))])
    }

    private static func write(_ text: String, to arena: inout [UInt8]) {
        writeNumber(text.utf8.count, to: &arena)
        appendUTF8(text, to: &arena)
    }

    private static func appendUTF8(_ text: String, to arena: inout [UInt8]) {
        var text = text
        text.withUTF8 { arena.append(contentsOf: $0) }
    }

    /// LEB128: seven bits per byte, the high bit set on every byte but the last.
    private static func writeNumber(_ value: Int, to arena: inout [UInt8]) {
        var rest = UInt(value)
        while rest >= 0x80 {
            arena.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        arena.append(UInt8(rest))
    }

    /// Reads the fields back in the order they were written.
    private struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        var offset: Int

        init(bytes: UnsafeBufferPointer<UInt8>, at offset: Int) {
            self.bytes = bytes
            self.offset = offset
        }

        mutating func number() -> Int {
            var value: UInt = 0, shift: UInt = 0
            while true {
                let byte = bytes[offset]
                offset += 1
                value |= UInt(byte & 0x7F) << shift
                if byte < 0x80 { return Int(value) }
                shift += 7
            }
        }

        mutating func string() -> String {
            text(length: number())
        }

        mutating func optionalString() -> String? {
            let marker = number()
            return marker == 0 ? nil : text(length: marker - 1)
        }

        private mutating func text(length: Int) -> String {
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[offset..<(offset + length)]), as: UTF8.self)
            offset += length
            return text
        }
    }
}
