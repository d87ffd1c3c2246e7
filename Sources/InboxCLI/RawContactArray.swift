/// Finds the entries of `data.data.contacts` in a `GET /get_contact_conversations` body
/// as the exact bytes the server sent, so that `list --format jsonl` can print each contact
/// as received (fields the client does not know included). A minimal JSON scanner: it
/// validates structure as far as it walks and never builds values.
public enum RawContactArray {
    /// The byte ranges of the array's entries, in order; nil when the body does not have
    /// the documented shape. A missing or `null` `contacts` gives an empty list.
    public static func entries(in body: [UInt8]) -> [Range<Int>]? {
        let scanner = Scanner(bytes: body)
        guard let outer = scanner.member(of: 0..<body.count, named: "data"),
              let inner = scanner.member(of: outer, named: "data")
        else { return nil }
        guard let contacts = scanner.member(of: inner, named: "contacts") else {
            return scanner.isObject(inner) ? [] : nil
        }
        if body[contacts.lowerBound] == UInt8(ascii: "n") { return [] }
        return scanner.elements(of: contacts)
    }

    /// The entry on one line: whitespace outside strings removed when it spans lines,
    /// otherwise the bytes unchanged.
    public static func singleLine(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        guard bytes.contains(where: { $0 == 0x0A || $0 == 0x0D }) else { return Array(bytes) }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var inString = false
        var escaped = false
        for byte in bytes {
            if inString {
                out.append(byte)
                if escaped { escaped = false } else if byte == 0x5C { escaped = true } else if byte == 0x22 { inString = false }
            } else if byte == 0x22 {
                inString = true
                out.append(byte)
            } else if byte != 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D {
                out.append(byte)
            }
        }
        return out
    }

    private struct Scanner {
        let bytes: [UInt8]

        func skipSpace(_ i: Int) -> Int {
            var i = i
            while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0A || bytes[i] == 0x0D { i += 1 }
            return i
        }

        func isObject(_ range: Range<Int>) -> Bool {
            let i = skipSpace(range.lowerBound)
            return i < range.upperBound && bytes[i] == UInt8(ascii: "{")
        }

        /// The range of the value under `name` in the object that `range` holds.
        func member(of range: Range<Int>, named name: String) -> Range<Int>? {
            var i = skipSpace(range.lowerBound)
            guard i < bytes.count, bytes[i] == UInt8(ascii: "{") else { return nil }
            i = skipSpace(i + 1)
            if i < bytes.count, bytes[i] == UInt8(ascii: "}") { return nil }
            let wanted = Array(name.utf8)
            while i < bytes.count {
                guard bytes[i] == 0x22, let keyEnd = stringEnd(from: i) else { return nil }
                let key = bytes[(i + 1)..<(keyEnd - 1)]
                i = skipSpace(keyEnd)
                guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { return nil }
                let start = skipSpace(i + 1)
                guard let end = valueEnd(from: start) else { return nil }
                if key.elementsEqual(wanted) { return start..<end }
                i = skipSpace(end)
                guard i < bytes.count else { return nil }
                if bytes[i] == UInt8(ascii: "}") { return nil }
                guard bytes[i] == UInt8(ascii: ",") else { return nil }
                i = skipSpace(i + 1)
            }
            return nil
        }

        /// The ranges of the elements of the array at `range`.
        func elements(of range: Range<Int>) -> [Range<Int>]? {
            var i = skipSpace(range.lowerBound)
            guard i < bytes.count, bytes[i] == UInt8(ascii: "[") else { return nil }
            i = skipSpace(i + 1)
            var out: [Range<Int>] = []
            if i < bytes.count, bytes[i] == UInt8(ascii: "]") { return out }
            while i < bytes.count {
                guard let end = valueEnd(from: i) else { return nil }
                out.append(i..<end)
                i = skipSpace(end)
                guard i < bytes.count else { return nil }
                if bytes[i] == UInt8(ascii: "]") { return out }
                guard bytes[i] == UInt8(ascii: ",") else { return nil }
                i = skipSpace(i + 1)
            }
            return nil
        }

        /// The index just past the value that starts at `i`.
        func valueEnd(from i: Int) -> Int? {
            guard i < bytes.count else { return nil }
            switch bytes[i] {
            case 0x22: return stringEnd(from: i)
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                var depth = 0
                var j = i
                while j < bytes.count {
                    switch bytes[j] {
                    case 0x22:
                        guard let end = stringEnd(from: j) else { return nil }
                        j = end
                        continue
                    case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
                    case UInt8(ascii: "}"), UInt8(ascii: "]"):
                        depth -= 1
                        if depth == 0 { return j + 1 }
                    default: break
                    }
                    j += 1
                }
                return nil
            default:
                // A number, true, false or null: up to the next delimiter.
                var j = i
                while j < bytes.count, ![UInt8(ascii: ","), UInt8(ascii: "}"), UInt8(ascii: "]"), 0x20, 0x09, 0x0A, 0x0D].contains(bytes[j]) {
                    j += 1
                }
                return j > i ? j : nil
            }
        }

        /// The index just past the closing quote of the string that starts at `i`.
        func stringEnd(from i: Int) -> Int? {
            var j = i + 1
            while j < bytes.count {
                if bytes[j] == 0x5C { j += 2; continue }
                if bytes[j] == 0x22 { return j + 1 }
                j += 1
            }
            return nil
        }
    }
}
