import ChatzyAPI
import InboxCore

/// The top row: the tabs with their loaded counts at the columns `TabLabels` gives (which
/// is where a click lands), the active one highlighted, and the name of the program.
enum TabBar {
    static func line(_ state: InboxState, width: Int, glyphs: Glyphs) -> ScreenLine {
        var row = LineBuilder(glyphs: glyphs)
        let labels = TabLabels.labels(state)
        let columns = Layout.tabLabelColumns(titles: labels)
        for (index, filter) in ConversationFilter.allCases.enumerated() {
            row.add(TextWidth.spaces(max(0, columns[index].lowerBound - row.used)))
            row.add(" \(labels[index]) ", filter == state.filter ? .tabActive : .tabInactive)
        }
        let title = "chatzy-inbox "
        if row.used + title.count + 2 <= width {
            row.add(TextWidth.spaces(width - row.used - title.count))
            row.add(title, .dim)
        }
        return row.line(width: width)
    }
}
