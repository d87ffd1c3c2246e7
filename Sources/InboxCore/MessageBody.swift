import ChatzyAPI

/// What a message says, as text: its `content`, else the kind its channel record names
/// (`[image]`, `[audio]` …, so unknown message kinds still show as something), else a note
/// that it is empty. Raw: the renderer's wrapper sanitizes it.
public enum MessageBody {
    public static func text(of message: ConversationMessage) -> String {
        if let content = message.content, !content.allSatisfy(\.isWhitespace) { return content }
        for delivery in message.deliveries {
            if let body = delivery.data?["text"]?["body"]?.stringValue, !body.allSatisfy(\.isWhitespace) {
                return body
            }
            if let kind = delivery.data?["type"]?.stringValue, !kind.isEmpty, kind != "text" {
                let caption = delivery.data?[kind]?["caption"]?.stringValue ?? ""
                return caption.isEmpty ? "[\(kind)]" : "[\(kind)] \(caption)"
            }
        }
        return "(no text)"
    }
}
