import ChatzyAPI
import Foundation

/// Every setting but the credentials, resolved: flags, then the environment, then the config
/// file, then the defaults. Resolving reads the config file and checks every value, so a bad
/// one stops the program with one line before anything else happens.
public struct Settings: Equatable, Sendable {
    public static let defaultPageSize = 50
    public static let defaultRefreshInterval = 60
    /// Seconds one request may take before it fails as a time-out (and is retried).
    public static let defaultTimeout = Int(ChatzyClient.defaultTimeout)
    /// No rows kept around the selection: the list scrolls when it reaches the edge, as in
    /// htop, tig and fzf (and a scrolling `j` rewrites two rows, not three).
    public static let defaultScrollMargin = 0

    /// The API base URL as text (flag > `CHATZY_API_URL` > `api_url` > production), unchecked:
    /// see `endpoint()`.
    public var apiURL: String
    /// The account (flag > `CHATZY_EMAIL` > `email`); nil when none of them sets it.
    public var email: String?
    public var pageSize: Int
    /// Seconds between automatic refreshes; 0 is off.
    public var refreshInterval: Int
    /// Seconds one request may take (flag > `timeout` > 15).
    public var timeout: Int
    /// Rows kept visible around the selection when the list scrolls (flag > `scroll_margin` > 0).
    public var scrollMargin: Int
    public var color: Bool
    public var timeFormat: TimeFormat
    public var logFile: String?
    public var logLevel: LogLevel
    public var allowInsecureHTTP: Bool
    /// The config file that was read, if any (for the log).
    public var configPath: String?

    /// Resolves the settings. `readConfig` is injected for tests; it defaults to the file system.
    public static func resolve(
        _ input: SettingsInput, environment: [String: String],
        readConfig: (String, Bool) throws(ConfigError) -> FileSettings = FileSettings.load
    ) throws(UsageError) -> Settings {
        if let size = input.pageSize, !SettingsLimits.pageSize.contains(size) {
            throw UsageError("--page-size must be from 1 to 100, got \(size)")
        }
        if let seconds = input.refreshInterval, !SettingsLimits.refreshInterval.contains(seconds) {
            throw UsageError("--refresh-interval must be from 0 (off) to 86400 seconds, got \(seconds)")
        }
        if let seconds = input.timeout, !SettingsLimits.timeout.contains(seconds) {
            throw UsageError("--timeout must be from 1 to 600 seconds, got \(seconds)")
        }
        if let rows = input.scrollMargin, !SettingsLimits.scrollMargin.contains(rows) {
            throw UsageError("--scroll-margin must be from 0 to 10 rows, got \(rows)")
        }
        let path = input.configPath ?? FileSettings.defaultPath(environment: environment)
        var file = FileSettings()
        if let path {
            do { file = try readConfig(path, input.configPath != nil) } catch { throw UsageError(error.description) }
        }
        let env = { (name: String) -> String? in environment[name].flatMap { $0.isEmpty ? nil : $0 } }
        let noColorEnv = env("NO_COLOR") != nil
        return Settings(
            apiURL: input.apiURL ?? env("CHATZY_API_URL") ?? file.apiURL ?? ChatzyEndpoint.production.absoluteString,
            email: (input.email ?? env("CHATZY_EMAIL") ?? file.email).flatMap { $0.isEmpty ? nil : $0 },
            pageSize: input.pageSize ?? file.pageSize ?? defaultPageSize,
            refreshInterval: input.refreshInterval ?? file.refreshInterval ?? defaultRefreshInterval,
            timeout: input.timeout ?? file.timeout ?? defaultTimeout,
            scrollMargin: input.scrollMargin ?? file.scrollMargin ?? defaultScrollMargin,
            color: input.noColor || noColorEnv ? false : (file.color ?? true),
            timeFormat: input.timeFormat ?? file.timeFormat ?? .iso,
            logFile: input.logFile ?? file.logFile,
            logLevel: input.logLevel ?? file.logLevel ?? .info,
            allowInsecureHTTP: input.allowInsecureHTTP,
            configPath: path)
    }

    /// The checked endpoint: an http(s) URL with a host; plain http only to loopback unless allowed.
    public func endpoint() throws(UsageError) -> ChatzyEndpoint {
        guard let url = URL(string: apiURL), url.scheme != nil, !apiURL.contains(" ") else {
            throw UsageError("not a URL: \"\(apiURL)\" (expected e.g. https://host/prod)")
        }
        do { return try ChatzyEndpoint(baseURL: url, allowInsecureHTTP: allowInsecureHTTP) } catch {
            throw UsageError(error.message)
        }
    }

    /// The email, checked: present and shaped like an address.
    public func requireEmail(hint: String) throws(UsageError) -> String {
        guard let email else { throw UsageError("no account email: \(hint)") }
        try Self.checkEmail(email)
        return email
    }

    /// Throws when `email` is not shaped like `name@host`.
    public static func checkEmail(_ email: String) throws(UsageError) {
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty,
              !email.contains(where: { $0.isWhitespace || $0.unicodeScalars.contains { $0.value < 0x20 } })
        else { throw UsageError("not an email address: \"\(email)\"") }
    }
}
