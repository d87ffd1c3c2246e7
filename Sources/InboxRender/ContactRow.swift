import ChatzyAPI
import Foundation

/// Lays out one contact as a list row, dropping columns on narrow screens
/// (agent first, then channels, then status).
struct ContactRow {
    struct Columns {
        var channels: Int
        var status: Int
        var agent: Int
        static let badge = 4
        static let time = 6

        init(width: Int) {
            agent = width >= 78 ? 12 : 0
            channels = width >= 64 ? 11 : 0
            status = width >= 50 ? 8 : 0
        }

        func name(width: Int) -> Int {
            let gaps = [channels, status, agent].filter { $0 > 0 }.count
            return max(1, width - Self.badge - Self.time - channels - status - agent - gaps)
        }
    }

    static func line(for contact: Contact, width: Int, now: Date, selected: Bool) -> ScreenLine {
        guard width > 0 else { return ScreenLine() }
        let columns = Columns(width: width)
        var spans: [Span] = []
        spans.append(Span(badge(contact.unreadCount), contact.unreadCount.hasUnread ? .unread : .dim))
        let name = Sanitizer.clean(contact.name ?? "").trimmingCharacters(in: .whitespaces)
        spans.append(Span(TextWidth.fit(name.isEmpty ? fallbackName(contact) : name, to: columns.name(width: width)), .normal))
        if columns.channels > 0 {
            spans.append(Span(" " + TextWidth.fit(channels(contact.channels), to: columns.channels), .dim))
        }
        if columns.status > 0 {
            let status = Sanitizer.clean(contact.conversationStatus ?? "—")
            let text = contact.isLive ? "● " + status : status
            spans.append(Span(" " + TextWidth.fit(text, to: columns.status), contact.isLive ? .live : .normal))
        }
        if columns.agent > 0 {
            let agent = Sanitizer.clean(contact.assignedTo ?? "")
            spans.append(Span(" " + TextWidth.fit(agent.isEmpty ? "—" : agent, to: columns.agent), .dim))
        }
        spans.append(Span(TextWidth.fitRight(RelativeTime.format(contact.latestMessageTime, now: now), to: Columns.time), .dim))
        var line = ScreenLine(spans)
        if selected { line.spans = line.spans.map { Span($0.text, .selected) } }
        return clip(line, to: width)
    }

    static func badge(_ unread: UnreadCount) -> String {
        switch unread {
        case .count(let n) where n > 99: return "99+ "
        case .count(let n) where n > 0: return TextWidth.fitRight(String(n), to: 3) + " "
        case .unreadable: return "  ? "
        default: return "    "
        }
    }

    static func fallbackName(_ contact: Contact) -> String {
        for candidate in [contact.phoneNumber, contact.email] {
            let text = Sanitizer.clean(candidate ?? "")
            if !text.isEmpty { return text }
        }
        return "(no name)"
    }

    static let channelLabels = ["whatsapp": "wa", "instagram": "ig", "messenger": "fb", "website": "web"]

    static func channels(_ list: [String]) -> String {
        if list.isEmpty { return "—" }
        return list.map { channelLabels[$0.lowercased()] ?? Sanitizer.clean(String($0.prefix(6))) }.joined(separator: " ")
    }

    /// Cuts spans so that the line is at most `width` columns.
    static func clip(_ line: ScreenLine, to width: Int) -> ScreenLine {
        var used = 0
        var out: [Span] = []
        for span in line.spans {
            let w = TextWidth.width(of: span.text)
            if used + w <= width {
                out.append(span)
                used += w
            } else {
                let room = width - used
                if room > 0 {
                    var cut = ""
                    var taken = 0
                    for c in span.text {
                        let cw = TextWidth.width(of: c)
                        if taken + cw > room { break }
                        cut.append(c)
                        taken += cw
                    }
                    out.append(Span(cut + String(repeating: " ", count: room - taken), span.style))
                }
                break
            }
        }
        return ScreenLine(out)
    }
}
