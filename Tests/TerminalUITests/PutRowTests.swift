#if canImport(Glibc)
import Glibc
#endif
import CNcursesw
import Testing

/// The shim's `chz_put_row_utf8` turns a row's UTF-8 and its runs into curses' cells: read back
/// from a curses screen (80x24 `xterm-256color`, writing to /dev/null), each cell holds the
/// characters and the look it should.
@Suite(.serialized) struct PutRowTests {
    struct Cell: Equatable, CustomStringConvertible {
        var scalars: [UInt32]
        var bold: Bool
        var description: String { "\(scalars.map { String($0, radix: 16) })\(bold ? " bold" : "")" }
    }

    /// Puts `spans` (text, bold) as row 0 and returns its first `count` cells.
    func row(_ spans: [(String, Bool)], count: Int = 8) throws -> [Cell] {
        setlocale(LC_CTYPE, "C.UTF-8")
        let output = try #require(fopen("/dev/null", "w")), input = try #require(fopen("/dev/null", "r"))
        let screen = try #require(newterm("xterm-256color", output, input))
        defer { endwin(); delscreen(screen); fclose(output); fclose(input) }
        var bytes: [UInt8] = [], runs: [chz_run] = []
        for (text, bold) in spans {
            bytes += Array(text.utf8)
            runs.append(chz_run(count: Int32(text.utf8.count), attrs: bold ? chz_a_bold() : chz_a_normal(), pair: 0))
        }
        #expect(chz_put_row_utf8(0, bytes, Int32(bytes.count), &runs, Int32(runs.count), 80) != chz_err())
        return (0..<count).map { x in
            var cell = cchar_t(), attrs: attr_t = 0, pair: Int16 = 0
            var chars = [wchar_t](repeating: 0, count: 8)
            _ = mvwin_wch(chz_stdscr(), 0, Int32(x), &cell)
            _ = getcchar(&cell, &chars, &attrs, &pair, nil)
            return Cell(scalars: chars.prefix { $0 != 0 }.map { UInt32(bitPattern: $0) }, bold: attrs & chz_a_bold() != 0)
        }
    }

    func plain(_ scalars: UInt32..., bold: Bool = false) -> Cell { Cell(scalars: scalars, bold: bold) }

    @Test func everyLengthOfUTF8IsDecoded() throws {
        // 1, 2, 3 and 4 bytes; a wide character takes two columns (curses keeps the second as
        // its continuation, read back with the same character).
        let cells = try row([("aé名👍", false)], count: 7)
        #expect(cells[0] == plain(0x61))
        #expect(cells[1] == plain(0xE9))
        #expect(cells[2] == plain(0x540D))
        #expect(cells[4] == plain(0x1F44D))
        #expect(cells[6] == plain(0x20), "blanks to the right edge")
    }

    @Test func runsKeepTheirLooksAcrossMultibyteText() throws {
        let cells = try row([("Ñu", false), ("名x", true), ("é", false)], count: 7)
        #expect(cells[0] == plain(0xD1))
        #expect(cells[1] == plain(0x75))
        #expect(cells[2] == plain(0x540D, bold: true))
        #expect(cells[4] == plain(0x78, bold: true))
        #expect(cells[5] == plain(0xE9))
        #expect(cells[6] == plain(0x20), "blanks in the last run's look")
    }

    @Test func combiningMarksJoinTheirCharacterEvenAcrossRuns() throws {
        let cells = try row([("e\u{301}", false), ("\u{302}z", true)], count: 3)
        #expect(cells[0] == plain(0x65, 0x301, 0x302))
        #expect(cells[1] == plain(0x7A, bold: true))
    }

    /// The joiner and the emoji presentation selector never reach the terminal, after a narrow
    /// character either (after a wide one every zero-width character is dropped): tmux would
    /// draw the rainbow flag in one cell and kitty the heart in two, where curses counts three
    /// and one. Other marks still join.
    @Test func joinersAndEmojiSelectorsAreNeverSent() throws {
        let cells = try row([("🏳\u{FE0F}\u{200D}🌈|❤\u{FE0F}|👨\u{200D}👩|e\u{301}\u{200D}", false)], count: 12)
        #expect(cells[0] == plain(0x1F3F3))
        #expect(cells[1] == plain(0x1F308))
        #expect(cells[3] == plain(0x7C))
        #expect(cells[4] == plain(0x2764))
        #expect(cells[5] == plain(0x7C))
        #expect(cells[6] == plain(0x1F468))
        #expect(cells[8] == plain(0x1F469))
        #expect(cells[10] == plain(0x7C))
        #expect(cells[11] == plain(0x65, 0x301))
    }

    /// Thousands of marks on one letter (a hostile name): decoded on the heap, the cell keeps
    /// what curses can hold and the rest of the row is still right.
    @Test func aRowOfManyMarksIsDecodedOffTheStack() throws {
        let marks = String(repeating: "\u{301}", count: 3_000)
        let cells = try row([("x" + marks + "y", false)], count: 3)
        #expect(cells[0].scalars.first == 0x78)
        #expect(cells[0].scalars.dropFirst().allSatisfy { $0 == 0x301 })
        #expect(cells[1] == plain(0x79))
        #expect(cells[2] == plain(0x20))
    }
}
