import Foundation
@testable import InboxRender
import Testing

/// The ASCII fast path finds exactly what Foundation's case- and accent-insensitive search
/// finds, over random ASCII texts and queries (letters of both cases, digits, punctuation,
/// repeats that make matches overlap).
@Suite struct MatchHighlightTests {
    @Test func asciiSearchAgreesWithFoundation() {
        var rng = SplitMix(seed: 0x5EA_4C4)
        let alphabet = Array("aAbBkKmM@.-+ 09_")
        func random(_ length: Int) -> String {
            String((0..<length).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] })
        }
        var matched = 0
        for _ in 0..<3_000 {
            let text = random(Int(rng.next() % 24) + 1)
            let needle = random(Int(rng.next() % 3) + 1).trimmingCharacters(in: .whitespaces)
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

/// A small deterministic generator (SplitMix64).
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
