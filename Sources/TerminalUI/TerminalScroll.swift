import CNcursesw

/// Scrolls rows of the terminal and curses' record of them together, so that curses then
/// deals only with the rows drawn after the scroll.
///
/// Left to itself, curses finds a scroll of stdscr's rows with its hash map and sends it, but
/// it also re-hashes, copies and compares every row of the region, whose cells are all marked
/// changed (about 190,000 instructions for a 21-row list). Here the rows are shifted in
/// stdscr, newscr and curscr alike, untouched, and the terminal is sent the same shift at once:
/// save the cursor, set the scroll region, move to its edge, scroll, reset the region, restore
/// the cursor (so curses' idea of where the cursor is stays true). The bytes go through curses'
/// own output buffer, ahead of the frame's rows and in the same write.
///
/// `scroll` declines (and changes nothing) where this cannot be done exactly: no scroll region
/// or cursor save in the terminal's description, a region that keeps or remembers what
/// scrolls out (`ndscr`, `da`, `db`), or an ncurses without its output function. The caller
/// then scrolls stdscr alone and curses finds the shift, as before.
struct TerminalScroll {
    private struct Capabilities {
        var region: String
        var address: String
        var up: String
        var down: String
        var save: String
        var restore: String
    }

    private struct Key: Hashable {
        var top: Int, bottom: Int, shift: Int, screenRows: Int
    }

    /// nil until first needed (the terminal's description is read once curses has started);
    /// `.some(nil)` when this terminal cannot be scrolled this way.
    private var capabilities: Capabilities??
    /// The bytes of each scroll made so far: a held key makes the same one every frame.
    private var sequences: [Key: [UInt8]] = [:]

    /// Shifts rows `region` of the screen up by `shift` (down when negative) on the terminal
    /// and in curses; false, having done nothing, where that cannot be done exactly.
    mutating func scroll(_ region: Range<Int>, by shift: Int, screenRows: Int) -> Bool {
        guard shift != 0, let capabilities = resolvedCapabilities() else { return false }
        let key = Key(top: region.lowerBound, bottom: region.upperBound - 1, shift: shift, screenRows: screenRows)
        let bytes = sequences[key] ?? Self.sequence(key, capabilities)
        if sequences.count > 16 { sequences.removeAll() }
        sequences[key] = bytes
        guard chz_shift_screens(Int32(key.top), Int32(key.bottom), Int32(shift)) != chz_err() else { return false }
        bytes.withUnsafeBufferPointer { chz_emit($0.baseAddress, Int32($0.count)) }
        return true
    }

    private mutating func resolvedCapabilities() -> Capabilities? {
        if let known = capabilities { return known }
        var found: Capabilities?
        if chz_can_emit() != 0, !chz_flag("ndscr").isSet, !chz_flag("da").isSet, !chz_flag("db").isSet,
           let region = Self.string("csr"), let address = Self.string("cup"), let up = Self.string("ind"),
           let down = Self.string("ri"), let save = Self.string("sc"), let restore = Self.string("rc") {
            found = Capabilities(region: region, address: address, up: up, down: down, save: save, restore: restore)
        }
        capabilities = .some(found)
        return found
    }

    private static func string(_ name: String) -> String? {
        chz_cap(name).map { String(cString: $0) }
    }

    private static func sequence(_ key: Key, _ caps: Capabilities) -> [UInt8] {
        func parameterized(_ cap: String, _ a: Int, _ b: Int) -> String {
            chz_tiparm2(cap, Int32(a), Int32(b)).map { String(cString: $0) } ?? ""
        }
        var text = caps.save + parameterized(caps.region, key.top, key.bottom)
        text += parameterized(caps.address, key.shift > 0 ? key.bottom : key.top, 0)
        text += String(repeating: key.shift > 0 ? caps.up : caps.down, count: abs(key.shift))
        text += parameterized(caps.region, 0, key.screenRows - 1) + caps.restore
        return withoutPadding(Array(text.utf8))
    }

    /// Drops terminfo delays (`$<5>`, `$<2*/>`): terminals that need them are not emulated
    /// anywhere this runs, and curses itself skips them on terminals with flow control.
    static func withoutPadding(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "$"), i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "<"),
               let close = bytes[(i + 2)...].firstIndex(of: UInt8(ascii: ">")),
               bytes[(i + 2)..<close].allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "*") || $0 == UInt8(ascii: "/") }) {
                i = close + 1
                continue
            }
            out.append(bytes[i])
            i += 1
        }
        return out
    }
}

private extension Int32 {
    var isSet: Bool { self != 0 }
}
