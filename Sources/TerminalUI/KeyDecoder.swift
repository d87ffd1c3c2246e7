import CNcursesw
import InboxCore

/// Reads every pending key from ncurses (non-blocking) and turns it into `Key`s.
enum KeyDecoder {
    enum Event: Equatable {
        case key(Key)
        case resize
    }

    /// Drains `get_wch` until it has nothing more.
    static func drain() -> [Event] {
        var events: [Event] = []
        var ch: wint_t = 0
        while true {
            let rc = wget_wch(chz_stdscr(), &ch)
            if rc == chz_err() { break }
            if rc == chz_key_code_yes() {
                if let event = special(Int32(ch)) { events.append(event) }
            } else if let event = character(UInt32(ch)) {
                events.append(event)
            }
            if events.count > 4096 { break }
        }
        return events
    }

    static func character(_ value: UInt32) -> Event? {
        switch value {
        case 0x1B: return .key(.escape)
        case 0x0D, 0x0A: return .key(.enter)
        case 0x09: return .key(.tab)
        case 0x7F, 0x08: return .key(.backspace)
        case 0x17: return .key(.ctrl("w"))
        case 0x01...0x1A:
            return .key(.ctrl(Character(Unicode.Scalar(value + 0x60)!)))
        default:
            guard let scalar = Unicode.Scalar(value), value >= 0x20, value != 0x7F, !(0x80..<0xA0).contains(value) else { return nil }
            return .key(.char(Character(scalar)))
        }
    }

    static func special(_ code: Int32) -> Event? {
        switch code {
        case chz_key_resize(): return .resize
        case KEY_UP: return .key(.up)
        case KEY_DOWN: return .key(.down)
        case KEY_LEFT: return .key(.left)
        case KEY_RIGHT: return .key(.right)
        case KEY_NPAGE: return .key(.pageDown)
        case KEY_PPAGE: return .key(.pageUp)
        case KEY_HOME: return .key(.home)
        case KEY_END: return .key(.end)
        case KEY_ENTER: return .key(.enter)
        case KEY_BACKSPACE: return .key(.backspace)
        case KEY_DC: return .key(.delete)
        case KEY_BTAB: return .key(.backTab)
        case KEY_MOUSE: return mouse()
        default: return nil
        }
    }

    static func mouse() -> Event? {
        var event = MEVENT()
        guard getmouse(&event) != chz_err() else { return nil }
        return mouse(state: event.bstate, row: Int(event.y), col: Int(event.x))
    }

    /// A mouse report: the wheel scrolls, a press or click of the first button selects.
    static func mouse(state: mmask_t, row: Int, col: Int) -> Event? {
        if state & chz_button4_pressed() != 0 { return .key(.wheelUp) }
        if chz_button5_pressed() != 0, state & chz_button5_pressed() != 0 { return .key(.wheelDown) }
        if state & chz_button1_pressed() != 0 { return .key(.click(row: row, col: col)) }
        return nil
    }
}
