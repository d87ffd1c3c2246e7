/// What a screen cell range looks like; TerminalUI maps each to colours and attributes.
public enum Style: Equatable, Hashable, Sendable {
    case normal
    case dim
    case selected
    case tabActive
    case tabInactive
    case searchPrompt
    case match
    case unread
    case live
    case statusBar
    case error
    case placeholder
    /// A search match inside the selected row.
    case selectedMatch
    /// The line between the list and the detail pane.
    case border
    /// A field name in the detail pane.
    case label
    /// Conversation view: the header bar, conversation dividers, flags (blacklisted, frozen,
    /// a closed reply window) and the three message roles.
    case header, divider, flag, roleContact, roleAssistant, roleAgent
}

/// A run of text in one style.
public struct Span: Equatable, Sendable {
    public var text: String
    public var style: Style

    public init(_ text: String, _ style: Style = .normal) {
        self.text = text
        self.style = style
    }

    /// Spans are equal when their styles and their bytes are: the same bytes draw the same
    /// cells. (String's `==` is canonical equivalence, which for unequal non-ASCII text means
    /// normalizing both; the presenter compares many rows that differ, every frame.)
    public static func == (a: Span, b: Span) -> Bool {
        a.style == b.style && Self.sameBytes(a.text, b.text)
    }

    static func sameBytes(_ a: String, _ b: String) -> Bool {
        let x = a.utf8, y = b.utf8
        guard x.count == y.count else { return false }
        let compared = x.withContiguousStorageIfAvailable { p in
            y.withContiguousStorageIfAvailable { q in p.elementsEqual(q) }
        }
        return (compared ?? nil) ?? x.elementsEqual(y)
    }
}

/// One screen row: spans whose widths add up to at most the screen's width.
public struct ScreenLine: Equatable, Sendable {
    public var spans: [Span]

    public init(_ spans: [Span] = []) { self.spans = spans }

    /// The row as plain text, as a person would read it.
    public var text: String { spans.map(\.text).joined() }
}

/// A whole frame: what the presenter draws.
public struct Screen: Equatable, Sendable {
    public var rows: Int
    public var cols: Int
    public var lines: [ScreenLine]
    /// Where to put the visible cursor (the search line), or nil to hide it.
    public var cursor: (row: Int, col: Int)?
    /// Rows whose lines move together when the list scrolls: the presenter may shift them
    /// on the terminal instead of writing them again. Not part of what the frame shows.
    public var scrollRegion: Range<Int>?

    public init(rows: Int, cols: Int, lines: [ScreenLine], cursor: (row: Int, col: Int)? = nil,
                scrollRegion: Range<Int>? = nil) {
        self.rows = rows
        self.cols = cols
        self.lines = lines
        self.cursor = cursor
        self.scrollRegion = scrollRegion
    }

    public static func == (a: Screen, b: Screen) -> Bool {
        a.rows == b.rows && a.cols == b.cols && a.lines == b.lines && a.cursor?.row == b.cursor?.row && a.cursor?.col == b.cursor?.col
    }

    /// The frame as text lines (for golden tests).
    public var text: [String] { lines.map(\.text) }
}
