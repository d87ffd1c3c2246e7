import Foundation
import GRDB
import Synchronization

/// The demo contacts in SQLite (GRDB): seeded once, searched and paged per request,
/// moved by churn. Only what can change and what a search reads is stored (rank, index,
/// unread, status, latest, search text); names and the rest are regenerated from the
/// seed and the index when a page is served.
final class ContactStore: Sendable {
    private let db: DatabaseQueue
    let data: DemoData
    /// Where churn has moved contacts (index to rank); a contact not in it has rank = index.
    /// Read and written only inside database accesses, which the queue serialises.
    private let moved = Mutex<[Int: Int]>([:])

    /// Seeds `data` into memory, or into a fresh file at `path` (replacing what was there).
    init(data: DemoData, path: String? = nil) throws {
        self.data = data
        var configuration = Configuration()
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA journal_mode = MEMORY; PRAGMA synchronous = OFF; PRAGMA cache_size = -262144")
        }
        if let path {
            for suffix in ["", "-journal", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            db = try DatabaseQueue(path: path, configuration: configuration)
        } else {
            db = try DatabaseQueue(configuration: configuration)
        }
        try db.writeWithoutTransaction { db in
            try db.execute(sql: """
                CREATE TABLE meta (key TEXT PRIMARY KEY, value);
                CREATE TABLE contact (
                    rank INTEGER PRIMARY KEY, idx INTEGER NOT NULL, unread INTEGER NOT NULL, status TEXT NOT NULL,
                    latest INTEGER NOT NULL, added INTEGER NOT NULL DEFAULT 0, haystack TEXT NOT NULL);
                CREATE VIRTUAL TABLE contact_search USING fts5(
                    haystack, content='contact', content_rowid='rank',
                    tokenize='trigram case_sensitive 1', detail='none');
                INSERT INTO contact_search(contact_search, rank) VALUES('hashsize', 268435456);
                """)
            try db.inTransaction {
                try Self.insert(data, into: db)
                return .commit
            }
            try db.execute(sql: "INSERT INTO contact_search(contact_search) VALUES('rebuild')")
        }
    }

    private static func insert(_ data: DemoData, into db: Database) throws {
        let meta = try db.makeStatement(sql: "INSERT INTO meta (key, value) VALUES (?, ?)")
        for (key, value) in [("seed", String(data.seed)), ("contacts", String(data.count)),
                             ("now", String(data.now)), ("hostile", String(data.hostile))] {
            try meta.execute(arguments: [key, value])
        }
        let insert = try db.makeStatement(sql: """
            INSERT INTO contact (rank, idx, unread, status, latest, haystack) VALUES (?, ?, ?, ?, ?, ?)
            """)
        for index in 0..<data.count {
            let c = data.contact(at: index)
            try insert.execute(arguments: [index, index, c.unread, c.status, c.latest, c.searchText])
        }
    }

    /// One page: newest activity first, for a filter and a case-insensitive substring search.
    func page(filter: ContactFilter, search: String, limit: Int, offset: Int) async throws -> [DemoContact] {
        let (sql, arguments) = ContactSearch(filter: filter, query: search, limit: limit, offset: offset).sql()
        let states = try await db.read { db in try Row.fetchAll(db, sql: sql, arguments: arguments).map(Self.state) }
        return states.map(contact)
    }

    /// The contact with this id, as it stands now, or nil when there is none.
    func contact(id: String) async throws -> (DemoContact, ContactState)? {
        guard let index = ContactID(seed: data.seed).index(of: id, count: data.count) else { return nil }
        let state = try await db.read { db in
            let rank = self.moved.withLock { $0[index] ?? index }
            return try Row.fetchOne(db, sql: "SELECT \(ContactSearch.columns) FROM contact c WHERE rank = ?",
                                    arguments: [rank]).map(Self.state)
        }
        guard let state else { return nil }
        return (data.contact(at: index), state)
    }

    /// Moves `count` contacts picked by `rng` to the top of the list with new unread
    /// messages at `now` (or just after the current newest activity, if later).
    func churn(count: Int, now: Int64, rng: inout SeededRandom) async throws {
        let picks = (0..<count).map { _ in (index: Int(rng.next() % UInt64(max(data.count, 1))), arrived: rng.int(in: 1...3),
                                           live: rng.chance(0.4)) }
        guard data.count > 0 else { return }
        try await db.write { db in
            for pick in picks {
                let from = self.moved.withLock { $0[pick.index] ?? pick.index }
                guard let row = try Row.fetchOne(db, sql: "SELECT haystack, unread, added FROM contact WHERE rank = ?", arguments: [from]),
                      let top = try Row.fetchOne(db, sql: "SELECT rank, latest FROM contact ORDER BY rank LIMIT 1")
                else { continue }
                let haystack: String = row["haystack"]
                let to = min(from, (top["rank"] as Int) - 1)
                let latest = max(now, top["latest"] as Int64)
                try db.execute(sql: "INSERT INTO contact_search(contact_search, rowid, haystack) VALUES('delete', ?, ?)",
                               arguments: [from, haystack])
                try db.execute(sql: """
                    UPDATE contact SET rank = ?, unread = unread + ?, added = added + ?, latest = ?, status = ? WHERE rank = ?
                    """, arguments: [to, pick.arrived, pick.arrived, latest, pick.live ? "live" : "open", from])
                try db.execute(sql: "INSERT INTO contact_search(rowid, haystack) VALUES (?, ?)", arguments: [to, haystack])
                self.moved.withLock { $0[pick.index] = to }
            }
        }
    }

    private static func state(_ row: Row) -> ContactState {
        ContactState(rank: row[0], index: row[1], unread: row[2], status: row[3], latest: row[4], added: row[5])
    }

    /// The generated contact at the state's index, with what churn changed.
    private func contact(_ state: ContactState) -> DemoContact {
        var contact = data.contact(at: state.index)
        contact.unread = state.unread
        contact.status = state.status
        contact.latest = state.latest
        return contact
    }
}
