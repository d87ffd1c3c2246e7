import ChatzyAPI

/// What each tab is called on the tab bar: its title and the number of contacts loaded for
/// it under the search on screen ("50+" while more exist). The renderer draws these labels
/// and a click is matched against the same columns, so the two never disagree.
public enum TabLabels {
    /// The loaded count of a list: "" before its first page, "N+" while more exist.
    public static func count(_ list: ListState?) -> String {
        guard let list, list.hasLoaded else { return "" }
        return list.reachedEnd ? "\(list.rows.count)" : "\(list.rows.count)+"
    }

    /// The labels of every tab, in `ConversationFilter.allCases` order.
    public static func labels(_ state: InboxState) -> [String] {
        ConversationFilter.allCases.map { filter in
            let count = count(state.lists[ListKey(filter: filter, search: state.shownSearch)])
            return count.isEmpty ? filter.title : "\(filter.title) \(count)"
        }
    }

    /// The screen columns each tab's label covers on the tab bar.
    public static func columns(_ state: InboxState) -> [Range<Int>] {
        Layout.tabLabelColumns(titles: labels(state))
    }
}
