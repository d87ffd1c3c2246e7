#if canImport(Glibc)
import Glibc
#endif
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
    /// The terminal's strings: the two parameterized ones as terminfo holds them (for
    /// `tiparm`), the others as their bytes.
    private struct Capabilities {
        var region: UnsafePointer<CChar>
        var address: UnsafePointer<CChar>
        var up: [UInt8]
        var down: [UInt8]
        var save: [UInt8]
        var restore: [UInt8]
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
    mutating func scroll(_ region: Range<Int>, by shift: Int) -> Bool {
        guard shift != 0, let capabilities = resolvedCapabilities() else { return false }
        // Curses' own size, as it is now: the region is reset to all of it.
        let key = Key(top: region.lowerBound, bottom: region.upperBound - 1, shift: shift, screenRows: Int(chz_lines()))
        guard let bytes = sequences[key] ?? Self.sequence(key, capabilities) else { return false }
        if sequences.count > 16 { sequences.removeAll() }
        sequences[key] = bytes
        guard chz_shift_screens(Int32(key.top), Int32(key.bottom), Int32(shift)) != chz_err() else { return false }
        bytes.withUnsafeBufferPointer { chz_emit($0.baseAddress, Int32($0.count)) }
        return true
    }

    /// Sets the terminal's scroll region to the whole screen again, ahead of a repaint. A scroll
    /// sent just before the terminal was resized ends by resetting the region to the old size,
    /// which the resize's repaint would not undo; the repaint after a resize calls this first.
    mutating func resetRegion() {
        guard let capabilities = resolvedCapabilities(),
              let reset = Self.parameterized(capabilities.region, 0, Int(chz_lines()) - 1) else { return }
        let bytes = capabilities.save + reset + capabilities.restore
        bytes.withUnsafeBufferPointer { chz_emit($0.baseAddress, Int32($0.count)) }
    }

    private mutating func resolvedCapabilities() -> Capabilities? {
        if let known = capabilities { return known }
        var found: Capabilities?
        if chz_can_emit() != 0, chz_flag("ndscr") == 0, chz_flag("da") == 0, chz_flag("db") == 0,
           let region = chz_cap("csr"), let address = chz_cap("cup"), let up = Self.bytes("ind"),
           let down = Self.bytes("ri"), let save = Self.bytes("sc"), let restore = Self.bytes("rc") {
            found = Capabilities(region: region, address: address, up: up, down: down, save: save, restore: restore)
        }
        capabilities = .some(found)
        return found
    }

    /// A capability's bytes as terminfo holds them (not decoded: an 8-bit CSI stays one byte),
    /// without delays.
    private static func bytes(_ name: String) -> [UInt8]? {
        chz_cap(name).map { Self.bytes(of: $0) }
    }

    private static func bytes(of string: UnsafePointer<CChar>) -> [UInt8] {
        withoutPadding(Array(UnsafeBufferPointer(start: UnsafeRawPointer(string).assumingMemoryBound(to: UInt8.self), count: strlen(string))))
    }

    private static func parameterized(_ cap: UnsafePointer<CChar>, _ a: Int, _ b: Int) -> [UInt8]? {
        chz_tiparm2(cap, Int32(a), Int32(b)).map { bytes(of: $0) }
    }

    /// Save the cursor, set the region, go to its edge, scroll, reset the region, restore the
    /// cursor; nil when terminfo cannot format a position (the scroll is then declined).
    private static func sequence(_ key: Key, _ caps: Capabilities) -> [UInt8]? {
        guard let region = parameterized(caps.region, key.top, key.bottom),
              let edge = parameterized(caps.address, key.shift > 0 ? key.bottom : key.top, 0),
              let reset = parameterized(caps.region, 0, key.screenRows - 1) else { return nil }
        var bytes = caps.save + region + edge
        for _ in 0..<abs(key.shift) { bytes += key.shift > 0 ? caps.up : caps.down }
        return bytes + reset + caps.restore
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
