@testable import InboxRender
import Testing

/// Spans compare by style and bytes: the presenter compares rows every frame to find the
/// ones to draw again, and the same bytes draw the same cells.
@Suite struct SpanEqualityTests {
    @Test func textSpelledDifferentlyIsDifferent() {
        // Canonically equivalent for String's ==, but other bytes: drawn again, never missed.
        #expect(Span("caf\u{E9}") != Span("cafe\u{301}"))
        #expect("caf\u{E9}" == "cafe\u{301}")
    }

    @Test func sameTextIsEqualWhateverItsStorage() {
        let long = String(repeating: "Ñandú 名前 ", count: 8)
        let rebuilt = String(decoding: Array(long.utf8), as: UTF8.self)
        #expect(Span(long, .dim) == Span(rebuilt, .dim))
        #expect(Span("short", .dim) == Span(String("xshort".dropFirst()), .dim))
        #expect(Span("", .normal) == Span("", .normal))
    }

    @Test func styleAndLengthCount() {
        #expect(Span("same", .dim) != Span("same", .normal))
        #expect(Span("same") != Span("same "))
        #expect(Span("") != Span(" "))
    }

    /// Over random texts from a small alphabet (ASCII, accents, a combining mark, CJK, emoji),
    /// two spans are equal exactly when their bytes are.
    @Test func equalExactlyWhenTheBytesAre() {
        let alphabet: [String] = ["a", "b", " ", "é", "e\u{301}", "\u{301}", "名", "👍🏽", "\u{200F}"]
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((seed >> 33) % UInt64(bound))
        }
        func text() -> String { (0..<next(6)).map { _ in alphabet[next(alphabet.count)] }.joined() }
        var equalPairs = 0
        for _ in 0..<5_000 {
            let a = text(), b = next(3) == 0 ? String(decoding: Array(a.utf8), as: UTF8.self) : text()
            let sameBytes = Array(a.utf8) == Array(b.utf8)
            if sameBytes { equalPairs += 1 }
            #expect((Span(a) == Span(b)) == sameBytes, "\(Array(a.unicodeScalars)) vs \(Array(b.unicodeScalars))")
        }
        #expect(equalPairs > 1_000)
    }
}
