/// How `chatzy-inbox list` writes contacts.
public enum ListFormat: String, CaseIterable, Equatable, Sendable {
    /// Aligned columns for people: widths by display width, control characters made visible.
    case table
    /// Tab-separated values with a header row; tabs, line breaks, backslashes and other
    /// control characters escaped as `\t`, `\n`, `\r`, `\\`, `\xHH`.
    case tsv
    /// One JSON array of the contact objects as received, streamed page by page.
    case json
    /// One contact object per line, as received (JSON Lines).
    case jsonl
}
