/// The `?` overlay: every key and mouse action in a framed box over the list. On a small
/// screen it shows as many lines as fit.
enum HelpOverlay {
    static let entries: [(String, String)] = [
        ("j k ↓ ↑", "move one row"),
        ("PgDn PgUp Space b", "move one page"),
        ("Ctrl-D Ctrl-U", "move half a page"),
        ("g G Home End", "first / last row"),
        ("1 2 3", "All / Unread / Live"),
        ("Tab S-Tab l h → ←", "next / previous tab"),
        ("/", "search as you type"),
        ("  ← → Ctrl-A Ctrl-E", "move in the query"),
        ("  Bksp Del", "delete before / under the cursor"),
        ("  Ctrl-W Ctrl-U", "delete word / to start"),
        ("  Enter", "back to the list, keep the query"),
        ("Esc", "clear the search"),
        ("Enter", "open the conversation"),
        ("r", "refresh, or retry after an error"),
        ("wheel / click", "scroll / select a row or tab"),
        ("Ctrl-L", "redraw the screen"),
        ("Ctrl-Z", "suspend (fg comes back)"),
        ("?", "this help"),
        ("q Ctrl-C", "quit"),
    ]

    static func apply(to lines: [ScreenLine], width: Int, glyphs: Glyphs, entries: [(String, String)] = entries) -> [ScreenLine] {
        var out = lines
        let boxWidth = min(width - 2, 56)
        guard boxWidth >= 20, out.count >= 5 else { return out }
        let left = max(0, (width - boxWidth) / 2)
        let keyWidth = min(21, boxWidth / 2)
        var box: [(String, Style)] = [("Keys", .tabActive)]
        for (keys, meaning) in entries {
            box.append((TextWidth.fit(keys, to: keyWidth, ellipsis: glyphs.ellipsis) + " " + meaning, .statusBar))
        }
        box.append(("any key closes this help", .tabActive))
        let firstRow = 1
        let room = out.count - 1 - firstRow
        if box.count > room {
            // Keep the title and the closing hint; drop key lines from the end.
            let keep = max(0, room - 2)
            box = [box[0]] + box[1..<(1 + min(keep, box.count - 2))] + [box[box.count - 1]]
        }
        for (i, entry) in box.prefix(room).enumerated() {
            var row = LineBuilder(glyphs: glyphs)
            row.add(TextWidth.spaces(left))
            row.field(" " + entry.0, width: boxWidth, entry.1)
            out[firstRow + i] = row.line(width: width)
        }
        return out
    }
}
