/// Builds one screen row from left to right, keeping count of the columns used, so that
/// every field lands exactly where the layout put it whatever the text inside.
struct LineBuilder {
    private(set) var spans: [Span] = []
    private(set) var used = 0
    let glyphs: Glyphs

    init(glyphs: Glyphs) { self.glyphs = glyphs }

    /// Appends `text` as it is (the caller knows its width).
    mutating func add(_ text: String, _ style: Style = .normal) {
        guard !text.isEmpty else { return }
        if let last = spans.last, last.style == style {
            spans[spans.count - 1].text += text
        } else {
            spans.append(Span(text, style))
        }
        used += TextWidth.width(of: text)
    }

    /// Appends `text` in a field exactly `width` columns wide: cut with the ellipsis, padded
    /// with spaces (on the left when `right`).
    mutating func field(_ text: String, width: Int, _ style: Style = .normal, right: Bool = false) {
        guard width > 0 else { return }
        add(right ? TextWidth.fitRight(text, to: width, ellipsis: glyphs.ellipsis)
                  : TextWidth.fit(text, to: width, ellipsis: glyphs.ellipsis), style)
    }

    /// Appends `text` in a field `width` columns wide, the characters at `marked` offsets in
    /// `markStyle` and the rest in `style`; `suffix` (zero-width) follows the kept text.
    mutating func marked(_ text: String, width: Int, marked: Set<Int>, _ style: Style, _ markStyle: Style,
                         suffix: String = "") {
        guard width > 0 else { return }
        guard !marked.isEmpty else { return field(text + suffix, width: width, style) }
        let whole = TextWidth.width(of: text)
        let cut = whole <= width ? (text: text, width: whole, count: 0) : TextWidth.prefix(text, columns: width - 1)
        let (shown, shownWidth) = (cut.text, cut.width)
        // Runs of marked and unmarked characters, added as slices of the text.
        var runStart = shown.startIndex, index = shown.startIndex
        var runMarked = false, offset = 0
        while index < shown.endIndex {
            let isMarked = marked.contains(offset)
            if isMarked != runMarked, index > runStart {
                add(String(shown[runStart..<index]), runMarked ? markStyle : style)
                runStart = index
            }
            runMarked = isMarked
            shown.formIndex(after: &index)
            offset += 1
        }
        if runStart < shown.endIndex { add(String(shown[runStart...]), runMarked ? markStyle : style) }
        let tail = (whole > width ? glyphs.ellipsis : "") + suffix
        let pad = width - shownWidth - (whole > width ? 1 : 0)
        add(tail + TextWidth.spaces(max(0, pad)), style)
    }

    /// The row padded with `fill`-styled spaces, or cut, to exactly `width` columns.
    func line(width: Int, fill: Style = .normal) -> ScreenLine {
        var line = ScreenLine(spans)
        if used < width {
            line.spans.append(Span(TextWidth.spaces(width - used), fill))
            return line
        }
        return used == width ? line : Self.clip(line, to: width)
    }

    /// Cuts spans so that the line is exactly `width` columns (a wide character that would
    /// straddle the edge becomes a space).
    static func clip(_ line: ScreenLine, to width: Int) -> ScreenLine {
        var used = 0
        var out: [Span] = []
        for span in line.spans {
            let w = TextWidth.width(of: span.text)
            if used + w <= width {
                out.append(span)
                used += w
                continue
            }
            let room = width - used
            if room > 0 {
                let cut = TextWidth.prefix(span.text, columns: room)
                out.append(Span(cut.text + TextWidth.spaces(room - cut.width), span.style))
                used = width
            }
            break
        }
        if used < width { out.append(Span(TextWidth.spaces(width - used))) }
        return ScreenLine(out)
    }
}
