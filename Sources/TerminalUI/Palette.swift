import CNcursesw
import InboxRender

/// Maps screen styles to curses attributes and colour pairs, on the terminal's own
/// background (readable on dark and light themes), or attributes alone without colour.
struct Palette {
    private var table: [Style: (attrs: attr_t, pair: Int16)] = [:]

    init(useColor: Bool) {
        let colored = useColor && has_colors() && start_color() != chz_err()
        if colored { use_default_colors() }
        func pair(_ number: Int16, _ fg: Int16) -> Int16 {
            guard colored else { return 0 }
            init_pair(number, fg, -1)
            return number
        }
        let green = pair(1, Int16(COLOR_GREEN))
        let yellow = pair(2, Int16(COLOR_YELLOW))
        let red = pair(3, Int16(COLOR_RED))
        let cyan = pair(4, Int16(COLOR_CYAN))
        table[.normal] = (chz_a_normal(), 0)
        table[.dim] = (chz_a_dim(), 0)
        table[.selected] = (chz_a_reverse(), 0)
        table[.tabActive] = (chz_a_reverse() | chz_a_bold(), 0)
        table[.tabInactive] = (chz_a_normal(), 0)
        table[.searchPrompt] = (chz_a_bold(), cyan)
        table[.match] = (chz_a_bold() | chz_a_underline(), yellow)
        table[.unread] = (chz_a_bold(), yellow)
        table[.live] = (chz_a_bold(), green)
        table[.statusBar] = (chz_a_reverse(), 0)
        table[.error] = (chz_a_reverse() | chz_a_bold(), red)
        table[.placeholder] = (chz_a_dim(), 0)
        // The conversation view: the contact in the default colour, the AI assistant in cyan,
        // human agents in magenta (bold, so they differ without colour too).
        table[.header] = (chz_a_reverse() | chz_a_bold(), 0)
        table[.divider] = (chz_a_dim(), 0)
        table[.flag] = (chz_a_bold(), yellow)
        table[.roleContact] = (chz_a_normal(), 0)
        table[.roleAssistant] = (chz_a_normal(), cyan)
        table[.roleAgent] = (chz_a_bold(), pair(10, Int16(COLOR_MAGENTA)))
    }

    func look(_ style: Style) -> (attrs: attr_t, pair: Int16) {
        table[style] ?? (chz_a_normal(), 0)
    }
}
