extension HelpOverlay {
    /// The conversation view's keys, shown by `?` while a conversation is open.
    static let conversationEntries: [(String, String)] = [
        ("j k ↓ ↑", "scroll one line"),
        ("PgDn PgUp Space b", "scroll one page"),
        ("Ctrl-D Ctrl-U", "scroll half a page"),
        ("g Home", "oldest loaded (loads older)"),
        ("G End", "newest message"),
        ("r", "reload / retry"),
        ("Esc q h ←", "back to the list"),
        ("?", "this help"),
        ("Ctrl-C", "quit"),
    ]
}
