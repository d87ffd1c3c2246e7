import ChatzyAPI
import Foundation
import InboxCore

/// WhatsApp allows free-form replies only within 24 hours of the contact's last message.
/// Worked out from the loaded messages; the newest are always loaded first.
public enum ReplyWindow: Equatable, Sendable {
    /// Open for this many more seconds.
    case open(remaining: TimeInterval)
    /// Closed this many seconds ago; nil when no contact message on WhatsApp is loaded and
    /// the loaded history already reaches back past 24 hours (or to its start).
    case closed(ago: TimeInterval?)
    /// Not known until the first page arrives.
    case unknown

    public static let length: TimeInterval = 24 * 3600

    /// The window of `view`'s contact, or nil when the contact is not on WhatsApp.
    public static func of(_ view: ConversationState, now: Date) -> ReplyWindow? {
        let whatsapp = { (s: String?) in s?.lowercased() == "whatsapp" }
        let onWhatsApp = view.contact.channels.contains(where: whatsapp)
            || view.conversations.contains { whatsapp($0.type) }
        guard onWhatsApp else { return nil }
        guard view.hasLoaded else { return .unknown }
        let types = Dictionary(view.conversations.map { ($0.id, $0.type) }, uniquingKeysWith: { a, _ in a })
        let last = view.entries.last { entry in
            MessageRole(wire: entry.message.role) == .contact && entry.message.createdAt != nil
                && (whatsapp(types[entry.conversationID] ?? nil) || entry.message.deliveries.contains { whatsapp($0.channel) })
        }
        if let sent = last?.message.createdAt {
            let closes = sent.addingTimeInterval(length)
            return closes > now ? .open(remaining: closes.timeIntervalSince(now)) : .closed(ago: now.timeIntervalSince(closes))
        }
        let oldest = view.entries.first?.message.createdAt
        if view.reachedStart || (oldest.map { now.timeIntervalSince($0) >= length } ?? false) { return .closed(ago: nil) }
        return .unknown
    }

    /// "21h 14m", "35m", "2d 3h": a duration to the minute.
    public static func duration(_ seconds: TimeInterval) -> String {
        let minutes = max(0, Int(seconds / 60))
        if minutes < 60 { return "\(minutes)m" }
        let hours = minutes / 60
        if hours < 24 { return "\(hours)h \(minutes % 60)m" }
        return "\(hours / 24)d \(hours % 24)h"
    }

    /// The text for the header's rule.
    var text: String {
        switch self {
        case .open(let remaining): return "WhatsApp: free-form replies open for \(Self.duration(remaining)) more"
        case .closed(let ago?): return "WhatsApp: 24-hour reply window closed \(Self.duration(ago)) ago (templates only)"
        case .closed(nil): return "WhatsApp: 24-hour reply window closed (templates only)"
        case .unknown: return "WhatsApp: reply window not known yet"
        }
    }

    var style: Style {
        switch self {
        case .open: return .live
        case .closed: return .flag
        case .unknown: return .dim
        }
    }
}
