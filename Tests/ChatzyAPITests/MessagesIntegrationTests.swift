import ChatzyAPI
import DemoServer
import Foundation
import Testing

/// `GET /get_contact_conversation_messages` through the real client against the demo server:
/// the documented nesting decodes, pages tile the history newest-first, unknown ids are 404.
@Suite struct MessagesIntegrationTests {
    func withServer(_ body: (ChatzyClient, [Contact]) async throws -> Void) async throws {
        let server = try await DemoServer.start(DemoServerOptions(contacts: 30))
        defer { server.stop() }
        let client = ChatzyClient(endpoint: try ChatzyEndpoint(baseURL: server.url), token: server.issueToken())
        let contacts = try await client.contacts(ContactQuery(email: DemoServerOptions.demoEmail, limit: 30)).contacts
        try await body(client, contacts)
    }

    static func messages(_ page: ContactConversations) -> [ConversationMessage] {
        page.conversations.flatMap(\.messages)
    }

    @Test func aContactsHistoryDecodesWithItsHeaderAndConversations() async throws {
        try await withServer { client, contacts in
            let first = try #require(contacts.first)
            let page = try await client.conversations(ConversationQuery(contactID: first.id, limit: 100))
            #expect(page.contact?.id == first.id)
            #expect(page.skipped == 0, "the demo server's answer decodes without skipping anything")
            #expect((1...3).contains(page.conversations.count))
            let newest = Self.messages(page).compactMap(\.createdAt).max()
            #expect(newest == first.latestMessageTime, "the newest message matches the list's latest_message_time")
            for conversation in page.conversations {
                let times = conversation.messages.compactMap(\.createdAt)
                #expect(times == times.sorted(), "messages of a conversation come oldest first")
                #expect(conversation.messages.allSatisfy { ["user", "assistant", "agent"].contains($0.role ?? "") })
            }
        }
    }

    @Test func pagesWalkBackInTimeWithoutGapsOrRepeats() async throws {
        try await withServer { client, contacts in
            var best: (id: String, count: Int)?
            for contact in contacts.prefix(10) {
                let count = Self.messages(try await client.conversations(ConversationQuery(contactID: contact.id, limit: 100))).count
                if count > (best?.count ?? 0) { best = (contact.id, count) }
            }
            let (id, total) = try #require(best)
            try #require(total > 10, "some contact among the first ten has more than ten messages")
            let whole = try await walk(client, id, limit: 100)
            let walked = try await walk(client, id, limit: 7)
            #expect(walked.count == whole.count && whole.count >= total)
            #expect(Set(walked) == Set(whole) ? true : false, "the pages together hold exactly the whole history")
            #expect(Set(walked).count == walked.count, "no message comes twice")
        }
    }

    /// Every message id of `contactID`, page by page of `limit`, newest first.
    func walk(_ client: ChatzyClient, _ contactID: String, limit: Int) async throws -> [String] {
        var ids: [String] = []
        while true {
            let page = Self.messages(try await client.conversations(ConversationQuery(contactID: contactID, limit: limit, offset: ids.count)))
            #expect(page.count <= limit)
            if page.isEmpty { return ids }
            ids += page.sorted { ($0.createdAt ?? .distantPast) > ($1.createdAt ?? .distantPast) }.map(\.id)
        }
    }

    @Test func anUnknownContactIsNotFound() async throws {
        try await withServer { client, _ in
            let error = await outcome { try await client.conversations(ConversationQuery(contactID: "no-such-contact")) }.failure
            #expect(error == .notFound)
        }
    }
}
