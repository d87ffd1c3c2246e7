import ChatzyAPI
import InboxCore

/// The top row: the tabs with their loaded counts at the columns `TabLabels` gives (which
/// is where a click lands), the active one highlighted, and the name of the program.
enum TabBar {
    /// Everything the tab bar is drawn from.
    struct Key: Equatable {
        var labels: [String]
        var filter: ConversationFilter
        var width: Int
        var glyphs: Glyphs
    }

    /// The tab bar, the last frame's when `cache` holds one drawn from the same things.
    static func line(_ state: InboxState, width: Int, glyphs: Glyphs, cache: RowCache? = nil) -> ScreenLine {
        let key = Key(labels: TabLabels.labels(state), filter: state.filter, width: width, glyphs: glyphs)
        if let cached = cache?.tabBar, cached.key == key { return cached.line }
        let line = line(key)
        cache?.tabBar = (key, line)
        return line
    }

    private static func line(_ key: Key) -> ScreenLine {
        let width = key.width, labels = key.labels
        var row = LineBuilder(glyphs: key.glyphs)
        let columns = Layout.tabLabelColumns(titles: labels)
        for (index, filter) in ConversationFilter.allCases.enumerated() {
            row.add(TextWidth.spaces(max(0, columns[index].lowerBound - row.used)))
            row.add(" \(labels[index]) ", filter == key.filter ? .tabActive : .tabInactive)
        }
        let title = "chatzy-inbox "
        if row.used + title.count + 2 <= width {
            row.add(TextWidth.spaces(width - row.used - title.count))
            row.add(title, .dim)
        }
        return row.line(width: width)
    }
}
