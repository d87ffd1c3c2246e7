import ChatzyAPI

/// What the command line said, before the environment and the config file are consulted:
/// nil (or false) for every flag that was not given.
public struct SettingsInput: Equatable, Sendable {
    public var apiURL: String?
    public var email: String?
    public var pageSize: Int?
    public var refreshInterval: Int?
    /// `--timeout SECONDS`: how long one request may take.
    public var timeout: Int?
    /// `--scroll-margin ROWS`: rows kept around the selection when the list scrolls.
    public var scrollMargin: Int?
    public var noColor = false
    public var timeFormat: TimeFormat?
    public var logFile: String?
    public var logLevel: LogLevel?
    /// `--config FILE`: read this file instead of the default location (it must exist).
    public var configPath: String?
    public var allowInsecureHTTP = false

    public init(apiURL: String? = nil, email: String? = nil, pageSize: Int? = nil, refreshInterval: Int? = nil,
                noColor: Bool = false, timeFormat: TimeFormat? = nil, logFile: String? = nil, logLevel: LogLevel? = nil,
                configPath: String? = nil, allowInsecureHTTP: Bool = false, timeout: Int? = nil, scrollMargin: Int? = nil) {
        self.apiURL = apiURL
        self.email = email
        self.pageSize = pageSize
        self.refreshInterval = refreshInterval
        self.noColor = noColor
        self.timeFormat = timeFormat
        self.logFile = logFile
        self.logLevel = logLevel
        self.configPath = configPath
        self.allowInsecureHTTP = allowInsecureHTTP
        self.timeout = timeout
        self.scrollMargin = scrollMargin
    }
}
