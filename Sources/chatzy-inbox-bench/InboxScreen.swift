import Foundation

/// What the bench reads off the inbox's screen, as a person would: the status line
/// (" 3/50+  All …  loading…"), the search line and the list rows. Only what is drawn
/// counts, so the bench keeps working while the inside of the inbox changes.
struct InboxScreen {
    let model: ScreenModel

    init(_ model: ScreenModel) { self.model = model }

    /// The bottom line.
    var status: String { model.line(model.rows - 1) }
    /// The search line (row 1).
    var searchLine: String { model.line(1) }

    /// The position shown on the status line: selected row (from 1), loaded count, and
    /// whether more can be loaded ("50+"). Nil before anything is shown.
    var position: (selected: Int, count: Int, more: Bool)? {
        let text = status.drop { $0 == " " }
        guard let slash = text.firstIndex(of: "/") else { return nil }
        guard let selected = Int(text[..<slash]) else { return nil }
        let rest = text[text.index(after: slash)...]
        let digits = rest.prefix { $0.isNumber }
        guard let count = Int(digits) else { return nil }
        return (selected, count, rest.dropFirst(digits.count).first == "+")
    }

    /// The first page is on screen: a selected row out of a non-empty loaded list.
    var hasRows: Bool { (position?.count ?? 0) > 0 && (position?.selected ?? 0) > 0 }

    /// A request is pending for what is shown, or a search is waiting for its answer.
    var isBusy: Bool { status.contains("loading…") || searchLine.contains("searching…") }

    /// The list shows the answer to `query`: the status line names it (`  /query `, as
    /// StatusLine draws it) and nothing is pending.
    func showsResults(for query: String) -> Bool {
        status.contains("  /\(query) ") && !isBusy
    }

    /// The status line names a search (`  /query`).
    var showsSearch: Bool { status.contains("  /") }

    /// The text of the first list row (to tell a scroll from a move within the view).
    var firstListRow: String { model.line(2) }
}
