import ChatzyAPI
import InboxCore

/// The server side of the random walk: an ordered contact list per tab and search that
/// shifts while "messages arrive", answered by offset like the real API.
struct FakeServer {
    private var orders: [ListKey: [String]] = [:]
    private var newContacts = 0

    /// The contacts of `key`, newest first (made up on first use, sized by the key).
    mutating func order(_ key: ListKey) -> [String] {
        if let order = orders[key] { return order }
        let prefix = "\(key.filter.rawValue.prefix(1))\(key.search)"
        let size = key.search.isEmpty ? 37 + 11 * (key.filter == .all ? 2 : 0) : (key.search.count * 7) % 23
        let order = (0..<size).map { "\(prefix)-\($0)" }
        orders[key] = order
        return order
    }

    /// One page of `key` at `offset`; sometimes one entry is unreadable.
    mutating func page(_ request: PageRequest, rng: inout SplitMix64) -> ContactPage {
        let all = order(request.key)
        let slice = all.dropFirst(request.offset).prefix(request.limit).map { Contact(id: $0) }
        if !slice.isEmpty, rng.chance(10) { return ContactPage(contacts: Array(slice.dropLast()), skipped: 1) }
        return ContactPage(contacts: slice)
    }

    /// A message arrives: a contact of some list jumps to its top, or a new contact appears.
    mutating func messageArrives(rng: inout SplitMix64) {
        let keys = orders.keys.sorted { ($0.filter.rawValue, $0.search) < ($1.filter.rawValue, $1.search) }
        guard let key = keys.randomElement(using: &rng) else { return }
        var order = orders[key]!
        if order.isEmpty || rng.chance(30) {
            newContacts += 1
            order.insert("new-\(newContacts)", at: 0)
        } else {
            let id = order.remove(at: rng.below(order.count))
            order.insert(id, at: 0)
        }
        orders[key] = order
    }
}

extension SplitMix64: RandomNumberGenerator {}
