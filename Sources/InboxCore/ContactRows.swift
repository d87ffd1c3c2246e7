import ChatzyAPI
import Foundation

/// The loaded contacts of one list, unique by id, in server order, stored compactly.
///
/// An inbox holds up to hundreds of thousands of contacts, and a `Contact` costs about 400
/// bytes once its strings have their own heap objects. Here every contact is one run of
/// bytes in a shared text arena (`PackedContact`) plus a fixed-size record, and an index
/// from the hash of each id to its row keeps appends de-duplicated. Reading a row builds a
/// `Contact` again; the screen reads only the rows it shows.
public struct ContactRows: RandomAccessCollection, Equatable, Sendable, ExpressibleByArrayLiteral {
    private var arena: [UInt8] = []
    private var records: [PackedContact.Record] = []
    /// Hash of an id's bytes → the row holding it.
    private var index: [Int: Int32] = [:]
    /// Ids whose hash was already taken by another id (rare), by their bytes, with their rows.
    private var collisions: [[UInt8]: Int32] = [:]
    /// Bits of the hash the index keys on; tests narrow it to make every id collide.
    var hashMask = -1

    public init() {}

    /// The contacts in order; a repeated id keeps its first appearance.
    public init(_ contacts: some Sequence<Contact>) {
        for contact in contacts { append(contact) }
    }

    public init(arrayLiteral contacts: Contact...) {
        self.init(contacts)
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { records.count }

    /// The contact at `position`. Setting a row writes it anew at the end of the arena (the
    /// old bytes stay: only tests and rare edits set rows); an id that another row holds is a
    /// programming error.
    public subscript(position: Int) -> Contact {
        get { PackedContact.contact(records[position], in: arena) }
        set {
            let old = records[position]
            records[position] = PackedContact.append(newValue, to: &arena)
            if PackedContact.id(old, in: arena) != PackedContact.id(records[position], in: arena) { rebuildIndex() }
        }
    }

    /// The id of the row at `position`, without building the whole contact.
    public func id(at position: Int) -> String {
        String(decoding: PackedContact.id(records[position], in: arena), as: UTF8.self)
    }

    /// Everything the row at `position` holds, copied out as bytes: equal fingerprints mean
    /// equal contacts, byte for byte. Far cheaper than building the `Contact`, so a screen can
    /// tell which of its rows changed before laying any of them out.
    public func fingerprint(at position: Int) -> Fingerprint {
        let record = records[position]
        return Fingerprint(bytes: Array(arena[record.start..<(record.start + Int(record.length))]),
                           unread: record.unread, time: record.time, flags: record.flags)
    }

    /// A row's contact as bytes (see `fingerprint(at:)`).
    public struct Fingerprint: Hashable, Sendable {
        let bytes: [UInt8]
        let unread: Int
        let time: Double
        let flags: UInt8

        /// The bytes go to the hasher in one piece: the synthesized hash fed it one at a time.
        public func hash(into hasher: inout Hasher) {
            bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
            hasher.combine(unread)
            hasher.combine(time)
            hasher.combine(flags)
        }

        public static func == (a: Fingerprint, b: Fingerprint) -> Bool {
            a.unread == b.unread && a.time == b.time && a.flags == b.flags
                && a.bytes.count == b.bytes.count
                && a.bytes.withUnsafeBytes { x in b.bytes.withUnsafeBytes { y in x.isEmpty || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0 } }
        }
    }

    /// `fingerprint(at: position) == fingerprint`, without copying the row's bytes out: a
    /// screen asks this of every row it shows, every frame.
    public func fingerprint(at position: Int, equals fingerprint: Fingerprint) -> Bool {
        let record = records[position]
        guard record.unread == fingerprint.unread, record.time == fingerprint.time, record.flags == fingerprint.flags,
              Int(record.length) == fingerprint.bytes.count else { return false }
        return arena.withUnsafeBytes { row in
            fingerprint.bytes.withUnsafeBytes { bytes in
                bytes.isEmpty || memcmp(row.baseAddress! + record.start, bytes.baseAddress!, bytes.count) == 0
            }
        }
    }

    /// The latest message time of the row at `position`, without building the whole contact.
    public func latestMessageTime(at position: Int) -> Date? {
        let record = records[position]
        return record.flags & PackedContact.Record.hasTime != 0 ? Date(timeIntervalSinceReferenceDate: record.time) : nil
    }

    /// True when the row at `position` holds exactly `id` (byte for byte, as everywhere here:
    /// a server's ids are its bytes, so canonically equivalent spellings are different ids).
    public func hasID(_ id: String, at position: Int) -> Bool {
        PackedContact.id(records[position], in: arena).elementsEqual(id.utf8)
    }

    /// True when a row holds `id`.
    public func contains(id: String) -> Bool {
        firstIndex(ofID: id) != nil
    }

    /// The row holding `id`, found through the index.
    public func firstIndex(ofID id: String) -> Int? {
        var id = id
        return id.withUTF8 { lookUp($0, key: indexKey(for: $0)) }.map(Int.init)
    }

    /// Appends `contact` unless its id is already here; true when it was appended.
    @discardableResult
    public mutating func append(_ contact: Contact) -> Bool {
        var id = contact.id
        let key = id.withUTF8 { indexKey(for: $0) }
        if id.withUTF8({ lookUp($0, key: key) }) != nil { return false }
        records.append(PackedContact.append(contact, to: &arena))
        index(row: records.count - 1, key: key)
        return true
    }

    /// Appends the rows of `other` whose ids are not here yet, copying their bytes as they are.
    public mutating func append(contentsOf other: ContactRows) {
        for record in other.records {
            let (key, present) = PackedContact.id(record, in: other.arena).withUnsafeBufferPointer { id in
                let key = indexKey(for: id)
                return (key, lookUp(id, key: key) != nil)
            }
            if present { continue }
            records.append(PackedContact.copy(record, from: other.arena, to: &arena))
            index(row: records.count - 1, key: key)
        }
    }

    /// Equal when every row holds the same bytes and values (stricter than `Contact`'s `==`,
    /// which treats canonically equivalent strings as equal).
    public static func == (a: ContactRows, b: ContactRows) -> Bool {
        guard a.count == b.count else { return false }
        return zip(a.records, b.records).allSatisfy { PackedContact.same($0, in: a.arena, as: $1, in: b.arena) }
    }

    // MARK: The id index

    private func indexKey(for id: UnsafeBufferPointer<UInt8>) -> Int {
        Self.hash(id) & hashMask
    }

    /// Ids are compared byte for byte, in the index and among the collisions alike.
    private func lookUp(_ id: UnsafeBufferPointer<UInt8>, key: Int) -> Int32? {
        if let row = index[key], PackedContact.id(records[Int(row)], in: arena).elementsEqual(id) { return row }
        return collisions.isEmpty ? nil : collisions[Array(id)]
    }

    /// Records that `row` holds the id whose key is `key`.
    private mutating func index(row: Int, key: Int) {
        if index[key] == nil {
            index[key] = Int32(row)
        } else {
            collisions[Array(PackedContact.id(records[row], in: arena))] = Int32(row)
        }
    }

    private mutating func rebuildIndex() {
        index = [:]
        collisions = [:]
        for row in records.indices {
            index(row: row, key: PackedContact.id(records[row], in: arena).withUnsafeBufferPointer { indexKey(for: $0) })
        }
    }

    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var hasher = Hasher()
        hasher.combine(bytes: UnsafeRawBufferPointer(bytes))
        return hasher.finalize()
    }
}
