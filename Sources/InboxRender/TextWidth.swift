#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Display width of text as ncurses will advance its cursor: the sum of the C library's
/// `wcwidth` over a character's scalars (0 for combining marks and ZWJ, 2 for wide ones).
public enum TextWidth {
    private typealias WcWidth = @convention(c) (Int32) -> Int32

    /// The C library's `wcwidth` (not imported into Swift, so looked up once).
    private static let wcwidthFunction: WcWidth? = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "wcwidth") else { return nil }
        return unsafeBitCast(symbol, to: WcWidth.self)
    }()

    /// Selects the user's locale for character types, falling back to `C.UTF-8` when its
    /// codeset is not UTF-8 (wide text would otherwise print as escapes). Call once, early.
    /// Returns true when the user's own locale was UTF-8 (else draw ASCII symbols).
    @discardableResult
    public static func useUTF8Locale() -> Bool {
        setlocale(LC_ALL, "")
        let codeset = String(cString: nl_langinfo(nl_item(CODESET)))
        if codeset.uppercased().replacingOccurrences(of: "-", with: "") != "UTF8" {
            if setlocale(LC_CTYPE, "C.UTF-8") == nil { _ = setlocale(LC_CTYPE, "C.utf8") }
            return false
        }
        return true
    }

    /// Measures as a UTF-8 terminal draws, whatever the user's locale: character types (and
    /// only they) from `C.UTF-8`. For output that is UTF-8 in any locale, such as `list`'s.
    public static func measureAsUTF8() {
        if setlocale(LC_CTYPE, "C.UTF-8") == nil { _ = setlocale(LC_CTYPE, "C.utf8") }
    }

    /// Width of one scalar: 0 for combining and zero-width, 1 or 2 otherwise; unprintable counts 1.
    public static func width(of scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v >= 0x20 && v < 0x7F { return 1 }
        if let f = wcwidthFunction {
            let w = Int(f(Int32(bitPattern: v)))
            return w < 0 ? 1 : w
        }
        return scalar.properties.generalCategory == .nonspacingMark ? 0 : 1
    }

    /// Width of one character (grapheme), as the sum of its scalars' widths.
    public static func width(of character: Character) -> Int {
        if let ascii = character.asciiValue, ascii >= 0x20, ascii < 0x7F { return 1 }
        var total = 0
        for scalar in character.unicodeScalars { total += width(of: scalar) }
        return total
    }

    /// Width of a string: the sum of its scalars' widths, which is the sum of its characters'
    /// widths without the cost of finding where each character ends.
    public static func width(of text: some StringProtocol) -> Int {
        if let n = printableASCIICount(text) { return n }
        var total = 0
        for scalar in text.unicodeScalars { total += width(of: scalar) }
        return total
    }

    /// The length of `text` when it is all printable ASCII (one column and one character per
    /// byte: the common case, measured without walking graphemes), else nil.
    @inline(__always)
    static func printableASCIICount(_ text: some StringProtocol) -> Int? {
        var count = 0
        for byte in text.utf8 {
            guard byte >= 0x20, byte < 0x7F else { return nil }
            count += 1
        }
        return count
    }

    /// The C library's `wcwidth` of a scalar: -1 for what it cannot print.
    public static func rawWidth(of scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v >= 0x20 && v < 0x7F { return 1 }
        guard let f = wcwidthFunction else { return 1 }
        return Int(f(Int32(bitPattern: v)))
    }

    /// True for a scalar the terminal cannot show as itself: unassigned in Unicode, or
    /// unprintable for the C library (checked only once a UTF-8 locale is selected).
    public static func isUnprintable(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.properties.generalCategory == .unassigned { return true }
        guard rawWidth(of: "\u{E9}") == 1 else { return false }
        return rawWidth(of: scalar) < 0
    }

    /// Emoji skin tones: kitty, WezTerm, iTerm2 and tmux 3.5 draw 👍🏽 two cells wide, where
    /// wcwidth counts four, so they are never drawn (`Sanitizer.clean`, `asDrawn`).
    public static let skinTones: ClosedRange<UInt32> = 0x1F3FB...0x1F3FF

    /// `text` as the inbox draws it (the rule of the shim's `chz_put_row`, and the skin tones
    /// `Sanitizer.clean` drops): a zero-width character after a wide one, and every joiner
    /// (U+200D), emoji presentation selector (U+FE0F) and skin tone, dropped. A terminal then
    /// draws it exactly as wide as `width(of:)` counts; one that joins an emoji sequence
    /// (🏳️‍🌈 in one cell in tmux, ❤️ in two in kitty) would otherwise draw it narrower or
    /// wider, and the columns after it would move.
    public static func asDrawn(_ text: String) -> String {
        if printableASCIICount(text) != nil { return text }
        var out = String.UnicodeScalarView()
        var lastWidth = 0
        for scalar in text.unicodeScalars where scalar.value != 0x200D && scalar.value != 0xFE0F
            && !skinTones.contains(scalar.value) {
            let w = width(of: scalar)
            if w == 0 {
                if lastWidth == 2 { continue }
            } else {
                lastWidth = w
            }
            out.append(scalar)
        }
        return String(out)
    }

    /// The longest prefix of `text` that fits in `columns`, ending in `ellipsis` (one
    /// column wide) when cut. Never splits a character; never exceeds `columns`.
    public static func truncate(_ text: String, to columns: Int, ellipsis: String = "…") -> String {
        guard columns > 0 else { return "" }
        if width(of: text) <= columns { return text }
        return prefix(text, columns: columns - 1).text + ellipsis
    }

    /// The longest prefix of `text` at most `columns` wide, with its width and its length
    /// in characters.
    public static func prefix(_ text: String, columns: Int) -> (text: String, width: Int, count: Int) {
        if let n = printableASCIICount(text) {
            let kept = max(0, min(n, columns))
            return (kept == n ? text : String(text.prefix(kept)), kept, kept)
        }
        var end = text.startIndex
        var used = 0
        var count = 0
        while end < text.endIndex {
            let w = width(of: text[end])
            if used + w > columns { break }
            used += w
            count += 1
            text.formIndex(after: &end)
        }
        return (end == text.endIndex ? text : String(text[..<end]), used, count)
    }

    /// `count` spaces (none when `count` is not positive), written in one go: the generic
    /// `String(repeating:count:)` appends one copy at a time and was a tenth of a frame.
    public static func spaces(_ count: Int) -> String {
        guard count > 0 else { return "" }
        return String(unsafeUninitializedCapacity: count) { buffer in
            buffer.initialize(repeating: 0x20)
            return count
        }
    }

    /// `text` truncated to `columns` and padded with spaces to exactly that width.
    public static func fit(_ text: String, to columns: Int, ellipsis: String = "…") -> String {
        let cut = truncate(text, to: columns, ellipsis: ellipsis)
        let w = width(of: cut)
        return w < columns ? cut + TextWidth.spaces(columns - w) : cut
    }

    /// `text` right-aligned in `columns`.
    public static func fitRight(_ text: String, to columns: Int, ellipsis: String = "…") -> String {
        let cut = truncate(text, to: columns, ellipsis: ellipsis)
        let w = width(of: cut)
        return w < columns ? TextWidth.spaces(columns - w) + cut : cut
    }
}
