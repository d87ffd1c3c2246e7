import ArgumentParser
import ChatzyAPI
import Foundation
import InboxCLI

/// The `chatzy-inbox` command: the terminal inbox, and the subcommands around it.
@main
struct ChatzyInbox: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chatzy-inbox",
        abstract: "A fast terminal inbox for Chatzy AI contact conversations.",
        discussion: """
            Browse conversations, switch All/Unread/Live with 1/2/3, search with /,
            quit with q.
              Try it without an account:   chatzy-inbox --demo
              Sign in once:                chatzy-inbox login --email you@example.com
              Print contacts for scripts:  chatzy-inbox list --format jsonl | head

            Settings come from flags, then the environment (CHATZY_API_URL,
            CHATZY_EMAIL, CHATZY_TOKEN, NO_COLOR), then the config file
            $XDG_CONFIG_HOME/chatzy-inbox/config.toml (keys: api_url, email,
            page_size, refresh_interval, scroll_margin, color, time_format, log_file,
            log_level, timeout),
            then the defaults. The token is never taken from the command line:
            use `chatzy-inbox login` or CHATZY_TOKEN.
            """,
        version: ChatzyClient.version,
        subcommands: [ListCommand.self, LoginCommand.self, LogoutCommand.self, DemoServerCommand.self]
    )

    @OptionGroup
    var demoOption: DemoOption
    var demo: Bool { demoOption.demo }

    @OptionGroup(title: "Connection")
    var connection: ConnectionOptions

    @OptionGroup(title: "What to show")
    var listing: ListingOptions

    @Option(name: .customLong("refresh-interval"), parsing: .unconditional, help: ArgumentHelp(
        "Seconds between automatic refreshes, 0 for none (config: refresh_interval; default: 60).", valueName: "seconds"))
    var refreshInterval: Int?

    @Option(name: .customLong("scroll-margin"), parsing: .unconditional, help: ArgumentHelp(
        "Rows kept visible above and below the selection when the list scrolls, 0 to 10 (config: scroll_margin; default: 0).", valueName: "rows"))
    var scrollMargin: Int?

    @Flag(help: "Draw without colours (also: NO_COLOR; config: color = false).")
    var noColor = false

    func run() throws {
        var input = try connection.input()
        input.pageSize = listing.pageSize
        input.refreshInterval = refreshInterval
        input.scrollMargin = scrollMargin
        input.noColor = noColor
        let environment = ProcessInfo.processInfo.environment
        let settings = try Settings.resolve(input, environment: environment)
        let filter = try listing.conversationFilter()
        try InboxLauncher(settings: settings, filter: filter, search: listing.search, demo: demo,
                          environment: environment).run()
    }

    /// Parses, runs, and turns every failure into one line on stderr: status 2 for a usage
    /// problem (a bad flag, setting or config file), 1 for a failure at run time.
    static func main() {
        FileDescriptorSink.ignoreSIGPIPE()
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let error as UsageError {
            fail(error.description, status: 2)
        } catch let error as RuntimeFailure {
            fail(error.description, status: 1)
        } catch {
            let code = exitCode(for: error)
            if code == .success { exit(withError: error) }  // --help, --version, completion scripts
            if error is ExitCode { exit(withError: error) }
            let message = message(for: error).split(separator: "\n").first.map(String.init) ?? "invalid arguments"
            fail("\(message.replacingOccurrences(of: "Error: ", with: "")) (see chatzy-inbox --help)", status: 2)
        }
    }

    static func fail(_ message: String, status: Int32) -> Never {
        FileHandle.standardError.write(Data("chatzy-inbox: \(message)\n".utf8))
        Foundation.exit(status)
    }
}
