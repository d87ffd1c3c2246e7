/// A page of a contact's messages: newest first across all conversations, `offset`
/// skipped, at most `limit` kept, then handed back per conversation, oldest first, as
/// the contract nests them.
struct MessagePage {
    /// The messages endpoint's parameter names are undocumented; this server takes
    /// `limit` (1...100, default 50) and `offset` (>= 0, default 0).
    static let defaultLimit = 50

    /// For each conversation (same order as given), its messages in this page.
    let messages: [[DemoMessage]]
    /// How many messages the page holds in all.
    let count: Int

    init(conversations: [DemoConversation], limit: Int, offset: Int) {
        var all: [(conversation: Int, message: DemoMessage)] = []
        for (number, conversation) in conversations.enumerated() {
            all.append(contentsOf: conversation.messages.map { (number, $0) })
        }
        all.sort { a, b in
            if a.message.createdAt != b.message.createdAt { return a.message.createdAt > b.message.createdAt }
            if a.conversation != b.conversation { return a.conversation < b.conversation }
            return a.message.order > b.message.order
        }
        let window = all.dropFirst(offset).prefix(limit)
        var grouped = Array(repeating: [DemoMessage](), count: conversations.count)
        for item in window.reversed() { grouped[item.conversation].append(item.message) }
        messages = grouped
        count = window.count
    }
}
