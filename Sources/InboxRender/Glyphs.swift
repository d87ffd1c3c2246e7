/// The few non-letter symbols the inbox draws, in Unicode or in plain ASCII for terminals
/// whose locale is not UTF-8.
public struct Glyphs: Equatable, Sendable {
    /// Ends a truncated text.
    public var ellipsis: String
    /// Marks a live conversation.
    public var live: String
    /// Stands for a missing value.
    public var none: String
    /// Separates the list from the detail pane.
    public var separator: String
    /// Frames of the waiting spinner.
    public var spinner: [String]

    public static let unicode = Glyphs(
        ellipsis: "…", live: "●", none: "—", separator: "│",
        spinner: ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"])

    public static let ascii = Glyphs(
        ellipsis: "~", live: "*", none: "-", separator: "|", spinner: ["|", "/", "-", "\\"])
}
