/// A contact's id: a version-4-shaped UUID whose first group is a keyed, reversible
/// scramble of the contact's index. Ids look random, yet the server finds a contact from
/// its id without storing or indexing a single id (which matters at 1,000,000 contacts).
struct ContactID {
    let seed: UInt64

    /// The id of the contact at `index`.
    func id(for index: Int) -> String {
        var rng = SeededRandom(seed: seed, stream: UInt64(index), substream: 0x1D)
        let b = rng.next(), c = rng.next()
        let head = Self.scramble(UInt32(truncatingIfNeeded: index), key: key)
        return "\(Self.hex(UInt64(head), 8))-\(Self.hex(b >> 48, 4))-4\(Self.hex(b >> 36, 3))-"
            + "\(Self.hex(8 | (c >> 62), 1))\(Self.hex(c >> 48, 3))-\(Self.hex(c, 12))"
    }

    /// The index of the contact with this id, or nil when no contact of `count` has it.
    func index(of id: String, count: Int) -> Int? {
        guard id.utf8.count == 36, let head = UInt32(id.prefix(8), radix: 16) else { return nil }
        let index = Int(Self.unscramble(head, key: key))
        guard index < count, self.id(for: index) == id.lowercased() else { return nil }
        return index
    }

    private var key: UInt32 { UInt32(truncatingIfNeeded: SeededRandom.mix(seed ^ 0xC0FF_EE00)) }

    private static let m1: UInt32 = 0x9E37_79B1, m2: UInt32 = 0x85EB_CA6B

    static func scramble(_ value: UInt32, key: UInt32) -> UInt32 {
        var x = value ^ key
        x &*= m1
        x ^= x >> 15
        x &*= m2
        x ^= x >> 13
        return x
    }

    static func unscramble(_ value: UInt32, key: UInt32) -> UInt32 {
        var x = undoShift(value, 13)
        x &*= inverse(m2)
        x = undoShift(x, 15)
        x &*= inverse(m1)
        return x ^ key
    }

    /// Undoes `x ^= x >> shift`.
    private static func undoShift(_ value: UInt32, _ shift: UInt32) -> UInt32 {
        var x = value
        for _ in 0..<(32 / shift + 1) { x = value ^ (x >> shift) }
        return x
    }

    /// The multiplicative inverse of an odd number modulo 2^32 (Newton's iteration).
    private static func inverse(_ odd: UInt32) -> UInt32 {
        var inv = odd
        for _ in 0..<5 { inv &*= 2 &- odd &* inv }
        return inv
    }

    /// The low `digits` hex digits of `value`, zero-padded.
    static func hex(_ value: UInt64, _ digits: Int) -> String {
        let masked = digits >= 16 ? value : value & ((1 << (4 * UInt64(digits))) - 1)
        let text = String(masked, radix: 16)
        return String(repeating: "0", count: digits - text.utf8.count) + text
    }
}
