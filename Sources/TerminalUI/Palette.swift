import CNcursesw
import InboxRender

/// Maps screen styles to curses attributes and colour pairs.
///
/// Text colours sit on the terminal's own background (`use_default_colors`), so they are
/// chosen to read on dark and light themes alike (green, magenta, mid grey; never yellow or
/// white text). Bars and highlights set both colours. Without colour (a monochrome
/// terminal, `NO_COLOR`, `--no-color`) attributes alone carry the meaning: reverse video,
/// bold, underline.
struct Palette {
    /// How many colours the palette uses.
    enum Depth: Equatable { case monochrome, eight, many }

    private var table: [Style: (attrs: attr_t, pair: Int16)] = [:]
    let depth: Depth

    init(useColor: Bool) {
        var depth = Depth.monochrome
        if useColor, has_colors(), start_color() != chz_err() {
            depth = chz_colors() >= 256 && chz_color_pairs() >= 16 ? .many : .eight
            use_default_colors()
        }
        self.depth = depth
        let bold = chz_a_bold(), reverse = chz_a_reverse(), dim = chz_a_dim(), underline = chz_a_underline()
        var next: Int16 = 1
        func pair(_ fg: Int16, _ bg: Int16) -> Int16 {
            defer { next += 1 }
            init_pair(next, fg, bg)
            return next
        }
        func set(_ style: Style, _ attrs: attr_t, _ pair: Int16 = 0) { table[style] = (attrs, pair) }
        set(.normal, chz_a_normal())
        set(.tabInactive, chz_a_normal())
        switch depth {
        case .monochrome:
            set(.dim, dim)
            set(.selected, reverse)
            set(.selectedMatch, reverse | bold | underline)
            set(.tabActive, reverse | bold)
            set(.searchPrompt, bold)
            set(.match, bold | underline)
            set(.unread, bold)
            set(.live, bold)
            set(.statusBar, reverse)
            set(.error, reverse | bold)
            set(.placeholder, dim)
            set(.border, dim)
            set(.label, bold)
        case .eight:
            let highlight = pair(Int16(COLOR_BLACK), Int16(COLOR_YELLOW))
            let errorPair = pair(Int16(COLOR_WHITE), Int16(COLOR_RED))
            set(.dim, dim)
            set(.selected, reverse)
            set(.selectedMatch, bold, highlight)
            set(.tabActive, reverse | bold)
            set(.searchPrompt, bold, pair(Int16(COLOR_CYAN), -1))
            set(.match, bold, highlight)
            set(.unread, bold, pair(Int16(COLOR_MAGENTA), -1))
            set(.live, bold, pair(Int16(COLOR_GREEN), -1))
            set(.statusBar, reverse)
            set(.error, bold, errorPair)
            set(.placeholder, dim)
            set(.border, dim)
            set(.label, bold)
        case .many:
            // Plain text in an explicit default pair: going back to it from a coloured style
            // then costs one colour change, not a full attribute reset.
            set(.normal, 0, pair(-1, -1))
            set(.tabInactive, 0, pair(-1, -1))
            let grey = pair(244, -1)
            let selection = pair(231, 24)
            let highlight = pair(16, 220)
            set(.dim, 0, grey)
            set(.selected, 0, selection)
            set(.selectedMatch, bold, highlight)
            set(.tabActive, bold, selection)
            set(.searchPrompt, bold, pair(33, -1))
            set(.match, bold, highlight)
            set(.unread, bold, pair(163, -1))
            set(.live, bold, pair(34, -1))
            set(.statusBar, 0, pair(231, 238))
            set(.error, bold, pair(231, 160))
            set(.placeholder, 0, grey)
            set(.border, 0, grey)
            set(.label, 0, grey)
        }
        // The conversation view: the contact in the default colour, the AI assistant and human
        // agents in their own colours, bold for agents so they differ without colour too.
        switch depth {
        case .monochrome:
            set(.header, reverse | bold)
            set(.divider, dim)
            set(.flag, bold | underline)
            set(.roleContact, chz_a_normal())
            set(.roleAssistant, chz_a_normal())
            set(.roleAgent, bold)
        case .eight:
            set(.header, reverse | bold)
            set(.divider, dim)
            set(.flag, bold, pair(Int16(COLOR_RED), -1))
            set(.roleContact, chz_a_normal())
            set(.roleAssistant, 0, pair(Int16(COLOR_CYAN), -1))
            set(.roleAgent, bold, pair(Int16(COLOR_MAGENTA), -1))
        case .many:
            set(.header, bold, pair(231, 24))
            set(.divider, 0, pair(244, -1))
            set(.flag, bold, pair(160, -1))
            set(.roleContact, 0, pair(-1, -1))
            set(.roleAssistant, 0, pair(31, -1))
            set(.roleAgent, bold, pair(127, -1))
        }
    }

    func look(_ style: Style) -> (attrs: attr_t, pair: Int16) {
        table[style] ?? (chz_a_normal(), 0)
    }
}
