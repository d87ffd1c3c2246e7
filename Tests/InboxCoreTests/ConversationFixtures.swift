import ChatzyAPI
import Foundation
import InboxCore

/// A message written `minute` minutes after a fixed instant (one body line at any width).
func msg(_ id: String, _ minute: Int, role: String = "user", text: String = "hi") -> ConversationMessage {
    ConversationMessage(id: id, content: text, role: role, createdAt: Date(timeIntervalSince1970: 1_700_000_000 + Double(minute) * 60))
}

/// An answer of the messages endpoint with the given conversations (id, channel, messages).
func convAnswer(_ conversations: [(String, String, [ConversationMessage])], profile: ConversationContact? = nil) -> ContactConversations {
    ContactConversations(
        contact: profile,
        conversations: conversations.map { Conversation(id: $0.0, status: "closed", type: $0.1, messages: $0.2) }
    )
}

/// A conversation request as the reducer should make it (page size 5 unless told).
func creq(_ id: Int, gen: Int, _ contactID: String = "a0", offset: Int = 0, limit: Int = 5) -> ConversationRequest {
    ConversationRequest(id: id, generation: gen, contactID: contactID, offset: offset, limit: limit)
}

/// `loadedInbox()` (7 x 40: a conversation view of 3 rows) with contact `a0` open and its
/// first request (id 10, generation 1) in flight.
func openInbox(selected: Int = 0) -> InboxState {
    var state = loadedInbox(count: 10, selected: selected)
    _ = reduce(&state, .key(.enter))
    return state
}

/// The entries `ids` of conversation `conversationID`, for expected states.
func entries(_ conversationID: String, _ messages: [ConversationMessage]) -> [ConversationState.Entry] {
    messages.map { ConversationState.Entry(conversationID: conversationID, message: $0) }
}
