/// Keeps right-to-left text from reordering the columns after it on terminals that apply
/// the bidirectional algorithm: a left-to-right mark (zero columns, a strong left-to-right
/// character) closes every field that holds right-to-left letters, so the digits and
/// neutrals that follow stay in their own columns.
enum BidiIsolation {
    /// A zero-width strong left-to-right character.
    static let closingMark = "\u{200E}"

    /// True when `text` holds a right-to-left letter (Hebrew, Arabic, Syriac, Thaana, N'Ko…).
    static func hasRightToLeft(_ text: String) -> Bool {
        text.unicodeScalars.contains { s in
            switch s.value {
            case 0x0590...0x08FF, 0xFB1D...0xFDFF, 0xFE70...0xFEFF, 0x10800...0x10FFF, 0x1E800...0x1EFFF: return true
            default: return false
            }
        }
    }

    /// What to draw after the field `text`: the closing mark when it is needed, else nothing.
    static func suffix(for text: String) -> String {
        hasRightToLeft(text) ? closingMark : ""
    }
}
