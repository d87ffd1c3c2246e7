import Synchronization

/// Shares one copy of the values that repeat across thousands of contacts (channel lists,
/// agents, statuses), so a loaded contact does not pay a heap allocation for each of them.
/// Bounded: once a table holds `capacity` entries, new values are kept as they are.
final class ValueInterner: Sendable {
    /// The process-wide tables used by `ContactDecoding`.
    static let shared = ValueInterner()
    /// At most this many distinct strings and lists are remembered.
    static let capacity = 1024
    /// Values longer than this (in UTF-8 bytes, or list entries) are never remembered, so a
    /// hostile server cannot pin `capacity` huge strings in memory.
    static let longestShared = 128

    private let tables = Mutex(Tables())

    private struct Tables {
        var strings: [String: String] = [:]
        var lists: [[String]: [String]] = [:]

        /// Strings of at most 15 UTF-8 bytes are stored inline by Swift: nothing to share.
        mutating func string(_ value: String?) -> String? {
            guard let value, (16...ValueInterner.longestShared).contains(value.utf8.count) else { return value }
            if let shared = strings[value] { return shared }
            if strings.count < ValueInterner.capacity { strings[value] = value }
            return value
        }

        mutating func list(_ value: [String]) -> [String] {
            guard !value.isEmpty, value.count <= 8,
                  value.allSatisfy({ $0.utf8.count <= ValueInterner.longestShared }) else { return value }
            if let shared = lists[value] { return shared }
            if lists.count < ValueInterner.capacity { lists[value] = value }
            return value
        }
    }

    /// Replaces repeated fields of `contacts` with shared copies (one lock per page).
    func intern(_ contacts: inout [Contact]) {
        tables.withLock { t in
            for i in contacts.indices {
                contacts[i].channels = t.list(contacts[i].channels)
                contacts[i].assignedTo = t.string(contacts[i].assignedTo)
                contacts[i].conversationStatus = t.string(contacts[i].conversationStatus)
            }
        }
    }
}
