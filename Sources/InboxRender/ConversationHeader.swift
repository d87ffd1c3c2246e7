import ChatzyAPI
import Foundation
import InboxCore

/// The conversation view's three header rows: who (name, phone, email), their state
/// (channels, status, assigned agent, flags), and a rule carrying the WhatsApp reply window.
enum ConversationHeader {
    static func lines(_ view: ConversationState, width: Int, now: Date, timeZone: TimeZone) -> [ScreenLine] {
        [nameLine(view, width: width), detailLine(view, width: width, now: now, timeZone: timeZone), rule(view, width: width, now: now)]
    }

    static func name(_ view: ConversationState) -> String {
        let candidates = [view.contact.name, view.profile?.displayName, view.contact.phoneNumber, view.profile?.phoneNumber, view.contact.email]
        for candidate in candidates {
            let text = Sanitizer.field(candidate)
            if !text.isEmpty { return text }
        }
        return "(no name)"
    }

    static func nameLine(_ view: ConversationState, width: Int) -> ScreenLine {
        var parts = [name(view)]
        let phone = Sanitizer.clean(view.profile?.phoneNumber ?? view.contact.phoneNumber ?? "")
        let email = Sanitizer.clean(view.contact.email ?? "")
        parts.append(phone.isEmpty ? "no phone" : phone)
        parts.append(email.isEmpty ? "no email" : email)
        let right = "Esc back "
        let left = " ‹ " + parts.joined(separator: "  ·  ")
        let room = width - right.count - 1
        let text = room >= 10
            ? TextWidth.fit(left, to: room) + " " + right
            : TextWidth.fit(left, to: width)
        return ScreenLine([Span(text, .header)])
    }

    /// The channels of the contact and of their conversations, by their full names.
    static func channels(_ view: ConversationState) -> String {
        var seen: [String] = []
        for raw in view.contact.channels + view.conversations.compactMap(\.type) {
            let key = raw.lowercased()
            if !key.isEmpty, !seen.contains(key) { seen.append(key) }
        }
        return seen.isEmpty ? "no channel" : seen.map(channelName).joined(separator: ", ")
    }

    static func channelName(_ raw: String) -> String {
        switch raw.lowercased() {
        case "whatsapp": return "WhatsApp"
        case "instagram": return "Instagram"
        case "messenger": return "Messenger"
        case "website": return "Website"
        default: return Sanitizer.clean(String(raw.prefix(16)))
        }
    }

    /// The conversation of the newest loaded message, else the first one answered.
    static func current(_ view: ConversationState) -> Conversation? {
        if let id = view.entries.last?.conversationID, let conversation = view.conversation(id) { return conversation }
        return view.conversations.first
    }

    static func detailLine(_ view: ConversationState, width: Int, now: Date, timeZone: TimeZone) -> ScreenLine {
        let conversation = current(view)
        let status = Sanitizer.clean(conversation?.status ?? view.contact.conversationStatus ?? "")
        let live = status.lowercased() == "live"
        let agent = Sanitizer.clean(conversation?.assignedTo ?? view.contact.assignedTo ?? "")
        var parts: [Span] = [Span(" " + channels(view), .dim)]
        parts.append(Span(status.isEmpty ? "no status" : (live ? "● " + status : status), live ? .live : .normal))
        parts.append(Span(agent.isEmpty ? "unassigned" : "agent: " + agent, .dim))
        if view.profile?.isBlacklisted == true { parts.append(Span("blacklisted", .flag)) }
        if view.profile?.isFrozen == true {
            let until = view.profile?.frozenUntil.map { " until " + MessageTime.format($0, now: now, timeZone: timeZone) } ?? ""
            parts.append(Span("frozen" + until, .flag))
        }
        var spans: [Span] = []
        var used = 0
        for (index, part) in parts.enumerated() {
            let piece = index == 0 ? part : Span(" · " + part.text, part.style)
            let w = TextWidth.width(of: piece.text)
            if used + w > width {
                spans.append(Span(TextWidth.truncate(piece.text, to: width - used), piece.style))
                used = width
                break
            }
            spans.append(piece)
            used += w
        }
        return LineBuilder.clip(ScreenLine(spans), to: width)
    }

    static func rule(_ view: ConversationState, width: Int, now: Date) -> ScreenLine {
        guard let window = ReplyWindow.of(view, now: now) else {
            return ScreenLine([Span(String(repeating: "─", count: width), .dim)])
        }
        let label = " " + window.text + " "
        let line = ScreenLine([Span("──", .dim), Span(label, window.style), Span(String(repeating: "─", count: max(0, width)), .dim)])
        return LineBuilder.clip(line, to: width)
    }
}
