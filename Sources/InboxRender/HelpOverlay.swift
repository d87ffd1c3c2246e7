/// The `?` overlay: every key, drawn over the list.
enum HelpOverlay {
    static let entries: [(String, String)] = [
        ("j k ↓ ↑", "move one row"),
        ("PgDn PgUp Space b", "move one page"),
        ("Ctrl-D Ctrl-U", "move half a page"),
        ("g G Home End", "first / last row"),
        ("1 2 3", "All / Unread / Live"),
        ("Tab S-Tab h l ← →", "next / previous tab"),
        ("/", "search (Enter keeps, Esc clears)"),
        ("r", "refresh / retry"),
        ("Esc", "clear the search"),
        ("Enter", "open the conversation"),
        ("?", "this help"),
        ("q Ctrl-C", "quit"),
    ]

    static func apply(to lines: [ScreenLine], width: Int, entries: [(String, String)] = entries) -> [ScreenLine] {
        var out = lines
        let boxWidth = min(width - 2, 50)
        guard boxWidth >= 20 else { return out }
        let left = max(0, (width - boxWidth) / 2)
        var box: [String] = ["Keys"]
        for (keys, meaning) in entries {
            box.append(TextWidth.fit(keys, to: 19) + " " + meaning)
        }
        box.append("any key closes this help")
        for (i, text) in box.enumerated() {
            let row = 2 + i
            guard row < out.count - 1 else { break }
            let content = " " + TextWidth.fit(text, to: boxWidth - 2) + " "
            var spans = [Span(String(repeating: " ", count: left))]
            spans.append(Span(content, i == 0 ? .tabActive : .statusBar))
            let rest = width - left - boxWidth
            if rest > 0 { spans.append(Span(String(repeating: " ", count: rest))) }
            out[row] = ScreenLine(spans)
        }
        return out
    }
}
