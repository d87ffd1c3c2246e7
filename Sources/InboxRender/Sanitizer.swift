import ChatzyAPI

/// Makes text from strangers safe to draw: no control byte, no escape sequence and no
/// bidirectional override ever reaches the terminal.
public enum Sanitizer {
    /// Shown where a control character or an escape sequence was.
    public static let replacement: Character = "\u{FFFD}"

    /// `text` with escape sequences collapsed to one replacement, other C0/C1 controls and DEL
    /// replaced, tabs and line breaks turned into spaces, and bidi controls and emoji skin
    /// tones removed.
    public static func clean(_ text: String) -> String {
        if isPlain(text) || !text.unicodeScalars.contains(where: needsCleaning) { return text }
        var out = String.UnicodeScalarView()
        var scalars = text.unicodeScalars.makeIterator()
        var pending = scalars.next()
        while let s = pending {
            pending = scalars.next()
            switch s.value {
            case 0x09, 0x0A, 0x0D, 0x0B, 0x0C, 0x85, 0x2028, 0x2029:
                out.append(" ")
            case 0x1B:
                out.append(Unicode.Scalar(0xFFFD)!)
                pending = skipEscapeSequence(after: pending, in: &scalars)
            case 0x9B, 0x9D, 0x90, 0x98, 0x9E, 0x9F:
                // C1 CSI/OSC/DCS/SOS/PM/APC introduce sequences of their own.
                out.append(Unicode.Scalar(0xFFFD)!)
                pending = skipSequenceBody(kind: s.value == 0x9B ? .csi : .string, from: pending, in: &scalars)
            case 0x00..<0x20, 0x7F, 0x80..<0xA0:
                out.append(Unicode.Scalar(0xFFFD)!)
            case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C:
                break
            case 0xFFF9...0xFFFB, 0xE0001:
                // Interlinear annotation and the deprecated language tag: invisible formatting.
                break
            case TextWidth.skinTones:
                // Joining terminals draw 👍🏽 narrower than wcwidth counts it: the row would move.
                break
            default:
                // What the C library cannot print (unassigned, private formats) would be drawn
                // by ncurses as an escape of several columns: show one replacement instead.
                out.append(TextWidth.isUnprintable(s) ? Unicode.Scalar(0xFFFD)! : s)
            }
        }
        return String(out)
    }

    /// A field from the network as it is shown: `clean`, without the spaces around it (tabs,
    /// Unicode space separators and U+200B: exactly Foundation's `.whitespaces`).
    public static func field(_ text: String?) -> String {
        clean(text ?? "").trimmingWhitespace
    }

    /// True for a scalar that `clean` replaces or removes (or that starts a sequence it
    /// drops): text without one comes back unchanged, without being rebuilt.
    static func needsCleaning(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x00..<0x20, 0x7F, 0x80..<0xA0, 0x2028, 0x2029: return true
        case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C: return true
        case 0xFFF9...0xFFFB, 0xE0001, TextWidth.skinTones: return true
        default: return TextWidth.isUnprintable(s)
        }
    }

    /// Fast path: printable ASCII and nothing else.
    static func isPlain(_ text: String) -> Bool {
        text.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
    }

    private enum SequenceKind { case csi, string }

    /// After ESC: drops a CSI (`[`…final), an OSC/DCS/SOS/PM/APC string (to BEL or ST), or one
    /// following character. Returns the first scalar after the sequence.
    private static func skipEscapeSequence(
        after next: Unicode.Scalar?, in scalars: inout String.UnicodeScalarView.Iterator
    ) -> Unicode.Scalar? {
        guard let next else { return nil }
        switch next {
        case "[": return skipSequenceBody(kind: .csi, from: scalars.next(), in: &scalars)
        case "]", "P", "X", "^", "_": return skipSequenceBody(kind: .string, from: scalars.next(), in: &scalars)
        default:
            return next.value >= 0x20 && next.value < 0x7F ? scalars.next() : next
        }
    }

    private static func skipSequenceBody(
        kind: SequenceKind, from first: Unicode.Scalar?, in scalars: inout String.UnicodeScalarView.Iterator
    ) -> Unicode.Scalar? {
        var current = first
        var count = 0
        while let s = current, count < 4096 {
            count += 1
            switch kind {
            case .csi:
                if s.value >= 0x40 && s.value <= 0x7E { return scalars.next() }
                if !(s.value >= 0x20 && s.value < 0x40) { return s }
            case .string:
                if s.value == 0x07 || s.value == 0x9C { return scalars.next() }
                if s.value == 0x1B {
                    let after = scalars.next()
                    return after == "\\" ? scalars.next() : after
                }
            }
            current = scalars.next()
        }
        return current
    }
}
