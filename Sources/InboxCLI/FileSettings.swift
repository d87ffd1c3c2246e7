import Foundation
import InboxCore

/// The settings a config file may hold, checked for type and range. Unknown keys are errors
/// (a typo should not be ignored silently); every error names the key and its line.
public struct FileSettings: Equatable, Sendable {
    /// Every key the file may set, in the order the README documents them.
    public static let keys = ["api_url", "email", "page_size", "refresh_interval", "color",
                              "time_format", "log_file", "log_level", "timeout", "scroll_margin"]

    public var apiURL: String?
    public var email: String?
    public var pageSize: Int?
    public var refreshInterval: Int?
    public var timeout: Int?
    public var scrollMargin: Int?
    public var color: Bool?
    public var timeFormat: TimeFormat?
    public var logFile: String?
    public var logLevel: LogLevel?

    public init() {}

    /// Reads the typed settings out of a parsed file.
    public init(_ file: ConfigFile) throws(ConfigError) {
        for (key, entry) in file.entries.sorted(by: { $0.value.line < $1.value.line }) {
            func fail(_ problem: String) -> ConfigError { ConfigError(path: file.path, line: entry.line, key: key, problem: problem) }
            func string() throws(ConfigError) -> String {
                guard case .string(let s) = entry.value else { throw fail("must be a \"quoted string\", got \(entry.value.kindName)") }
                return s
            }
            func integer() throws(ConfigError) -> Int {
                guard case .integer(let n) = entry.value else { throw fail("must be an integer, got \(entry.value.kindName)") }
                return n
            }
            switch key {
            case "api_url": apiURL = try string()
            case "email": email = try string()
            case "page_size":
                let n = try integer()
                guard SettingsLimits.pageSize.contains(n) else { throw fail("must be from 1 to 100, got \(n)") }
                pageSize = n
            case "refresh_interval":
                let n = try integer()
                guard SettingsLimits.refreshInterval.contains(n) else { throw fail("must be from 0 (off) to 86400 seconds, got \(n)") }
                refreshInterval = n
            case "timeout":
                let n = try integer()
                guard SettingsLimits.timeout.contains(n) else { throw fail("must be from 1 to 600 seconds, got \(n)") }
                timeout = n
            case "scroll_margin":
                let n = try integer()
                guard SettingsLimits.scrollMargin.contains(n) else { throw fail("must be from 0 to 10 rows, got \(n)") }
                scrollMargin = n
            case "color":
                guard case .boolean(let b) = entry.value else { throw fail("must be true or false, got \(entry.value.kindName)") }
                color = b
            case "time_format":
                let s = try string()
                guard let format = TimeFormat(rawValue: s) else {
                    throw fail("must be one of \(TimeFormat.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")), got \"\(s)\"")
                }
                timeFormat = format
            case "log_file": logFile = try string()
            case "log_level":
                let s = try string()
                guard let level = LogLevel(name: s) else {
                    throw fail("must be one of \(LogLevel.allCases.map { "\"\($0.name)\"" }.joined(separator: ", ")), got \"\(s)\"")
                }
                logLevel = level
            default:
                throw ConfigError(path: file.path, line: entry.line, key: key,
                                  problem: "is not a setting (known: \(Self.keys.joined(separator: ", ")))")
            }
        }
    }

    /// `$XDG_CONFIG_HOME/chatzy-inbox/config.toml` when that is absolute, else
    /// `$HOME/.config/chatzy-inbox/config.toml`; nil when neither is set.
    public static func defaultPath(environment: [String: String]) -> String? {
        if let config = environment["XDG_CONFIG_HOME"], config.hasPrefix("/") {
            return config + "/chatzy-inbox/config.toml"
        }
        guard let home = environment["HOME"], home.hasPrefix("/") else { return nil }
        return home + "/.config/chatzy-inbox/config.toml"
    }

    /// Loads the file at `path`. With `required` false (the default location), a missing file
    /// gives empty settings; any other problem — unreadable, not UTF-8, a bad line — throws.
    public static func load(path: String, required: Bool) throws(ConfigError) -> FileSettings {
        let data: Data
        switch FileReading.read(path, limit: 1 << 20) {
        case .success(let bytes): data = bytes
        case .failure(let failure):
            if failure.code == ENOENT && !required { return FileSettings() }
            throw ConfigError(path: path, line: nil, key: nil, problem: "cannot be read (\(failure.reason))")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigError(path: path, line: nil, key: nil, problem: "is not UTF-8 text")
        }
        return try FileSettings(ConfigFile.parse(text, path: path))
    }
}

/// The bounds the settings are checked against, wherever they come from.
public enum SettingsLimits {
    /// The API's documented `limit` range.
    public static let pageSize = 1...100
    /// Seconds between automatic refreshes; 0 turns them off.
    public static let refreshInterval = 0...86_400
    /// Seconds one request may take.
    public static let timeout = 1...600
    /// Rows kept around the selection when the list scrolls (the view-model's own range).
    public static let scrollMargin = InboxState.Settings.scrollMarginRange
}

/// How `list --format table` writes the time of the latest message.
public enum TimeFormat: String, CaseIterable, Equatable, Sendable {
    /// `2023-11-07T05:31:56Z`, UTC (the default: stable for scripts).
    case iso
    /// `2023-11-07 06:31`, the local time zone.
    case local
    /// `now`, `5m`, `3h`, `2d`, then a date — as the inbox shows it.
    case relative
}
