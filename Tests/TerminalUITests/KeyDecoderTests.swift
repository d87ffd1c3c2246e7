import InboxCore
@testable import TerminalUI
import Testing

/// What `get_wch` hands back, turned into the keys the view-model understands.
@Suite struct KeyDecoderTests {
    @Test func controlCharactersBecomeNamedKeys() {
        #expect(KeyDecoder.character(0x1B) == .key(.escape))
        #expect(KeyDecoder.character(0x0D) == .key(.enter))
        #expect(KeyDecoder.character(0x0A) == .key(.enter))
        #expect(KeyDecoder.character(0x09) == .key(.tab))
        #expect(KeyDecoder.character(0x7F) == .key(.backspace))
        #expect(KeyDecoder.character(0x04) == .key(.ctrl("d")))
        #expect(KeyDecoder.character(0x15) == .key(.ctrl("u")))
    }

    @Test func printableAndWideCharactersPassThrough() {
        #expect(KeyDecoder.character(UInt32(("j" as Unicode.Scalar).value)) == .key(.char("j")))
        #expect(KeyDecoder.character(0x5218) == .key(.char("刘")))
        #expect(KeyDecoder.character(0x1F600) == .key(.char("😀")))
    }

    @Test func invalidScalarsAreDropped() {
        #expect(KeyDecoder.character(0xD800) == nil)
        #expect(KeyDecoder.character(0x11_0000) == nil)
    }
}
