import Foundation

/// Who wrote a message. The docs do not list `role` values, so the common spellings are
/// recognised and anything else is shown as it came.
public enum MessageRole: Equatable, Sendable {
    case contact
    case assistant
    case agent
    case other(String)

    public init(wire: String?) {
        switch (wire ?? "").lowercased().trimmingCharacters(in: .whitespaces) {
        case "user", "contact", "customer", "client", "visitor", "lead": self = .contact
        case "assistant", "ai", "bot", "chatbot", "ai_agent", "ai-agent", "flow": self = .assistant
        case "agent", "human", "human_agent", "human-agent", "operator", "staff", "admin": self = .agent
        case "": self = .other("unknown")
        default: self = .other(Sanitizer.clean(String((wire ?? "").prefix(24))))
        }
    }

    /// Messages written for the business (assistant, agent) sit on the right, as in chat apps.
    public var isOutgoing: Bool {
        switch self {
        case .assistant, .agent: return true
        case .contact, .other: return false
        }
    }

    var style: Style {
        switch self {
        case .contact: return .roleContact
        case .assistant: return .roleAssistant
        case .agent: return .roleAgent
        case .other: return .dim
        }
    }
}
