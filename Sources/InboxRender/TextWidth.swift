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
    public static func useUTF8Locale() {
        setlocale(LC_ALL, "")
        let codeset = String(cString: nl_langinfo(nl_item(CODESET)))
        if codeset.uppercased().replacingOccurrences(of: "-", with: "") != "UTF8" {
            if setlocale(LC_CTYPE, "C.UTF-8") == nil { _ = setlocale(LC_CTYPE, "C.utf8") }
        }
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

    /// Width of a string.
    public static func width(of text: some StringProtocol) -> Int {
        var total = 0
        for character in text { total += width(of: character) }
        return total
    }

    /// The longest prefix of `text` that fits in `columns`, ending in "…" when cut.
    /// Never splits a character; never exceeds `columns`.
    public static func truncate(_ text: String, to columns: Int) -> String {
        guard columns > 0 else { return "" }
        if width(of: text) <= columns { return text }
        var result = ""
        var used = 0
        for character in text {
            let w = width(of: character)
            if used + w > columns - 1 { break }
            result.append(character)
            used += w
        }
        return result + "…"
    }

    /// `text` truncated to `columns` and padded with spaces to exactly that width.
    public static func fit(_ text: String, to columns: Int) -> String {
        let cut = truncate(text, to: columns)
        let w = width(of: cut)
        return w < columns ? cut + String(repeating: " ", count: columns - w) : cut
    }

    /// `text` right-aligned in `columns`.
    public static func fitRight(_ text: String, to columns: Int) -> String {
        let cut = truncate(text, to: columns)
        let w = width(of: cut)
        return w < columns ? String(repeating: " ", count: columns - w) + cut : cut
    }
}
