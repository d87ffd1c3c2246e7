#if canImport(Glibc)
import Glibc
#endif

/// A small VT100/xterm screen: enough of what ncurses sends for `TERM=xterm-256color`
/// (cursor addressing, erase, insert/delete of characters and lines, scroll regions,
/// repeat, autowrap, UTF-8 with wide characters, SGR reverse video) to read the screen
/// back as text after every chunk of output. Colours, charsets and modes are parsed and
/// ignored. The bench reads what a person would see — the status line, the list rows —
/// instead of trusting anything inside the process.
struct ScreenModel {
    /// One cell: its text (a character plus any combining marks) and whether it is drawn
    /// in reverse video. The right half of a wide character holds "".
    struct Cell: Equatable {
        var text = " "
        var reverse = false
    }

    let rows: Int
    let cols: Int
    private(set) var cells: [[Cell]]
    private(set) var row = 0
    private(set) var col = 0
    private var wrapPending = false
    private var scrollTop = 0
    private var scrollBottom: Int
    private var reverse = false
    private var insertMode = false
    private var saved = (row: 0, col: 0)
    private var lastPrinted: String?

    private enum State { case ground, escape, csi, string, stringEscape, charset }
    private var state = State.ground
    private var sequence: [UInt8] = []
    private var utf8: [UInt8] = []
    private var utf8Needed = 0

    init(rows: Int, cols: Int) {
        self.rows = rows
        self.cols = cols
        scrollBottom = rows - 1
        cells = Array(repeating: Array(repeating: Cell(), count: cols), count: rows)
    }

    /// The text of row `index`, wide characters once, trailing spaces kept.
    func line(_ index: Int) -> String {
        guard index >= 0, index < rows else { return "" }
        return cells[index].map(\.text).joined()
    }

    /// The whole screen as text, one line per row.
    var text: String { (0..<rows).map(line).joined(separator: "\n") }

    mutating func feed<Bytes: Sequence<UInt8>>(_ bytes: Bytes) {
        for byte in bytes { step(byte) }
    }

    // MARK: - Parsing

    private mutating func step(_ byte: UInt8) {
        switch state {
        case .ground: ground(byte)
        case .escape: escape(byte)
        case .csi:
            if (0x40...0x7E).contains(byte) {
                csi(final: byte)
                state = .ground
            } else if byte == 0x1B {
                state = .escape
            } else if byte < 0x20 {
                control(byte)
            } else {
                sequence.append(byte)
            }
        case .string:
            if byte == 0x07 { state = .ground } else if byte == 0x1B { state = .stringEscape }
        case .stringEscape:
            state = byte == UInt8(ascii: "\\") ? .ground : .string
        case .charset:
            state = .ground
        }
    }

    private mutating func ground(_ byte: UInt8) {
        if utf8Needed > 0 {
            if byte & 0xC0 == 0x80 {
                utf8.append(byte)
                utf8Needed -= 1
                if utf8Needed == 0 { printScalar(decodeUTF8(utf8)) }
                return
            }
            utf8Needed = 0
            printScalar(0xFFFD)
        }
        switch byte {
        case 0x1B: state = .escape
        case 0x00..<0x20, 0x7F: control(byte)
        case 0x20..<0x80: printScalar(UInt32(byte))
        case 0xC0..<0xE0: startUTF8(byte, needing: 1)
        case 0xE0..<0xF0: startUTF8(byte, needing: 2)
        case 0xF0..<0xF8: startUTF8(byte, needing: 3)
        default: printScalar(0xFFFD)
        }
    }

    private mutating func startUTF8(_ byte: UInt8, needing: Int) {
        utf8 = [byte]
        utf8Needed = needing
    }

    private func decodeUTF8(_ bytes: [UInt8]) -> UInt32 {
        var value = UInt32(bytes[0]) & (bytes.count == 2 ? 0x1F : bytes.count == 3 ? 0x0F : 0x07)
        for byte in bytes.dropFirst() { value = value << 6 | UInt32(byte & 0x3F) }
        return value
    }

    private mutating func escape(_ byte: UInt8) {
        state = .ground
        switch byte {
        case UInt8(ascii: "["): sequence = []; state = .csi
        case UInt8(ascii: "]"), UInt8(ascii: "P"), UInt8(ascii: "_"), UInt8(ascii: "^"): state = .string
        case UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "*"), UInt8(ascii: "+"): state = .charset
        case UInt8(ascii: "M"): reverseIndex()
        case UInt8(ascii: "D"): index()
        case UInt8(ascii: "E"): col = 0; wrapPending = false; index()
        case UInt8(ascii: "7"): saved = (row, col)
        case UInt8(ascii: "8"): (row, col) = saved; wrapPending = false
        case UInt8(ascii: "c"): self = ScreenModel(rows: rows, cols: cols)
        default: break
        }
    }

    private mutating func control(_ byte: UInt8) {
        switch byte {
        case 0x08: if col > 0 { col -= 1 }; wrapPending = false
        case 0x09: col = min(cols - 1, (col / 8 + 1) * 8); wrapPending = false
        case 0x0A, 0x0B, 0x0C: index()
        case 0x0D: col = 0; wrapPending = false
        default: break
        }
    }

    private mutating func csi(final: UInt8) {
        let isPrivate = sequence.first.map { $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: ">") || $0 == UInt8(ascii: "=") } ?? false
        let body = String(decoding: sequence.filter { (0x30...0x3B).contains($0) }, as: UTF8.self)
        let params = body.split(separator: ";", omittingEmptySubsequences: false).map { Int($0.split(separator: ":").first ?? "") }
        func param(_ i: Int, _ fallback: Int) -> Int {
            guard i < params.count, let value = params[i], value != 0 else { return fallback }
            return value
        }
        if isPrivate { return }
        let n = param(0, 1)
        switch final {
        case UInt8(ascii: "H"), UInt8(ascii: "f"): moveTo(row: param(0, 1) - 1, col: param(1, 1) - 1)
        case UInt8(ascii: "A"): moveTo(row: max(row - n, row >= scrollTop ? scrollTop : 0), col: col)
        case UInt8(ascii: "B"): moveTo(row: min(row + n, row <= scrollBottom ? scrollBottom : rows - 1), col: col)
        case UInt8(ascii: "C"): moveTo(row: row, col: col + n)
        case UInt8(ascii: "D"): moveTo(row: row, col: col - n)
        case UInt8(ascii: "G"), UInt8(ascii: "`"): moveTo(row: row, col: n - 1)
        case UInt8(ascii: "d"): moveTo(row: n - 1, col: col)
        case UInt8(ascii: "J"): eraseDisplay(params.first.flatMap { $0 } ?? 0)
        case UInt8(ascii: "K"): eraseLine(params.first.flatMap { $0 } ?? 0)
        case UInt8(ascii: "X"): blank(row: row, from: col, to: min(cols, col + n))
        case UInt8(ascii: "@"): insertCells(n)
        case UInt8(ascii: "P"): deleteCells(n)
        case UInt8(ascii: "L"): if (scrollTop...scrollBottom).contains(row) { scrollDown(n, from: row) }
        case UInt8(ascii: "M"): if (scrollTop...scrollBottom).contains(row) { scrollUp(n, from: row) }
        case UInt8(ascii: "S"): scrollUp(n, from: scrollTop)
        case UInt8(ascii: "T"): scrollDown(n, from: scrollTop)
        case UInt8(ascii: "b"): if let last = lastPrinted { for _ in 0..<min(n, rows * cols) { put(last, width: width(of: last)) } }
        case UInt8(ascii: "r"):
            let top = param(0, 1) - 1, bottom = param(1, rows) - 1
            if top < bottom, bottom < rows { scrollTop = top; scrollBottom = bottom }
            moveTo(row: 0, col: 0)
        case UInt8(ascii: "m"): sgr(params)
        case UInt8(ascii: "h"): if params.contains(where: { $0 == 4 }) { insertMode = true }
        case UInt8(ascii: "l"): if params.contains(where: { $0 == 4 }) { insertMode = false }
        case UInt8(ascii: "s"): saved = (row, col)
        case UInt8(ascii: "u"): (row, col) = saved; wrapPending = false
        default: break
        }
    }

    private mutating func sgr(_ params: [Int?]) {
        if params.isEmpty { reverse = false; return }
        var i = 0
        while i < params.count {
            switch params[i] ?? 0 {
            case 0: reverse = false
            case 7: reverse = true
            case 27: reverse = false
            case 38, 48: i += (i + 1 < params.count && params[i + 1] == 5) ? 2 : 4
            default: break
            }
            i += 1
        }
    }

    // MARK: - Drawing

    private func width(of text: String) -> Int {
        guard let scalar = text.unicodeScalars.first else { return 1 }
        return max(1, CharWidth.of(scalar))
    }

    private mutating func printScalar(_ value: UInt32) {
        let scalar = Unicode.Scalar(value) ?? "\u{FFFD}"
        let w = CharWidth.of(scalar)
        if w == 0 {
            // A combining mark or a joiner: it belongs to the character before the cursor.
            var r = row, c = wrapPending ? col : col - 1
            if c < 0 { return }
            while c > 0 && cells[r][c].text.isEmpty { c -= 1 }
            if r < 0 { r = 0 }
            cells[r][c].text.unicodeScalars.append(scalar)
            lastPrinted = cells[r][c].text
            return
        }
        put(String(scalar), width: w)
    }

    private mutating func put(_ text: String, width: Int) {
        if wrapPending || col + width > cols {
            col = 0
            index()
            wrapPending = false
        }
        if insertMode { insertCells(width) }
        clearWide(at: row, col)
        if width == 2 { clearWide(at: row, col + 1) }
        cells[row][col] = Cell(text: text, reverse: reverse)
        if width == 2 { cells[row][col + 1] = Cell(text: "", reverse: reverse) }
        lastPrinted = text
        if col + width >= cols {
            col = cols - 1
            wrapPending = true
        } else {
            col += width
        }
    }

    /// Overwriting half of a wide character blanks its other half.
    private mutating func clearWide(at r: Int, _ c: Int) {
        guard c < cols else { return }
        if cells[r][c].text.isEmpty, c > 0 { cells[r][c - 1].text = " " }
        if c + 1 < cols, cells[r][c + 1].text.isEmpty { cells[r][c + 1].text = " " }
    }

    private mutating func moveTo(row r: Int, col c: Int) {
        row = min(max(r, 0), rows - 1)
        col = min(max(c, 0), cols - 1)
        wrapPending = false
    }

    private mutating func index() {
        if row == scrollBottom { scrollUp(1, from: scrollTop) } else if row < rows - 1 { row += 1 }
    }

    private mutating func reverseIndex() {
        if row == scrollTop { scrollDown(1, from: scrollTop) } else if row > 0 { row -= 1 }
    }

    private var blankRow: [Cell] { Array(repeating: Cell(), count: cols) }

    private mutating func scrollUp(_ n: Int, from top: Int) {
        let count = min(n, scrollBottom - top + 1)
        guard count > 0 else { return }
        cells.removeSubrange(top..<(top + count))
        cells.insert(contentsOf: Array(repeating: blankRow, count: count), at: scrollBottom - count + 1)
    }

    private mutating func scrollDown(_ n: Int, from top: Int) {
        let count = min(n, scrollBottom - top + 1)
        guard count > 0 else { return }
        cells.removeSubrange((scrollBottom - count + 1)...scrollBottom)
        cells.insert(contentsOf: Array(repeating: blankRow, count: count), at: top)
    }

    private mutating func blank(row r: Int, from start: Int, to end: Int) {
        guard start < end else { return }
        for c in start..<end { cells[r][c] = Cell() }
        if start > 0, cells[r][start].text.isEmpty { cells[r][start - 1].text = " " }
    }

    private mutating func eraseLine(_ mode: Int) {
        switch mode {
        case 0: blank(row: row, from: col, to: cols)
        case 1: blank(row: row, from: 0, to: col + 1)
        default: blank(row: row, from: 0, to: cols)
        }
        wrapPending = false
    }

    private mutating func eraseDisplay(_ mode: Int) {
        switch mode {
        case 0:
            eraseLine(0)
            for r in (row + 1)..<max(row + 1, rows) { cells[r] = blankRow }
        case 1:
            eraseLine(1)
            for r in 0..<row { cells[r] = blankRow }
        default:
            cells = Array(repeating: blankRow, count: rows)
        }
    }

    private mutating func insertCells(_ n: Int) {
        let count = min(n, cols - col)
        cells[row].removeLast(count)
        cells[row].insert(contentsOf: Array(repeating: Cell(), count: count), at: col)
    }

    private mutating func deleteCells(_ n: Int) {
        let count = min(n, cols - col)
        cells[row].removeSubrange(col..<(col + count))
        cells[row].append(contentsOf: Array(repeating: Cell(), count: count))
    }
}
