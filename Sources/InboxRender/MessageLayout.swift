import InboxCore

/// Wraps message text by display width: line breaks in the message are kept, each line is
/// sanitized (no control character or escape sequence survives), words go to the next line
/// when they do not fit, and a word wider than the line is cut between characters (never
/// inside a grapheme).
public enum MessageLayout {
    /// The wrapper the app installs in `InboxState.textWrapper`.
    public static let wrapper = TextWrapper(name: "display-width") { text, width in wrap(text, width: width) }

    /// The lines of `text` at most `width` columns wide (at least one, possibly empty).
    public static func wrap(_ text: String, width: Int) -> [String] {
        let width = max(1, width)
        let trimmed = text.trimmingTrailingWhitespace()
        var lines: [String] = []
        for paragraph in trimmed.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            lines += wrapParagraph(Sanitizer.clean(String(paragraph)), width: width)
        }
        return lines.isEmpty ? [""] : lines
    }

    static func wrapParagraph(_ text: String, width: Int) -> [String] {
        if Sanitizer.isPlain(text) { return wrapASCII(text, width: width) }
        var lines: [String] = []
        var line = ""
        var used = 0
        for word in text.split(separator: " ") {
            let w = TextWidth.width(of: word)
            if used > 0, used + 1 + w <= width {
                line += " " + word
                used += 1 + w
                continue
            }
            if used > 0 {
                lines.append(line)
                line = ""
                used = 0
            }
            if w <= width {
                line = String(word)
                used = w
                continue
            }
            for character in word {
                let cw = TextWidth.width(of: character)
                if used > 0, used + cw > width {
                    lines.append(line)
                    line = ""
                    used = 0
                }
                line.append(character)
                used += cw
            }
        }
        if used > 0 || lines.isEmpty { lines.append(line) }
        return lines
    }
}

extension MessageLayout {
    /// The same rules for printable ASCII, where every byte is one column: no grapheme walk.
    static func wrapASCII(_ text: String, width: Int) -> [String] {
        let bytes = Array(text.utf8)
        var lines: [String] = []
        var line: [UInt8] = []
        var start = 0
        while start < bytes.count {
            if bytes[start] == 0x20 { start += 1; continue }
            var end = start
            while end < bytes.count, bytes[end] != 0x20 { end += 1 }
            var word = bytes[start..<end]
            start = end
            if !line.isEmpty, line.count + 1 + word.count <= width {
                line.append(0x20)
                line += word
                continue
            }
            if !line.isEmpty {
                lines.append(String(decoding: line, as: UTF8.self))
                line = []
            }
            while word.count > width {
                lines.append(String(decoding: word.prefix(width), as: UTF8.self))
                word = word.dropFirst(width)
            }
            line = Array(word)
        }
        if !line.isEmpty || lines.isEmpty { lines.append(String(decoding: line, as: UTF8.self)) }
        return lines
    }
}

extension String {
    /// The text without trailing spaces and line breaks.
    func trimmingTrailingWhitespace() -> String {
        var end = endIndex
        while end > startIndex, self[index(before: end)].isWhitespace { end = index(before: end) }
        return String(self[..<end])
    }
}
