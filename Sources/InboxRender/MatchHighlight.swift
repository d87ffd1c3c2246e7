import ChatzyAPI
import Foundation

/// Finds where a search matches a field, the way a person reads it: ignoring case and
/// accents ("sofia" matches "Sofía"); phone numbers also match on their digits alone.
enum MatchHighlight {
    /// Character offsets in `text` covered by a match of `query`; empty when none.
    static func offsets(of query: String, in text: String) -> Set<Int> {
        let needle = query.trimmingWhitespace
        guard !needle.isEmpty, !text.isEmpty else { return [] }
        let found = asciiOffsets(of: needle, in: text) ?? foundationOffsets(of: needle, in: text)
        return found.isEmpty ? digitOffsets(of: needle, in: text) : found
    }

    /// The matches as Foundation finds them, ignoring case and accents.
    static func foundationOffsets(of needle: String, in text: String) -> Set<Int> {
        var found: Set<Int> = []
        var searchStart = text.startIndex
        let options: String.CompareOptions = [.caseInsensitive, .diacriticInsensitive]
        while searchStart < text.endIndex,
              let range = text.range(of: needle, options: options, range: searchStart..<text.endIndex) {
            let lower = text.distance(from: text.startIndex, to: range.lowerBound)
            let upper = text.distance(from: text.startIndex, to: range.upperBound)
            found.formUnion(lower..<max(upper, lower + 1))
            searchStart = range.upperBound > range.lowerBound ? range.upperBound : text.index(after: range.lowerBound)
        }
        return found
    }

    /// The same search when both texts are ASCII (emails, phone numbers, many names): a
    /// byte comparison folding case, where ignoring accents has nothing to do and a
    /// character offset is a byte offset. Foundation's `range(of:options:)` costs about
    /// 20,000 instructions a field. Nil when either text is not ASCII.
    static func asciiOffsets(of needle: String, in text: String) -> Set<Int>? {
        let n = Array(needle.utf8), t = Array(text.utf8)
        guard n.allSatisfy({ $0 < 0x80 }), t.allSatisfy({ $0 < 0x80 }) else { return nil }
        func fold(_ byte: UInt8) -> UInt8 { byte >= 65 && byte <= 90 ? byte + 32 : byte }
        var found: Set<Int> = []
        var start = 0
        while start + n.count <= t.count {
            var matches = true
            for k in 0..<n.count where fold(t[start + k]) != fold(n[k]) {
                matches = false
                break
            }
            if matches {
                found.formUnion(start..<(start + n.count))
                start += n.count
            } else {
                start += 1
            }
        }
        return found
    }

    /// "5551234" (or "555 1234") matches "+1 (555) 123-4567" on the digits.
    private static func digitOffsets(of query: String, in text: String) -> Set<Int> {
        let wanted = query.filter(\.isASCII).filter(\.isNumber)
        guard wanted.count >= 3, wanted.count == query.filter({ !$0.isWhitespace && $0 != "-" && $0 != "+" }).count
        else { return [] }
        let digits = text.enumerated().filter { $0.element.isASCII && $0.element.isNumber }
        let string = String(digits.map(\.element))
        guard let range = string.range(of: wanted) else { return [] }
        let start = string.distance(from: string.startIndex, to: range.lowerBound)
        let matched = digits[start..<(start + wanted.count)].map(\.offset)
        guard let first = matched.first, let last = matched.last else { return [] }
        return Set(first...last)
    }
}
