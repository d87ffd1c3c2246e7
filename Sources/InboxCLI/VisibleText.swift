/// Makes control characters visible instead of letting them act on the terminal:
/// C0 controls and DEL in caret notation (`^[`, `^I`, `^?`), C1 controls and the
/// bidirectional overrides as `<U+009B>`. Everything else is kept as it is.
public enum VisibleText {
    public static func make(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x00..<0x20: out += "^" + String(Unicode.Scalar(UInt8(scalar.value + 0x40)))
            case 0x7F: out += "^?"
            default:
                if needsEscape(scalar) {
                    out += "<U+" + hex(scalar.value, digits: 4) + ">"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00..<0x20, 0x7F, 0x80..<0xA0, 0x200E, 0x200F, 0x061C, 0x202A...0x202E, 0x2066...0x2069, 0x2028, 0x2029:
            return true
        default:
            return false
        }
    }

    static func hex(_ value: UInt32, digits: Int) -> String {
        let text = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }
}
