import ChatzyAPI
import Foundation

/// Lays out one contact as a list row: unread badge, name (with the matching email or phone
/// when the search matched there), channels, status with the live marker, agent and age.
/// Every string from the network is sanitized here, just before it is measured.
struct ContactRow {
    static func line(for contact: Contact, width: Int, options: RenderOptions, selected: Bool, search: String) -> ScreenLine {
        let plain = line(for: contact, width: width, options: options, search: search)
        return selected ? highlighted(plain) : plain
    }

    /// The row as it looks when selected: the same text, all of it in the selection's style
    /// but for the search matches, which keep a highlight of their own. Derived from the
    /// unselected row, so moving the selection never lays a row out again.
    static func highlighted(_ line: ScreenLine) -> ScreenLine {
        var spans: [Span] = []
        spans.reserveCapacity(3)
        for span in line.spans {
            let style: Style = span.style == .match ? .selectedMatch : .selected
            if let last = spans.last, last.style == style {
                spans[spans.count - 1].text += span.text
            } else {
                spans.append(Span(span.text, style))
            }
        }
        return ScreenLine(spans)
    }

    /// The row when it is not selected.
    static func line(for contact: Contact, width: Int, options: RenderOptions, search: String) -> ScreenLine {
        guard width > 0 else { return ScreenLine() }
        let g = options.glyphs
        let columns = RowColumns(width: width)
        // A gap between columns takes the style of the column after it: a space looks the same
        // in either, and fewer style changes per row means fewer bytes per row.
        var row = LineBuilder(glyphs: g)
        row.add(badge(contact.unreadCount), contact.unreadCount.hasUnread ? .unread : .normal)

        let nameWidth = min(columns.name, width - row.used)
        let (nameText, marks) = nameField(contact, search: search, glyphs: g, width: nameWidth)
        row.marked(nameText, width: nameWidth, marked: marks, .normal,
                   .match, suffix: BidiIsolation.suffix(for: nameText))
        if columns.channels > 0 {
            row.add(" ", .dim)
            row.field(channels(contact.channels, glyphs: g), width: columns.channels, .dim)
        }
        if columns.status > 0 {
            row.add(" ", contact.isLive ? .live : .normal)
            let status = Sanitizer.field(contact.conversationStatus)
            let text = contact.isLive ? g.live + " " + status : (status.isEmpty ? g.none : status)
            row.field(text + BidiIsolation.suffix(for: status), width: columns.status, contact.isLive ? .live : .normal)
        }
        if columns.agent > 0 {
            row.add(" ", .dim)
            let agent = Sanitizer.field(contact.assignedTo)
            row.field(agent.isEmpty ? g.none : agent + BidiIsolation.suffix(for: agent), width: columns.agent, .dim)
        }
        if columns.time > 0 {
            row.add(" ", .dim)
            row.field(RelativeTime.short(contact.latestMessageTime, now: options.now, none: g.none),
                      width: columns.time, .dim, right: true)
        }
        return row.line(width: width)
    }

    /// The name as drawn and the character offsets a search matched in it. When the search
    /// matched the email or phone instead, that field follows the name and is marked.
    /// The name gives up columns (down to half the field) so that the matched text shows.
    static func nameField(_ contact: Contact, search: String, glyphs: Glyphs, width: Int = .max) -> (String, Set<Int>) {
        let name = Sanitizer.field(contact.name)
        let shown = name.isEmpty ? fallbackName(contact) : name
        guard !search.isEmpty else { return (shown, []) }
        let inName = MatchHighlight.offsets(of: search, in: shown)
        if !inName.isEmpty { return (shown, inName) }
        for field in [contact.email, contact.phoneNumber] {
            let text = Sanitizer.field(field)
            let found = MatchHighlight.offsets(of: search, in: text)
            guard !found.isEmpty, text != shown else { continue }
            var name = shown
            let needed = TextWidth.width(of: shown) + 2 + TextWidth.width(of: text)
            if width != .max, needed > width {
                let room = max(width / 2, width - 2 - TextWidth.width(of: text))
                name = TextWidth.truncate(shown, to: room, ellipsis: glyphs.ellipsis)
            }
            let prefix = name + BidiIsolation.suffix(for: name) + "  "
            let shift = prefix.count
            return (prefix + text, Set(found.map { $0 + shift }))
        }
        return (shown, [])
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
            let text = Sanitizer.field(candidate)
            if !text.isEmpty { return text }
        }
        return "(no name)"
    }

    /// Short labels for the channels Chatzy knows; others are shown (sanitized) by name.
    static let channelLabels = ["whatsapp": "wa", "instagram": "ig", "messenger": "fb", "website": "web", "web": "web"]

    static func channels(_ list: [String], glyphs: Glyphs) -> String {
        if list.isEmpty { return glyphs.none }
        return list.map { channelLabels[$0.lowercased()] ?? Sanitizer.clean(String($0.prefix(8))) }.joined(separator: " ")
    }
}
