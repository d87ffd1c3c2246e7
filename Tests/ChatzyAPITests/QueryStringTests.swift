import ChatzyAPI
import Foundation
import Testing

/// The exact query strings the client builds, for every parameter combination.
@Suite struct QueryStringTests {
    let endpoint = try! ChatzyEndpoint(baseURL: URL(string: "https://api.example.com/prod/")!)

    func query(_ q: ContactQuery) -> String {
        endpoint.url(path: "get_contact_conversations", query: q.queryItems).query(percentEncoded: true) ?? ""
    }

    @Test(arguments: ConversationFilter.allCases)
    func everyFilterWithAndWithoutSearch(filter: ConversationFilter) {
        #expect(query(ContactQuery(email: "me@x.io", limit: 25, offset: 50, filter: filter))
                == "user_email_id=me%40x.io&limit=25&offset=50&filter=\(filter.rawValue)")
        #expect(query(ContactQuery(email: "me@x.io", search: "ana", limit: 25, offset: 50, filter: filter))
                == "user_email_id=me%40x.io&search=ana&limit=25&offset=50&filter=\(filter.rawValue)")
    }

    @Test func defaultsAreLimit50Offset0All() {
        #expect(query(ContactQuery(email: "a@b.c")) == "user_email_id=a%40b.c&limit=50&offset=0&filter=all")
    }

    @Test func theFullURLKeepsTheBasePathAndDropsItsTrailingSlash() {
        let url = endpoint.url(path: "get_contact_conversations", query: ContactQuery(email: "a@b.c").queryItems)
        #expect(url.absoluteString
                == "https://api.example.com/prod/get_contact_conversations?user_email_id=a%40b.c&limit=50&offset=0&filter=all")
    }

    @Test(arguments: [(0, 1), (-5, 1), (1, 1), (100, 100), (101, 100), (Int.max, 100)])
    func limitIsClampedInto1To100(given: Int, sent: Int) {
        let q = ContactQuery(email: "a@b.c", limit: given)
        #expect(q.limit == sent)
        #expect(query(q).contains("&limit=\(sent)&"))
    }

    @Test(arguments: [(-1, 0), (Int.min, 0), (0, 0), (250, 250)])
    func offsetIsNeverNegative(given: Int, sent: Int) {
        #expect(query(ContactQuery(email: "a@b.c", offset: given)).contains("&offset=\(sent)&"))
    }

    @Test func emptySearchIsOmittedButSpacesAreSent() {
        #expect(!query(ContactQuery(email: "a@b.c", search: "")).contains("search"))
        #expect(query(ContactQuery(email: "a@b.c", search: " ")).contains("search=%20&"))
    }

    @Test(arguments: [
        ("+1555", "%2B1555"),
        ("a@b.c", "a%40b.c"),
        ("tom & jerry", "tom%20%26%20jerry"),
        ("k=v", "k%3Dv"),
        ("José Müller", "Jos%C3%A9%20M%C3%BCller"),
        ("王芳", "%E7%8E%8B%E8%8A%B3"),
        ("100%?#/", "100%25%3F%23%2F"),
        ("a-b_c.d~e", "a-b_c.d~e"),
    ])
    func searchIsStrictlyPercentEncoded(search: String, encoded: String) {
        #expect(query(ContactQuery(email: "a@b.c", search: search)).contains("&search=\(encoded)&"))
    }

    @Test func conversationQueryNamesContactLimitOffset() {
        let url = endpoint.url(path: "get_contact_conversation_messages",
                               query: ConversationQuery(contactID: "096662f6-5acc-4699-923c-f7326936b39f", limit: 20, offset: 40).queryItems)
        #expect(url.absoluteString == "https://api.example.com/prod/get_contact_conversation_messages"
                + "?contact_id=096662f6-5acc-4699-923c-f7326936b39f&limit=20&offset=40")
    }

    @Test func conversationQueryClampsLikeContacts() {
        let q = ConversationQuery(contactID: "c 1", limit: 500, offset: -3)
        #expect(q.limit == 100 && q.offset == 0)
        #expect(endpoint.url(path: "x", query: q.queryItems).query(percentEncoded: true) == "contact_id=c%201&limit=100&offset=0")
    }
}
