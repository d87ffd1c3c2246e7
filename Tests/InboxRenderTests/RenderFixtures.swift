import ChatzyAPI
import Foundation
@testable import InboxCore
@testable import InboxRender

/// A fixed inbox to render: contacts in many scripts, built through the reducer as the app
/// builds it, at a pinned time.
enum RenderFixtures {
    static let now = Date(timeIntervalSince1970: 1_764_064_800) // 2025-11-25 10:00 UTC

    static let names = [
        "Priya Kamau", "विक्रम गुप्ता", "Arjun Kamau 👨‍👩‍👧", "Ségolène Rossi", "Наталья Шевченко", "أحمد الحسن",
        "刘浩然", "Lucía Silva", "Νίκος Παπαδόπουλος", "田中 翔太", "נועה מזרחי", "Liam Dubois 🇯🇵",
        "Zalgo Z̷̢̛̛a̸̧͎l̶̰̈g̵̯̈́o̴̧̍", "\u{1B}[31mRED ALERT\u{1B}[0m", "Olivia Nguyễn",
    ]
    static let statuses = ["open", "live", "closed", "pending", "resolved", "snoozed"]
    static let agents: [String?] = [nil, "Zhang Wei", "Maya (support)", "AI agent", "Tomás", "Flow: onboarding"]
    static let channelSets = [["whatsapp"], ["website", "messenger"], ["whatsapp", "instagram", "messenger", "website"], []]
    static let ages: [TimeInterval] = [20, 300, 3 * 3600, 2 * 86_400, 20 * 86_400, 400 * 86_400]

    static func contact(_ n: Int, prefix: String = "c") -> Contact {
        Contact(
            id: "\(prefix)\(n)",
            name: n % 17 == 16 ? nil : names[n % names.count] + (n >= names.count ? " \(n)" : ""),
            phoneNumber: "+4915\(String(format: "%08d", 1_234_567 + n * 7919))",
            email: n == 4 ? "okamura@example.com" : "person\(n)@example.com",
            conversationStatus: statuses[n % statuses.count],
            assignedTo: agents[n % agents.count],
            unreadCount: n % 5 == 0 ? .count(n * 7 % 130) : (n == 7 ? .unreadable("lots") : .missing),
            latestMessageTime: now.addingTimeInterval(-ages[n % ages.count] - Double(n) * 61),
            channels: channelSets[n % channelSets.count]
        )
    }

    static func page(_ numbers: Range<Int>, prefix: String = "c") -> ContactPage {
        ContactPage(contacts: numbers.map { contact($0, prefix: prefix) })
    }

    /// The first fetch among `effects`.
    static func fetch(_ effects: [Effect]) -> PageRequest? {
        for case .fetch(let request) in effects { return request }
        return nil
    }

    /// All loaded (a full page, more to come), the selection moved down three rows.
    static func allTab(rows: Int, cols: Int) -> InboxState {
        var state = InboxState()
        let request = fetch(reduce(&state, .resize(rows: rows, cols: cols)) + reduce(&state, .start))!
        _ = reduce(&state, .pageLoaded(request, page(0..<request.limit)))
        for _ in 0..<3 { _ = reduce(&state, .key(.char("j"))) }
        return state
    }

    /// Unread: a short, finished list.
    static func unreadTab(rows: Int, cols: Int) -> InboxState {
        var state = allTab(rows: rows, cols: cols)
        let request = fetch(reduce(&state, .key(.char("2"))))!
        let unread = (0..<40).filter { $0 % 5 == 0 && $0 > 0 }.map { contact($0) }
        _ = reduce(&state, .pageLoaded(request, ContactPage(contacts: unread)))
        return state
    }

    /// Live: three contacts, the selection on the last one ("end of list").
    static func liveTab(rows: Int, cols: Int) -> InboxState {
        var state = allTab(rows: rows, cols: cols)
        let request = fetch(reduce(&state, .key(.char("3"))))!
        _ = reduce(&state, .pageLoaded(request, ContactPage(contacts: [1, 7, 13].map { contact($0) })))
        _ = reduce(&state, .key(.char("G")))
        return state
    }

    /// A search for "kam": matches in names and one in an email, the line still focused.
    static func search(rows: Int, cols: Int) -> InboxState {
        var state = allTab(rows: rows, cols: cols)
        _ = reduce(&state, .key(.char("/")))
        for c in "kam" { _ = reduce(&state, .key(.char(c))) }
        let request = fetch(reduce(&state, .searchSettled(revision: state.queryRevision)))!
        let found = [0, 2, 4, 15, 17].map { contact($0) }
        _ = reduce(&state, .pageLoaded(request, ContactPage(contacts: found)))
        _ = reduce(&state, .key(.down))
        return state
    }

    /// The next page failed: the error and its retry key on the status line.
    static func error(rows: Int, cols: Int) -> InboxState {
        var state = allTab(rows: rows, cols: cols)
        var request: PageRequest?
        for _ in 0..<60 where request == nil { request = fetch(reduce(&state, .key(.char("j")))) }
        _ = reduce(&state, .key(.char("G")))
        _ = reduce(&state, .pageFailed(request!, .server(status: 503)))
        return state
    }

    static func help(rows: Int, cols: Int) -> InboxState {
        var state = allTab(rows: rows, cols: cols)
        _ = reduce(&state, .key(.char("?")))
        return state
    }

    /// The first page is on its way and the user has waited long enough for the spinner.
    static func loading(rows: Int, cols: Int) -> InboxState {
        var state = InboxState()
        _ = reduce(&state, .resize(rows: rows, cols: cols))
        _ = reduce(&state, .start)
        return state
    }
}
