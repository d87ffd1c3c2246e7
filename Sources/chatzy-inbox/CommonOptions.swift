import ArgumentParser
import ChatzyAPI
import InboxCLI

/// Where to connect, as whom, which config file and which log: shared by every command
/// that talks to the API.
struct ConnectionOptions: ParsableArguments {
    @Option(name: .customLong("api-url"), help: ArgumentHelp(
        "Base URL of the Chatzy API (env: CHATZY_API_URL; config: api_url).", valueName: "url"))
    var apiURL: String?

    @Option(help: ArgumentHelp("The Chatzy account's email (env: CHATZY_EMAIL; config: email).", valueName: "email"))
    var email: String?

    @Option(name: .customLong("config"), help: ArgumentHelp(
        "Read this config file instead of $XDG_CONFIG_HOME/chatzy-inbox/config.toml.", valueName: "file"),
            completion: .file(extensions: ["toml"]))
    var configPath: String?

    @Option(name: .customLong("log-file"), help: ArgumentHelp(
        "Append a log to this file (config: log_file). Never written to the terminal; secrets are redacted.",
        valueName: "path"), completion: .file())
    var logFile: String?

    @Option(name: .customLong("log-level"), help: ArgumentHelp(
        "debug, info, warning or error (config: log_level; default: info).", valueName: "level"),
            completion: .list(LogLevel.allCases.map(\.name)))
    var logLevel: String?

    @Option(parsing: .unconditional, help: ArgumentHelp(
        "Seconds one request may take before it fails (and the inbox retries it), 1-600 (config: timeout; default: 15).",
        valueName: "seconds"))
    var timeout: Int?

    @Flag(help: "Allow plain http:// to a host that is not this machine (the token travels unencrypted).")
    var allowInsecureHTTP = false

    /// The flags as `SettingsInput`; throws on a bad level name.
    func input() throws(UsageError) -> SettingsInput {
        var level: LogLevel?
        if let logLevel {
            guard let parsed = LogLevel(name: logLevel) else {
                throw UsageError("--log-level must be debug, info, warning or error, got \"\(logLevel)\"")
            }
            level = parsed
        }
        return SettingsInput(apiURL: apiURL, email: email, logFile: logFile, logLevel: level,
                             configPath: configPath, allowInsecureHTTP: allowInsecureHTTP, timeout: timeout)
    }
}

/// Which contacts: the tab, the search and the page size. Shared by the inbox and `list`.
struct ListingOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The tab: all, unread or live.", valueName: "tab"),
            completion: .list(ConversationFilter.allCases.map(\.rawValue)))
    var filter: String = "all"

    @Option(help: ArgumentHelp("Search by name, email or phone.", valueName: "text"))
    var search: String = ""

    @Option(name: .customLong("page-size"), parsing: .unconditional, help: ArgumentHelp(
        "Contacts fetched per request, 1-100 (config: page_size; default: 50).", valueName: "n"))
    var pageSize: Int?

    /// The tab, checked.
    func conversationFilter() throws(UsageError) -> ConversationFilter {
        guard let filter = ConversationFilter(rawValue: filter.lowercased()) else {
            throw UsageError("--filter must be all, unread or live, got \"\(filter)\"")
        }
        return filter
    }
}

/// `--demo`, shared by the inbox and `list`. Options shared between the root command and a
/// subcommand must live in the same `@OptionGroup` type: the root parses first and the
/// subcommand receives the group the root decoded.
struct DemoOption: ParsableArguments {
    @Flag(help: "Use an embedded demo server on 127.0.0.1 with realistic data (needs no account).")
    var demo = false
}
