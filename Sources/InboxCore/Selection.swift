/// Selection and viewport movement within one list.
extension ListState {
    /// Moves the selection by `delta` rows, clamped to the loaded rows.
    mutating func move(by delta: Int, height: Int) {
        guard !rows.isEmpty else { return }
        select(selected + delta, height: height)
    }

    /// Selects row `index` (clamped) and scrolls it into view.
    mutating func select(_ index: Int, height: Int) {
        guard !rows.isEmpty else { return }
        selected = min(max(index, 0), rows.count - 1)
        selectedID = rows[selected].id
        scrollIntoView(height: height)
    }

    /// Adjusts `top` so that the selection is visible with a margin around it.
    mutating func scrollIntoView(height: Int) {
        guard height > 0 else { top = 0; return }
        let margin = Layout.scrollMargin(listHeight: height)
        if selected - margin < top { top = selected - margin }
        if selected + margin >= top + height { top = selected + margin - height + 1 }
        let maxTop = max(0, rows.count - height)
        top = min(max(top, 0), maxTop)
    }
}
