import ChatzyAPI
import Foundation
import InboxCore
import InboxRender
import Testing

@Suite struct ConversationRenderTests {
    init() { TextWidth.useUTF8Locale() }
    let utc = TimeZone(identifier: "UTC")!

    @Test(arguments: [(20, 5), (33, 9), (57, 13), (80, 24), (101, 31), (120, 40), (200, 60)])
    func everyRowIsScreenWideAndFreeOfControls(cols: Int, rows: Int) {
        var state = ConversationFixture.state(cols: cols, rows: rows)
        for key: Key in [.char("G"), .char("k"), .pageUp, .char("g")] {
            _ = reduce(&state, .key(key))
            let screen = ConversationRenderer.render(state, now: ConversationFixture.now, timeZone: utc)
            #expect(screen.lines.count == rows)
            for (row, line) in screen.text.enumerated() {
                #expect(TextWidth.width(of: line) == cols, "\(cols)x\(rows) row \(row): \(line)")
                #expect(!line.unicodeScalars.contains { $0.value < 0x20 || (0x7F..<0xA0).contains($0.value) })
            }
        }
    }

    @Test func theRendererDrawsAsManyLinesAsTheReducerCounted() {
        for cols in [20, 40, 80, 120] {
            let state = ConversationFixture.state(cols: cols, rows: 200)
            let view = state.conversation!
            #expect(view.contentLines < ConversationLayout.viewHeight(screenRows: 200), "everything fits")
            let screen = ConversationRenderer.render(state, now: ConversationFixture.now, timeZone: utc)
            let body = screen.text.dropFirst(ConversationLayout.headerRows).dropLast()
            let drawn = body.lastIndex { !$0.allSatisfy { $0 == " " } }.map { $0 - ConversationLayout.headerRows + 1 } ?? 0
            #expect(drawn == view.contentLines, "at \(cols) columns")
        }
    }

    @Test func opensAtTheNewestMessageAndGShowsTheBeginning() {
        var state = ConversationFixture.state(cols: 80, rows: 24)
        var text = ConversationRenderer.render(state, now: ConversationFixture.now, timeZone: utc).text
        #expect(text[22].contains("[image]"), "the newest message, an image without text, is on the last row")
        #expect(!text.contains { $0.contains("size M") })
        _ = reduce(&state, .key(.char("g")))
        text = ConversationRenderer.render(state, now: ConversationFixture.now, timeZone: utc).text
        #expect(text[3].contains("beginning of the history"))
        #expect(text[4].contains("Instagram · closed"))
        #expect(text.contains { $0.contains("Do you have it in size M?") })
    }

    @Test func contactOnTheLeftAssistantAndAgentOnTheRightInTheirStyles() {
        let state = ConversationFixture.state(cols: 120, rows: 40)
        let screen = ConversationRenderer.render(state, now: ConversationFixture.now, timeZone: utc)
        func line(containing text: String) -> ScreenLine? { screen.lines.first { $0.text.contains(text) } }
        let contact = line(containing: "Do you have it in size M?")!
        #expect(contact.text.hasPrefix("  Do you"))
        #expect(contact.spans.contains { $0.style == .roleContact })
        let assistantMeta = line(containing: "AI assistant")!
        #expect(assistantMeta.text.hasSuffix("  ") && !assistantMeta.text.hasSuffix("   "), "ends two columns from the edge")
        #expect(assistantMeta.spans.contains { $0.style == .roleAssistant })
        let agent = line(containing: "Maya from support")!
        #expect(agent.text.hasPrefix("          "), "an agent's message is on the right")
        #expect(agent.spans.contains { $0.style == .roleAgent })
        #expect(line(containing: "Agent · Maya (support)") != nil)
        #expect(line(containing: "[system]") != nil, "an unknown role is shown as it came")
        #expect(line(containing: "· read") != nil, "the delivery status of an outgoing message")
    }

    @Test func theHeaderShowsWhoWhereStatusAgentFlagsAndTheReplyWindow() {
        let state = ConversationFixture.state(cols: 120, rows: 40)
        let text = ConversationRenderer.render(state, now: ConversationFixture.now, timeZone: utc).text
        #expect(text[0].contains("Priya Kamau") && text[0].contains("+44 7700 900123") && text[0].contains("priya@example.com"))
        #expect(text[1].contains("WhatsApp, Instagram") && text[1].contains("open") && text[1].contains("agent: Maya (support)"))
        #expect(text[1].contains("frozen until Nov 25 12:13") && !text[1].contains("blacklisted"))
        #expect(text[2].contains("free-form replies open for 21h 0m more"))
    }

    @Test func strangersCannotReachTheTerminal() {
        let state = ConversationFixture.state(cols: 80, rows: 60)
        let text = ConversationRenderer.render(state, now: ConversationFixture.now, timeZone: utc).text.joined()
        #expect(!text.contains("\u{1B}") && text.contains("\u{FFFD}I need it by Friday"))
    }

    @Test func theReplyWindowOpensClosesOrIsUnknown() {
        var view = ConversationState(contact: Contact(id: "x", channels: ["whatsapp"]))
        let t0 = Date(timeIntervalSince1970: 1_000_000)
        #expect(ReplyWindow.of(view, now: t0) == .unknown)
        view.hasLoaded = true
        view.conversations = [Conversation(id: "c", type: "whatsapp")]
        view.entries = [.init(conversationID: "c", message: ConversationMessage(id: "1", content: "hi", role: "user", createdAt: t0)),
                        .init(conversationID: "c", message: ConversationMessage(id: "2", content: "yo", role: "assistant", createdAt: t0 + 600))]
        #expect(ReplyWindow.of(view, now: t0 + 3600) == .open(remaining: 23 * 3600))
        #expect(ReplyWindow.of(view, now: t0 + 25 * 3600) == .closed(ago: 3600))
        view.entries.removeFirst()
        #expect(ReplyWindow.of(view, now: t0 + 3600) == .unknown, "the contact's last message may be older than what is loaded")
        #expect(ReplyWindow.of(view, now: t0 + 2 * 86_400) == .closed(ago: nil), "nothing from the contact in the loaded 24 hours")
        view.reachedStart = true
        #expect(ReplyWindow.of(view, now: t0 + 3600) == .closed(ago: nil))
        #expect(ReplyWindow.of(ConversationState(contact: Contact(id: "y", channels: ["website"])), now: t0) == nil)
        #expect(ReplyWindow.duration(59) == "0m" && ReplyWindow.duration(3 * 3600 + 120) == "3h 2m" && ReplyWindow.duration(50 * 3600) == "2d 2h")
    }

    @Test func emptyChannelsAndMissingFieldsShowSensibly() {
        var state = InboxState()
        state.textWrapper = MessageLayout.wrapper
        let effects = reduce(&state, .resize(rows: 24, cols: 80)) + reduce(&state, .start)
        guard case .fetch(let page)? = effects.first else { Issue.record("no fetch"); return }
        _ = reduce(&state, .pageLoaded(page, ContactPage(contacts: [Contact(id: "bare")])))
        guard case .fetchConversation(let request)? = reduce(&state, .key(.enter)).first else { Issue.record("no fetch"); return }
        var text = ConversationRenderer.render(state, now: ConversationFixture.now, timeZone: utc).text
        #expect(text[3].contains("Loading messages…"))
        #expect(text[23].hasPrefix(" loading…"), "no count before the first page: \(text[23])")
        _ = reduce(&state, .conversationLoaded(request, ContactConversations(contact: nil, conversations: [
            Conversation(id: "c", messages: [ConversationMessage(id: "m", content: nil, role: nil, createdAt: nil)]),
        ])))
        text = ConversationRenderer.render(state, now: ConversationFixture.now, timeZone: utc).text
        #expect(text[0].contains("(no name)") && text[0].contains("no phone") && text[0].contains("no email"))
        #expect(text[1].contains("no channel") && text[1].contains("no status") && text[1].contains("unassigned"))
        #expect(text.contains { $0.contains("(no text)") } && text.contains { $0.contains("[unknown]") && $0.contains("—") })
        #expect(text.contains { $0.contains("conversation") }, "a divider even without a channel")
    }

    @Test func failuresShowOnTheTopLineAndTheStatusLine() {
        var state = InboxState()
        let effects = reduce(&state, .resize(rows: 24, cols: 80)) + reduce(&state, .start)
        guard case .fetch(let page)? = effects.first else { Issue.record("no fetch"); return }
        _ = reduce(&state, .pageLoaded(page, ContactPage(contacts: [Contact(id: "a", name: "Ann")])))
        guard case .fetchConversation(let request)? = reduce(&state, .key(.enter)).first else { Issue.record("no fetch"); return }
        _ = reduce(&state, .conversationFailed(request, .notFound))
        let text = ConversationRenderer.render(state, now: ConversationFixture.now, timeZone: utc).text
        #expect(text[3].contains("Messages failed: Not found (404) — r retries"))
        #expect(text[23].hasPrefix(" Not found (404) — r retries"), "no \"0+ messages\" beside the error: \(text[23])")
        #expect(InboxRenderer.render(state, now: ConversationFixture.now).text[0].contains("Ann"), "the inbox renders the open conversation")
    }

    @Test func wrappingKeepsEveryWordAndNeverExceedsTheWidth() {
        let text = "Hi there! 👋 请问可以退货吗？如果尺寸不合适 supercalifragilisticexpialidocious e\u{301}te\nsecond line\u{1B}[2J"
        for width in 1...40 {
            let lines = MessageLayout.wrap(text, width: width)
            for line in lines { #expect(TextWidth.width(of: line) <= max(width, 2), "width \(width): \(line)") }
            let joined = lines.joined().filter { !$0.isWhitespace }
            #expect(joined == Sanitizer.clean(text.replacingOccurrences(of: "\n", with: "")).filter { !$0.isWhitespace })
        }
        #expect(MessageLayout.wrap("one two three", width: 7) == ["one two", "three"])
        #expect(MessageLayout.wrap("a\n\nb\n", width: 7) == ["a", "", "b"])
        #expect(MessageLayout.wrap("", width: 7) == [""])
    }
}
