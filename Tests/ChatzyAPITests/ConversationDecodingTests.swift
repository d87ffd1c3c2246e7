import ChatzyAPI
import Foundation
import Testing

/// `GET /get_contact_conversation_messages` bodies, from JSON written here.
@Suite struct ConversationDecodingTests {
    func decode(_ inner: String) throws -> ContactConversations {
        try ConversationDecoding.conversations(from: json(#"{"data": {"data": {"# + inner + "}}}"))
    }

    @Test func theDocumentedExampleDecodes() throws {
        let answer = try decode(#"""
            "contact": {"contact_id": "096662f6-5acc-4699-923c-f7326936b39f", "user_email_id": "owner@shop.io",
                        "first_name": "Ana", "last_name": "Silva", "phone_number": "+15551234",
                        "created_at": "2023-11-07T05:31:56Z", "last_interacted_at": "2023-11-08T05:31:56.5Z",
                        "contact_queries": 123, "is_blacklisted": true, "is_frozen": false, "frozen_until": null},
            "conversations": [
              {"conversation_id": "conv-1", "conversation_status": "live", "conversation_type": "whatsapp",
               "assigned_to": "Maya", "chatbot_id": "bot-9",
               "messages": [{"message_id": "m1", "content": "Hi!", "role": "user", "created_at": "2023-11-07T05:31:56Z",
                             "message_order": 1,
                             "wa_messages": [{"status": "delivered", "created_at": "2023-11-07T05:31:57Z", "data": {"id": "wamid.1", "n": 2}}],
                             "instagram_messages": [], "messenger_messages": []}]}
            ]
            """#)
        let contact = try #require(answer.contact)
        #expect(contact == ConversationContact(
            id: "096662f6-5acc-4699-923c-f7326936b39f", userEmail: "owner@shop.io", firstName: "Ana", lastName: "Silva",
            phoneNumber: "+15551234", createdAt: Date(timeIntervalSince1970: 1_699_335_116),
            lastInteractedAt: Date(timeIntervalSince1970: 1_699_421_516.5), queryCount: 123,
            isBlacklisted: true, isFrozen: false, frozenUntil: nil))
        #expect(contact.displayName == "Ana Silva")
        let conversation = try #require(answer.conversations.first)
        #expect(conversation.id == "conv-1" && conversation.status == "live" && conversation.isLive)
        #expect(conversation.type == "whatsapp" && conversation.assignedTo == "Maya" && conversation.chatbotID == "bot-9")
        #expect(conversation.messages == [ConversationMessage(
            id: "m1", content: "Hi!", role: "user", createdAt: Date(timeIntervalSince1970: 1_699_335_116), order: 1,
            deliveries: [ChannelDelivery(channel: "whatsapp", status: "delivered",
                                         createdAt: Date(timeIntervalSince1970: 1_699_335_117),
                                         data: .object(["id": .string("wamid.1"), "n": .number(2)]))])])
        #expect(answer.skipped == 0 && answer.skippedNotice == nil)
    }

    @Test func onlyIdsAreRequired() throws {
        let answer = try decode(#"""
            "contact": {"contact_id": "c"},
            "conversations": [{"conversation_id": "v", "messages": [{"message_id": "m"}]}]
            """#)
        #expect(answer.contact == ConversationContact(id: "c"))
        #expect(answer.contact?.displayName == nil)
        #expect(answer.conversations == [Conversation(id: "v", messages: [ConversationMessage(id: "m")])])
    }

    @Test func entriesWithoutIdsAreSkippedAndCounted() throws {
        let answer = try decode(#"""
            "contact": {"first_name": "no id"},
            "conversations": [
              {"conversation_status": "open"},
              "junk",
              {"conversation_id": "v", "messages": [{"content": "no id"}, {"message_id": "m"}, null, {"message_id": ""}]}
            ]
            """#)
        #expect(answer.contact == nil)
        #expect(answer.conversations.map(\.id) == ["v"])
        #expect(answer.skippedConversations == 2)
        #expect(answer.conversations[0].messages.map(\.id) == ["m"])
        #expect(answer.conversations[0].skippedMessages == 3)
        #expect(answer.skipped == 5 && answer.skippedNotice == "5 items could not be read")
    }

    @Test func unknownRolesAndChannelsAreKept() throws {
        let answer = try decode(#"""
            "conversations": [{"conversation_id": "v", "conversation_type": "telegram-bridge", "messages": [
              {"message_id": "m", "role": "flow_step", "message_order": "7",
               "website_messages": [{"status": "seen"}],
               "telegram_messages": [{"data": [1, "two", null, false]}, "not an object"],
               "instagram_messages": null, "messenger_messages": [], "_messages": [{"status": "x"}], "messages_x": []}]}]
            """#)
        let message = try #require(answer.conversations.first?.messages.first)
        #expect(message.role == "flow_step")
        #expect(message.order == 7)
        #expect(message.deliveries == [
            ChannelDelivery(channel: "telegram", data: .array([.number(1), .string("two"), .null, .bool(false)])),
            ChannelDelivery(channel: "website", status: "seen"),
        ])
        #expect(answer.conversations.first?.type == "telegram-bridge")
    }

    @Test func lenientContactFields() throws {
        let contact = try #require(try decode(#"""
            "contact": {"contact_id": 77, "contact_queries": "12", "is_blacklisted": "false", "is_frozen": 1,
                        "frozen_until": 1752577991000, "created_at": "garbage", "first_name": "", "last_name": "Kim",
                        "unknown": {"deep": [1]}}
            """#).contact)
        #expect(contact.id == "77" && contact.queryCount == 12)
        #expect(contact.isBlacklisted == false && contact.isFrozen == true)
        #expect(contact.frozenUntil == Date(timeIntervalSince1970: 1_752_577_991))
        #expect(contact.createdAt == nil && contact.firstName == nil && contact.displayName == "Kim")
    }

    @Test func emptyAndMissingCollections() throws {
        #expect(try decode("") == ContactConversations(contact: nil, conversations: []))
        #expect(try decode(#""contact": null, "conversations": null"#) == ContactConversations(contact: nil, conversations: []))
        let answer = try decode(#""conversations": [{"conversation_id": "v", "messages": null}]"#)
        #expect(answer.conversations == [Conversation(id: "v")])
    }

    @Test func aMessageDecodesOnItsOwn() throws {
        let message = try JSONDecoder().decode(ConversationMessage.self, from: json(#"{"message_id": 5, "content": 12}"#))
        #expect(message == ConversationMessage(id: "5", content: "12"))
    }

    @Test(arguments: ["", "nope", #"{"data": []}"#, #"{"data": {"contact": {}}}"#])
    func wrongShapesAreInvalidResponses(body: String) {
        #expect(performing: { try ConversationDecoding.conversations(from: json(body)) }, throws: { error in
            guard case APIError.invalidResponse(_, let prefix) = error else { return false }
            return prefix == body
        })
    }
}
