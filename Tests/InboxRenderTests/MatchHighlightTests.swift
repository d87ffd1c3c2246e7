import Foundation
@testable import InboxRender
import Testing

/// The ASCII fast path finds exactly what Foundation's case- and accent-insensitive search
/// finds, over random ASCII texts and queries (letters of both cases, digits, punctuation,
/// repeats that make matches overlap).
@Suite struct MatchHighlightTests {
    @Test func asciiSearchAgreesWithFoundation() {
        // A fixed linear congruential sequence: the same cases every run.
        var state: UInt64 = 0x5EA_4C4
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33)
        }
        let alphabet = Array("aAbBkKmM@.-+ 09_")
        func random(_ length: Int) -> String {
            String((0..<length).map { _ in alphabet[next() % alphabet.count] })
        }
        var matched = 0
        for _ in 0..<3_000 {
            let text = random(next() % 24 + 1)
            let needle = random(next() % 3 + 1).trimmingCharacters(in: .whitespaces)
            guard !needle.isEmpty else { continue }
            let fast = MatchHighlight.asciiOffsets(of: needle, in: text)
            #expect(fast == MatchHighlight.foundationOffsets(of: needle, in: text), "\"\(needle)\" in \"\(text)\"")
            if fast?.isEmpty == false { matched += 1 }
        }
        #expect(matched > 500, "the random cases must include many matches")
        #expect(MatchHighlight.asciiOffsets(of: "sofia", in: "Sofía") == nil, "not ASCII: Foundation decides")
        #expect(MatchHighlight.offsets(of: "KAM", in: "priya.kamau@example.com") == Set(6..<9))
    }
}
