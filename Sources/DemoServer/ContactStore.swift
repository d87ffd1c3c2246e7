import Foundation
import GRDB

/// The demo contacts in SQLite (GRDB): seeded once, searched and paged per request.
final class ContactStore: Sendable {
    private let db: DatabaseQueue

    init(contacts: [DemoContact]) throws {
        db = try DatabaseQueue()
        try db.write { db in
            try db.execute(sql: """
                CREATE TABLE contact (
                    rowid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, name TEXT, phone TEXT, email TEXT,
                    status TEXT, assigned_to TEXT, unread INTEGER, latest INTEGER, channels TEXT,
                    iframe_id TEXT, haystack TEXT)
                """)
            let insert = try db.makeStatement(sql: """
                INSERT INTO contact (id, name, phone, email, status, assigned_to, unread, latest, channels, iframe_id, haystack)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            for c in contacts {
                try insert.execute(arguments: [c.id, c.name, c.phone, c.email, c.status, c.assignedTo, c.unread,
                                               c.latest, c.channels.joined(separator: ","), c.iframeID, c.searchText])
            }
            try db.execute(sql: "CREATE INDEX contact_latest ON contact(latest DESC)")
        }
    }

    /// One page, newest activity first, for a filter and a case-insensitive substring search.
    func page(filter: String, search: String, limit: Int, offset: Int) throws -> [DemoContact] {
        var conditions: [String] = []
        var arguments: StatementArguments = []
        switch filter {
        case "unread": conditions.append("unread > 0")
        case "live": conditions.append("status = 'live'")
        default: break
        }
        if !search.isEmpty {
            conditions.append("instr(haystack, ?) > 0")
            _ = arguments.append(contentsOf: [search.lowercased()])
        }
        let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        _ = arguments.append(contentsOf: [limit, offset])
        return try db.read { db in
            try Row.fetchAll(db, sql: """
                SELECT id, name, phone, email, status, assigned_to, unread, latest, channels, iframe_id
                FROM contact \(whereClause) ORDER BY latest DESC, rowid LIMIT ? OFFSET ?
                """, arguments: arguments).map { row in
                let channels: String = row["channels"]
                return DemoContact(
                    id: row["id"], name: row["name"], phone: row["phone"], email: row["email"],
                    status: row["status"], assignedTo: row["assigned_to"], unread: row["unread"],
                    latest: row["latest"], channels: channels.isEmpty ? [] : channels.split(separator: ",").map(String.init),
                    iframeID: row["iframe_id"]
                )
            }
        }
    }
}
