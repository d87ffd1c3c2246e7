/// How much the log file gets: each level includes those above it in severity.
public enum LogLevel: Int, CaseIterable, Comparable, Equatable, Sendable {
    case debug, info, warning, error

    /// The name used in flags, the config file and log lines.
    public var name: String {
        switch self {
        case .debug: return "debug"
        case .info: return "info"
        case .warning: return "warning"
        case .error: return "error"
        }
    }

    /// Parses a name, case-insensitively; "warn" is accepted for `warning`.
    public init?(name: String) {
        switch name.lowercased() {
        case "debug": self = .debug
        case "info": self = .info
        case "warning", "warn": self = .warning
        case "error": self = .error
        default: return nil
        }
    }

    public static func < (a: LogLevel, b: LogLevel) -> Bool { a.rawValue < b.rawValue }
}
