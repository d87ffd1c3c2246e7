/// Breaks a message's text into screen lines of at most a given width. The conversation view
/// needs line counts in the reducer (to scroll and to know when the top is near) and the
/// lines themselves in the renderer; both call the same wrapper, so they always agree.
/// InboxRender supplies the real one (sanitized, by display width); the default counts one
/// column per character, which is what reducer tests need.
public struct TextWrapper: Equatable, Sendable {
    /// Names the wrapper: two wrappers are equal when their names are.
    public let name: String
    /// The lines of `text` at `width` columns (at least one line, even for empty text).
    public let wrap: @Sendable (_ text: String, _ width: Int) -> [String]

    public init(name: String, wrap: @escaping @Sendable (_ text: String, _ width: Int) -> [String]) {
        self.name = name
        self.wrap = wrap
    }

    public static func == (a: TextWrapper, b: TextWrapper) -> Bool { a.name == b.name }

    /// One column per character; breaks at line feeds and hard at `width`.
    public static let plain = TextWrapper(name: "plain") { text, width in
        let width = max(1, width)
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var rest = Substring(paragraph)
            repeat {
                lines.append(String(rest.prefix(width)))
                rest = rest.dropFirst(width)
            } while !rest.isEmpty
        }
        return lines.isEmpty ? [""] : lines
    }
}
