import ChatzyAPI
import InboxCore
import Testing

@Suite struct ConversationPagingTests {
    let c1 = [msg("m1", 1), msg("m2", 2, role: "assistant"), msg("m3", 3)]
    let c2 = [msg("o1", -10), msg("o2", -9, role: "agent")]

    /// The first page applied: o1 o2 (instagram) then m1 m2 m3 (whatsapp); 14 lines.
    func firstPageLoaded() -> InboxState {
        var state = openInbox()
        _ = reduce(&state, .conversationLoaded(creq(10, gen: 1), convAnswer([("c1", "whatsapp", c1), ("c2", "instagram", c2)])))
        return state
    }

    @Test func theFirstPageOpensAtTheNewestMessageInTimeOrder() {
        var state = openInbox()
        let profile = ConversationContact(id: "a0", firstName: "Ann", isBlacklisted: true)
        let answer = convAnswer([("c1", "whatsapp", c1), ("c2", "instagram", c2)], profile: profile)
        send(&state, .conversationLoaded(creq(10, gen: 1), answer), effects: []) {
            $0.conversation!.pending = nil
            $0.conversation!.profile = profile
            $0.conversation!.conversations = [
                Conversation(id: "c1", status: "closed", type: "whatsapp"),
                Conversation(id: "c2", status: "closed", type: "instagram"),
            ]
            $0.conversation!.entries = entries("c2", c2) + entries("c1", c1)
            $0.conversation!.messageIDs = ["o1", "o2", "m1", "m2", "m3"]
            // divider + meta + text; meta + text; gap + divider + meta + text; …
            $0.conversation!.heights = [3, 2, 4, 2, 2]
            $0.conversation!.nextOffset = 5
            $0.conversation!.hasLoaded = true
        }
        #expect(state.conversation?.contentLines == 14)
        #expect(state.conversation?.scrollUp == 0)
    }

    @Test func scrollingUpLoadsTheNextOlderPageWhenTheTopIsWithinOneScreen() {
        var state = firstPageLoaded()
        // View of 3 rows over 14 lines: the top line is 11 - scrollUp; it is fetched below 3.
        for step in 1...8 {
            send(&state, .key(.char("k")), effects: []) { $0.conversation!.scrollUp = step }
        }
        send(&state, .key(.up), effects: [.fetchConversation(creq(11, gen: 1, offset: 5))]) {
            $0.conversation!.scrollUp = 9
            $0.conversation!.pending = creq(11, gen: 1, offset: 5)
            $0.nextRequestID = 12
        }
        send(&state, .key(.char("k")), effects: []) { $0.conversation!.scrollUp = 10 }
        send(&state, .key(.char("g")), effects: []) { $0.conversation!.scrollUp = 11 }
        send(&state, .key(.char("k")), effects: [])
    }

    @Test func anOlderPageGoesAboveWithoutMovingTheViewAndOverlapsAreDeduplicated() {
        var state = firstPageLoaded()
        for _ in 1...9 { _ = reduce(&state, .key(.char("k"))) }
        #expect(state.conversation?.pending == creq(11, gen: 1, offset: 5))
        let older = [msg("p1", -30), msg("p2", -29), msg("p3", -28), msg("p4", -27)]
        // A message arrived meanwhile, so the page at offset 5 repeats o1.
        let answer = convAnswer([("c1", "whatsapp", []), ("c2", "instagram", older + [c2[0]])])
        send(&state, .conversationLoaded(creq(11, gen: 1, offset: 5), answer), effects: []) {
            $0.conversation!.pending = nil
            $0.conversation!.entries = entries("c2", older) + entries("c2", c2) + entries("c1", c1)
            $0.conversation!.messageIDs.formUnion(["p1", "p2", "p3", "p4"])
            $0.conversation!.heights = [3, 2, 2, 2, 2, 2, 4, 2, 2]
            $0.conversation!.nextOffset = 10
        }
        #expect(ConversationLayout.firstVisibleLine(state.conversation!, viewHeight: 3) == 10,
                "the same lines stay on screen: 8 lines were added above")
        #expect(state.conversation?.scrollUp == 9)
    }

    @Test func aShortPageReachesTheStartAndNothingMoreIsFetched() {
        var state = firstPageLoaded()
        _ = reduce(&state, .key(.char("g")))
        #expect(state.conversation?.pending == creq(11, gen: 1, offset: 5))
        let answer = convAnswer([("c1", "whatsapp", []), ("c2", "instagram", [msg("q1", -40)])])
        send(&state, .conversationLoaded(creq(11, gen: 1, offset: 5), answer), effects: []) {
            $0.conversation!.pending = nil
            $0.conversation!.entries = entries("c2", [msg("q1", -40)]) + entries("c2", c2) + entries("c1", c1)
            $0.conversation!.messageIDs.insert("q1")
            $0.conversation!.heights = [3, 2, 2, 4, 2, 2]
            $0.conversation!.nextOffset = 6
            $0.conversation!.reachedStart = true
        }
        send(&state, .key(.char("g")), effects: []) { $0.conversation!.scrollUp = 13 }
    }

    @Test func duplicatedAndStaleAnswersAreDropped() {
        var state = firstPageLoaded()
        let loaded = state
        send(&state, .conversationLoaded(creq(10, gen: 1), convAnswer([("c1", "whatsapp", [msg("x", 9)])])), effects: [])
        send(&state, .conversationFailed(creq(10, gen: 1), .timeout), effects: [])
        #expect(state == loaded)
    }

    @Test func pagerKeysStayWithinTheLoadedHistory() {
        var state = firstPageLoaded()
        send(&state, .key(.char("j")), effects: [])
        send(&state, .key(.pageUp), effects: []) { $0.conversation!.scrollUp = 2 }
        send(&state, .key(.ctrl("u")), effects: []) { $0.conversation!.scrollUp = 3 }
        send(&state, .key(.char("b")), effects: []) { $0.conversation!.scrollUp = 5 }
        send(&state, .key(.pageDown), effects: []) { $0.conversation!.scrollUp = 3 }
        send(&state, .key(.ctrl("d")), effects: []) { $0.conversation!.scrollUp = 2 }
        send(&state, .key(.wheelUp), effects: []) { $0.conversation!.scrollUp = 5 }
        send(&state, .key(.char("G")), effects: []) { $0.conversation!.scrollUp = 0 }
        send(&state, .key(.end), effects: [])
    }

    @Test func aWiderScreenMeasuresAgainAndKeepsTheScrollInRange() {
        var state = openInbox()
        let long = String(repeating: "x", count: 30)
        _ = reduce(&state, .conversationLoaded(creq(10, gen: 1), convAnswer([("c1", "website", [msg("m1", 1, text: long), msg("m2", 2)])])))
        // 40 columns: text 27 wide, so 30 characters take two lines.
        #expect(state.conversation?.heights == [4, 2])
        #expect(state.conversation?.reachedStart == true)
        _ = reduce(&state, .key(.char("g")))
        #expect(state.conversation?.scrollUp == 4)
        send(&state, .resize(rows: 7, cols: 80), effects: []) {
            $0.screenCols = 80
            $0.conversation!.layoutWidth = 80
            $0.conversation!.heights = [3, 2]
            $0.conversation!.scrollUp = 3
        }
    }

    @Test func rReloadsTheNewestPageAndNewMessagesJoinBelowWithoutMovingTheView() {
        var state = firstPageLoaded()
        _ = reduce(&state, .key(.char("k")))
        _ = reduce(&state, .key(.char("k")))
        send(&state, .key(.char("r")), effects: [.fetchConversation(creq(11, gen: 2))]) {
            $0.conversationGeneration = 2
            $0.conversation!.pending = creq(11, gen: 2)
            $0.nextRequestID = 12
        }
        let newer = [msg("m4", 4), msg("m5", 5), msg("m6", 6)]
        send(&state, .conversationLoaded(creq(11, gen: 2), convAnswer([("c1", "whatsapp", Array(c1[1...]) + newer), ("c2", "instagram", [])])),
             effects: []) {
            $0.conversation!.pending = nil
            $0.conversation!.entries += entries("c1", newer)
            $0.conversation!.messageIDs.formUnion(["m4", "m5", "m6"])
            $0.conversation!.heights += [2, 2, 2]
            $0.conversation!.nextOffset = 8
            $0.conversation!.scrollUp = 8
        }
    }

    @Test func aReloadOfNothingButNewMessagesReplacesTheHistory() {
        var state = firstPageLoaded()
        _ = reduce(&state, .key(.char("r")))
        let fresh = (4..<9).map { msg("n\($0)", $0 * 10) }
        send(&state, .conversationLoaded(creq(11, gen: 2), convAnswer([("c1", "whatsapp", fresh), ("c2", "instagram", [])])),
             effects: []) {
            $0.conversation!.pending = nil
            $0.conversation!.entries = entries("c1", fresh)
            $0.conversation!.messageIDs = Set(fresh.map(\.id))
            $0.conversation!.heights = [3, 2, 2, 2, 2]
            $0.conversation!.nextOffset = 5
        }
    }
}
