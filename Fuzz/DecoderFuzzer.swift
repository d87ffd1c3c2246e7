import Foundation

/// The libFuzzer entry point for the response decoders: every input is read as a contacts
/// page, as one contact's conversations and as a sign-in answer. A decoder may reject it
/// (that is what `try?` drops); it must never crash, hang or run out of memory. Compiled
/// into the ChatzyAPI module by `scripts/fuzz.sh`, never by SwiftPM (this directory is not
/// a target), so `swift build` and `swift test` do not see it.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzResponseDecoders(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let body = Data(bytes: bytes, count: count)
    if let page = try? ContactDecoding.page(from: body) {
        // Touch what the inbox reads from every contact, as the row renderer would.
        for contact in page.contacts {
            _ = contact.name?.count
            _ = contact.unreadCount
            _ = contact.latestMessageTime
            _ = contact.channels.count
        }
    }
    _ = try? ConversationDecoding.conversations(from: body)
    _ = try? IDToken.decode(from: body)
    _ = ContactDecoding.bodyPrefix(body)
    return 0
}
