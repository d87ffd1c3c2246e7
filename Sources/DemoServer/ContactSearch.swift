import Foundation
import GRDB

/// Turns a search into SQL: a case-insensitive substring of name, email, phone or iframe
/// id, combined with a filter, newest first, paged.
///
/// Queries of 3 characters or more use the FTS5 trigram index (`detail=none`, the
/// smallest and fastest to build): every trigram of the query must be in the row, then
/// `instr` confirms the substring. Shorter queries cannot use trigrams; they walk the
/// list newest first and stop as soon as the page is full, which is quick because a 1-2
/// character query matches most rows.
struct ContactSearch {
    static let columns = "c.rank, c.idx, c.unread, c.status, c.latest, c.added"

    var filter: ContactFilter
    /// As typed; folded with `lowercased()`, exactly as the stored text was.
    var query: String
    var limit: Int
    var offset: Int

    /// The statement and its arguments for this page.
    func sql() -> (String, StatementArguments) {
        let needle = query.lowercased()
        var conditions: [String] = []
        var arguments: StatementArguments = []
        var from = "contact c"
        var order = "c.rank"
        if let match = Self.trigramMatch(needle) {
            from = "contact_search s JOIN contact c ON c.rank = s.rowid"
            order = "s.rowid"
            conditions.append("contact_search MATCH ?")
            _ = arguments.append(contentsOf: [match])
        }
        if !needle.isEmpty {
            conditions.append("instr(c.haystack, ?) > 0")
            _ = arguments.append(contentsOf: [needle])
        }
        if let condition = filter.condition { conditions.append(condition) }
        let whereClause = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
        _ = arguments.append(contentsOf: [limit, offset])
        return ("SELECT \(Self.columns) FROM \(from)\(whereClause) ORDER BY \(order) LIMIT ? OFFSET ?", arguments)
    }

    /// An FTS5 query requiring the query's trigrams (at most 6, spread over the query),
    /// or nil when the query is shorter than 3 characters.
    static func trigramMatch(_ needle: String) -> String? {
        let scalars = Array(needle.unicodeScalars)
        guard scalars.count >= 3 else { return nil }
        var trigrams: [String] = []
        for start in 0...(scalars.count - 3) {
            var trigram = String.UnicodeScalarView()
            trigram.append(contentsOf: scalars[start..<(start + 3)])
            let text = String(trigram)
            if !trigrams.contains(text) { trigrams.append(text) }
        }
        let picked = trigrams.count <= 6 ? trigrams
            : (0..<6).map { trigrams[$0 * (trigrams.count - 1) / 5] }
        return picked.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }.joined(separator: " AND ")
    }
}
