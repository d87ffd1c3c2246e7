import ChatzyAPI
import Foundation

/// Finds where a search matches a field, the way a person reads it: ignoring case and
/// accents ("sofia" matches "Sofía"); phone numbers also match on their digits alone.
enum MatchHighlight {
    /// Character offsets in `text` covered by a match of `query`; empty when none.
    static func offsets(of query: String, in text: String) -> Set<Int> {
        let needle = query.trimmingWhitespace
        guard !needle.isEmpty, !text.isEmpty else { return [] }
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
        if found.isEmpty { found = digitOffsets(of: needle, in: text) }
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
