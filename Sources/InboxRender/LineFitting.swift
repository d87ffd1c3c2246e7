/// Making a line exactly as wide as the screen: padding short lines, clipping long ones by
/// display columns (a wide character that would straddle the edge becomes a space).
enum LineFitting {
    /// `line` with spaces appended up to `width` columns.
    static func pad(_ line: ScreenLine, to width: Int) -> ScreenLine {
        let used = line.spans.reduce(0) { $0 + TextWidth.width(of: $1.text) }
        guard used < width else { return line }
        var out = line
        out.spans.append(Span(String(repeating: " ", count: width - used)))
        return out
    }

    /// `line` cut to at most `width` columns.
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
                var cut = ""
                var taken = 0
                for c in span.text {
                    let cw = TextWidth.width(of: c)
                    if taken + cw > room { break }
                    cut.append(c)
                    taken += cw
                }
                out.append(Span(cut + String(repeating: " ", count: room - taken), span.style))
            }
            break
        }
        return ScreenLine(out)
    }
}
