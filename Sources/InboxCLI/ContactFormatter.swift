import ChatzyAPI
import Foundation
import InboxRender

/// Turns contacts into the lines of `list`'s formats. Table columns have fixed widths
/// (measured in terminal columns, like the inbox) so that pages streamed one after the
/// other stay aligned.
public struct ContactFormatter: Sendable {
    public var format: ListFormat
    public var timeFormat: TimeFormat
    /// "now" for relative times.
    public var now: Date
    public var timeZone: TimeZone

    public init(format: ListFormat, timeFormat: TimeFormat = .iso, now: Date = Date(), timeZone: TimeZone = .current) {
        self.format = format
        self.timeFormat = timeFormat
        self.now = now
        self.timeZone = timeZone
    }

    /// A table column: its title, width and alignment.
    struct Column {
        var title: String
        var width: Int
        var rightAligned = false
    }

    var columns: [Column] {
        let timeWidth: Int
        switch timeFormat {
        case .iso: timeWidth = 20
        case .local: timeWidth = 16
        case .relative: timeWidth = 10
        }
        return [
            Column(title: "UNREAD", width: 6, rightAligned: true),
            Column(title: "NAME", width: 24),
            Column(title: "PHONE", width: 16),
            Column(title: "EMAIL", width: 28),
            Column(title: "CHANNELS", width: 18),
            Column(title: "STATUS", width: 8),
            Column(title: "ASSIGNED", width: 16),
            Column(title: "LATEST", width: timeWidth),
        ]
    }

    /// The header line (with its newline), or nil for formats without one.
    public func header() -> String? {
        switch format {
        case .table: return tableLine(columns.map(\.title))
        case .tsv:
            return ["contact_id", "name", "phone_number", "email", "channels", "conversation_status",
                    "assigned_to", "unread_message_count", "latest_message_time"].joined(separator: "\t") + "\n"
        case .json, .jsonl: return nil
        }
    }

    /// One contact's line for `table` and `tsv` (with its newline).
    public func line(_ contact: Contact) -> String {
        switch format {
        case .table:
            return tableLine([
                unread(contact.unreadCount), dash(contact.name), dash(contact.phoneNumber), dash(contact.email),
                dash(contact.channels.joined(separator: ",")),
                dash(contact.conversationStatus), dash(contact.assignedTo), time(contact.latestMessageTime),
            ])
        case .tsv, .json, .jsonl:
            let unread: String
            switch contact.unreadCount {
            case .count(let n): unread = String(n)
            case .unreadable(let text): unread = text
            case .missing: unread = ""
            }
            return [contact.id, contact.name ?? "", contact.phoneNumber ?? "", contact.email ?? "",
                    contact.channels.joined(separator: ","), contact.conversationStatus ?? "", contact.assignedTo ?? "",
                    unread, contact.latestMessageTime.map(WireDate.format) ?? ""]
                .map(Self.tsvEscape).joined(separator: "\t") + "\n"
        }
    }

    /// The text, or "—" when it is missing or empty (as the inbox shows it).
    func dash(_ text: String?) -> String {
        guard let text, !text.isEmpty else { return "—" }
        return text
    }

    func unread(_ count: UnreadCount) -> String {
        switch count {
        case .count(let n): return n == 0 ? "" : String(n)
        case .unreadable: return "?"
        case .missing: return ""
        }
    }

    func time(_ date: Date?) -> String {
        guard let date else { return "—" }
        switch timeFormat {
        case .iso: return WireDate.format(date)
        case .relative: return RelativeTime.format(date, now: now)
        case .local:
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = timeZone
            formatter.dateFormat = "yyyy-MM-dd HH:mm"
            return formatter.string(from: date)
        }
    }

    /// Cells cut or padded to their column's display width, two spaces apart; the last
    /// column is not padded (no trailing spaces).
    func tableLine(_ cells: [String]) -> String {
        var out = ""
        for (index, (cell, column)) in zip(cells, columns).enumerated() {
            let text = TextWidth.asDrawn(VisibleText.make(cell))
            let last = index == columns.count - 1
            if index > 0 { out += "  " }
            if column.rightAligned {
                out += TextWidth.fitRight(text, to: column.width)
            } else if last {
                out += TextWidth.truncate(text, to: column.width)
            } else {
                out += TextWidth.fit(text, to: column.width)
            }
        }
        return out + "\n"
    }

    /// A TSV field: backslash, tab, CR and LF escaped as `\\`, `\t`, `\r`, `\n`; other
    /// control characters as `\xHH` (C0, DEL) or `\u00HH` (C1).
    public static func tsvEscape(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0 == "\\" || VisibleText.needsEscape($0) && $0.value < 0x100 }) else {
            return text
        }
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x5C: out += "\\\\"
            case 0x09: out += "\\t"
            case 0x0A: out += "\\n"
            case 0x0D: out += "\\r"
            case 0x00..<0x20, 0x7F: out += "\\x" + VisibleText.hex(scalar.value, digits: 2)
            case 0x80..<0xA0: out += "\\u" + VisibleText.hex(scalar.value, digits: 4)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
