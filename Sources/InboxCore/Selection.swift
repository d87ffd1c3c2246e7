/// The part of a list on screen: how many rows it shows, and how many it keeps around the
/// selection when scrolling (vim's `scrolloff`; none by default, as in htop, tig and fzf).
public struct ListWindow: Equatable, Sendable {
    public var height: Int
    public var margin: Int

    /// `wantedMargin` is reduced to what `height` leaves room for.
    public init(height: Int, wantedMargin: Int = 0) {
        self.height = height
        margin = Layout.scrollMargin(listHeight: height, wanted: wantedMargin)
    }
}

/// Selection and viewport movement within one list. The viewport keeps the window's margin
/// of rows around the selection.
extension ListState {
    /// Moves the selection by `delta` rows, clamped to the loaded rows.
    mutating func move(by delta: Int, in window: ListWindow) {
        guard !rows.isEmpty else { return }
        select(selected + delta, in: window)
    }

    /// Selects row `index` (clamped to the loaded rows) and scrolls it into view.
    mutating func select(_ index: Int, in window: ListWindow) {
        guard !rows.isEmpty else { return }
        selected = min(max(index, 0), rows.count - 1)
        selectedID = rows.id(at: selected)
        scrollIntoView(in: window)
    }

    /// Scrolls the viewport by `delta` rows (the mouse wheel), dragging the selection along
    /// just enough to keep its margin. When the viewport cannot move (a short list, or its
    /// very top or bottom) the selection moves instead, so the wheel always does something.
    mutating func scroll(by delta: Int, in window: ListWindow) {
        let height = window.height, margin = window.margin
        guard !rows.isEmpty, height > 0 else { return }
        let newTop = Viewport.clampedTop(top + delta, rowCount: rows.count, height: height)
        guard newTop != top else { return move(by: delta, in: window) }
        top = newTop
        let lowest = top == 0 ? 0 : top + margin
        let highest = top + height >= rows.count ? rows.count - 1 : top + height - 1 - margin
        selected = min(max(selected, lowest), max(lowest, highest))
        selectedID = rows.id(at: selected)
    }

    /// Adjusts `top` so that the selection is visible with a margin around it.
    mutating func scrollIntoView(in window: ListWindow) {
        top = Viewport.top(current: top, selected: selected, rowCount: rows.count, window: window)
    }
}

/// The viewport math, as pure functions so that it is table-tested on its own.
public enum Viewport {
    /// The first visible row that keeps row `selected` visible with the window's margin of
    /// rows around it, moving as little as possible from `current`, and never scrolling past
    /// the last row.
    public static func top(current: Int, selected: Int, rowCount: Int, window: ListWindow) -> Int {
        let height = window.height, margin = window.margin
        guard height > 0 else { return 0 }
        var top = current
        if selected - margin < top { top = selected - margin }
        if selected + margin >= top + height { top = selected + margin - height + 1 }
        return clampedTop(top, rowCount: rowCount, height: height)
    }

    /// `top` clamped into `0...max(0, rowCount - height)`.
    public static func clampedTop(_ top: Int, rowCount: Int, height: Int) -> Int {
        min(max(top, 0), max(0, rowCount - height))
    }
}
