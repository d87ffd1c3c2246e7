/// The screen's fixed rows, shared by the reducer (page sizes, clicks) and the renderer.
public enum Layout {
    /// Row of the tab bar.
    public static let tabBarRow = 0
    /// Row of the search line.
    public static let searchRow = 1
    /// First row of the contact list.
    public static let listTop = 2
    /// Rows that are not the list: tab bar, search line, status line.
    public static let chromeRows = 3

    /// How many contact rows fit on a screen of `rows` lines.
    public static func listHeight(screenRows rows: Int) -> Int { max(0, rows - chromeRows) }

    /// Rows kept visible around the selection when scrolling (vim's `scrolloff`): `wanted`,
    /// as far as a list of `listHeight` rows leaves room for it on both sides.
    public static func scrollMargin(listHeight: Int, wanted: Int) -> Int { max(0, min(wanted, (listHeight - 1) / 2)) }

    /// Rows one notch of the mouse wheel scrolls.
    public static let wheelRows = 3

    /// The tab labels as drawn on the tab bar, with the column each starts at.
    public static func tabLabelColumns(titles: [String]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var col = 1
        for title in titles {
            let width = title.count + 2
            ranges.append(col..<(col + width))
            col += width + 1
        }
        return ranges
    }
}
