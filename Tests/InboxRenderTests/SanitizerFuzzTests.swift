import Foundation
import InboxRender
import Testing

/// Random Unicode mixed with control bytes and escape sequences, from a fixed seed: after
/// sanitizing, no control character survives, and truncation never exceeds its width.
@Suite struct SanitizerFuzzTests {
    init() { TextWidth.useUTF8Locale() }

    static let pieces: [String] = [
        "\u{1B}[31m", "\u{1B}[2J", "\u{1B}]0;title\u{07}", "\u{1B}]8;;http://x\u{1B}\\", "\u{1B}P1$r\u{1B}\\", "\u{9B}1;2H",
        "\u{9D}osc\u{9C}", "\u{1B}", "\u{1B}[", "\u{1B}]", "\u{07}", "\u{08}", "\t", "\n", "\r", "\u{0}", "\u{7F}", "\u{85}",
        "\u{202E}", "\u{2066}", "\u{200D}", "\u{200B}", "\u{301}", "\u{FE0F}", "👨‍👩‍👧", "🇯🇵", "👍🏽", "刘", "あ", "한",
        "ש", "ع", "क्ष", "é", "a", "Z", " ", "…", "\u{FFFD}", "\u{E000}", "\u{10FFFF}",
        "\u{A0}", "\u{3000}", "\u{2003}", "\u{1680}", "  ",
    ]

    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F..<0xA0).contains(scalar.value)
    }

    @Test func nothingControlSurvivesAndWidthsHold() {
        var state: UInt64 = 0x5EED_F00D
        func next() -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int(truncatingIfNeeded: (z ^ (z >> 31)) >> 1)
        }
        for _ in 0..<20_000 {
            var text = ""
            for _ in 0..<(next() % 24) {
                if next() % 5 == 0, let scalar = Unicode.Scalar(UInt32(next() % 0x11_0000)) {
                    text.unicodeScalars.append(scalar)
                } else {
                    text += Self.pieces[next() % Self.pieces.count]
                }
            }
            let clean = Sanitizer.clean(text)
            #expect(Sanitizer.field(text) == clean.trimmingCharacters(in: .whitespaces), "field of \(text.debugDescription)")
            #expect(!clean.unicodeScalars.contains(where: Self.isControl), "control left in \(clean.debugDescription) from \(text.debugDescription)")
            let columns = next() % 30
            let cut = TextWidth.truncate(clean, to: columns)
            #expect(TextWidth.width(of: cut) <= columns, "\(cut.debugDescription) is wider than \(columns)")
            #expect(TextWidth.width(of: TextWidth.fit(clean, to: columns)) == columns)
        }
    }
}
