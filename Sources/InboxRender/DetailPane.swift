import ChatzyAPI
import Foundation
import InboxCore

/// The right-hand pane on wide terminals: every field of the selected contact, one per
/// line, long values wrapped (the name) or cut with the ellipsis.
enum DetailPane {
    /// Terminals at least this wide show the pane.
    static let minimumScreenWidth = 120

    /// The pane's width on a screen `width` columns wide (0: no pane).
    static func width(screen width: Int) -> Int {
        width >= minimumScreenWidth ? max(38, width * 3 / 10) : 0
    }

    static let labelWidth = 10

    static func lines(_ state: InboxState, width: Int, height: Int, options: RenderOptions) -> [ScreenLine] {
        let g = options.glyphs
        let list = state.shown
        var out: [ScreenLine] = []
        func put(_ label: String, _ value: String, _ style: Style = .normal) {
            var row = LineBuilder(glyphs: g)
            row.add(" ")
            row.field(label, width: Self.labelWidth, .label)
            row.field(value + BidiIsolation.suffix(for: value), width: max(0, width - row.used - 1), style)
            out.append(row.line(width: width))
        }
        guard list.rows.indices.contains(list.selected) else {
            var row = LineBuilder(glyphs: g)
            row.add(" ")
            row.field(list.hasLoaded ? "Nothing selected" : "", width: width - 1, .dim)
            out.append(row.line(width: width))
            return fill(out, width: width, height: height)
        }
        let c = list.rows[list.selected]
        func clean(_ text: String?) -> String {
            let t = Sanitizer.field(text)
            return t.isEmpty ? g.none : t
        }
        let name = clean(c.name)
        let wrapped = wrap(name, width: max(1, width - Self.labelWidth - 2), lines: 3, glyphs: g)
        for (i, part) in wrapped.enumerated() { put(i == 0 ? "Name" : "", part) }
        put("Phone", clean(c.phoneNumber))
        put("Email", clean(c.email))
        let status = clean(c.conversationStatus)
        put("Status", c.isLive ? g.live + " " + status : status, c.isLive ? .live : .normal)
        put("Agent", clean(c.assignedTo))
        switch c.unreadCount {
        case .count(let n): put("Unread", "\(n)", n > 0 ? .unread : .normal)
        case .unreadable(let text): put("Unread", "? (" + Sanitizer.clean(text) + ")")
        case .missing: put("Unread", g.none)
        }
        let channels = c.channels.map { fullChannelName($0) }
        put("Channels", channels.isEmpty ? g.none : channels.joined(separator: ", "))
        if let time = c.latestMessageTime {
            put("Last msg", RelativeTime.format(time, now: options.now) + "  " + timestamp(time))
        } else {
            put("Last msg", g.none)
        }
        put("ID", Sanitizer.clean(c.id), .dim)
        return fill(out, width: width, height: height)
    }

    static func fill(_ lines: [ScreenLine], width: Int, height: Int) -> [ScreenLine] {
        var out = Array(lines.prefix(height))
        while out.count < height { out.append(ScreenLine([Span(TextWidth.spaces(width))])) }
        return out
    }

    /// Splits `text` into at most `lines` pieces of at most `width` columns, the last one
    /// cut with the ellipsis.
    static func wrap(_ text: String, width: Int, lines: Int, glyphs: Glyphs) -> [String] {
        var out: [String] = []
        var rest = Substring(text)
        while !rest.isEmpty, out.count < lines - 1, TextWidth.width(of: rest) > width {
            let piece = TextWidth.prefix(String(rest), columns: width)
            guard piece.count > 0 else { break }
            out.append(piece.text)
            rest = rest.dropFirst(piece.count)
        }
        out.append(TextWidth.truncate(String(rest), to: width, ellipsis: glyphs.ellipsis))
        return out
    }

    static let channelNames = ["whatsapp": "WhatsApp", "instagram": "Instagram", "messenger": "Messenger", "website": "Web widget", "web": "Web widget"]

    static func fullChannelName(_ raw: String) -> String {
        channelNames[raw.lowercased()] ?? Sanitizer.clean(raw)
    }

    static func timestamp(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let p = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(format: "%04d-%02d-%02d %02d:%02d UTC", p.year ?? 0, p.month ?? 0, p.day ?? 0, p.hour ?? 0, p.minute ?? 0)
    }
}
