/// A key press or mouse event, decoded from the terminal by TerminalUI and interpreted by
/// the reducer. Plain data so that keymaps are tested without a terminal.
public enum Key: Equatable, Hashable, Sendable {
    case char(Character)
    /// Ctrl plus a letter, lower-case (`.ctrl("d")` is Ctrl-D).
    case ctrl(Character)
    case up, down, left, right
    case pageUp, pageDown, home, end
    case enter, escape, backspace, delete, tab, backTab
    /// A click at a screen cell (0-based).
    case click(row: Int, col: Int)
    case wheelUp, wheelDown
}
