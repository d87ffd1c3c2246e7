import ArgumentParser
import ChatzyAPI
import DemoServer
import Foundation
import InboxCore
import InboxRender
import InboxRuntime
import TerminalUI
#if canImport(Glibc)
import Glibc
#endif

/// The `chatzy-inbox` command: the terminal inbox.
@main
struct ChatzyInbox: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chatzy-inbox",
        abstract: "A fast terminal inbox for Chatzy AI contact conversations.",
        discussion: """
            Browse conversations, switch All/Unread/Live with 1/2/3, search with /, quit with q.
            Try it without an account:  chatzy-inbox --demo
            Against the real service set CHATZY_EMAIL and CHATZY_TOKEN (CHATZY_API_URL to override the server).
            """,
        version: ChatzyClient.version,
        subcommands: [DemoServerCommand.self]
    )

    @Flag(help: "Run against an embedded demo server on 127.0.0.1 with realistic data.")
    var demo = false

    @Option(name: .customLong("api-url"), help: ArgumentHelp("Base URL of the Chatzy API (env: CHATZY_API_URL).", valueName: "url"))
    var apiURL: String?

    @Option(help: ArgumentHelp("The Chatzy account's email (env: CHATZY_EMAIL).", valueName: "email"))
    var email: String?

    @Option(help: "Contacts fetched per request, 1-100.")
    var pageSize: Int = 50

    @Flag(help: "Draw without colours (also: the NO_COLOR environment variable).")
    var noColor = false

    @Flag(help: "Allow plain http:// to a host that is not this machine (the token travels unencrypted).")
    var allowInsecureHTTP = false

    func validate() throws {
        guard (1...100).contains(pageSize) else {
            throw ValidationError("--page-size must be from 1 to 100, got \(pageSize)")
        }
    }

    func run() throws {
        var server: DemoServer?
        let settings: ConnectionSettings
        if demo {
            do {
                let started = try runBlocking { try await DemoServer.start() }
                server = started
                let endpoint = try ChatzyEndpoint(baseURL: started.url)
                let token = try runBlocking {
                    try await ChatzyClient(endpoint: endpoint, token: nil)
                        .login(email: DemoServerOptions.demoEmail, password: DemoServerOptions.demoPassword)
                }
                settings = ConnectionSettings(endpoint: endpoint, email: DemoServerOptions.demoEmail, token: token.token)
            } catch {
                fail("could not start the demo server: \(error)")
            }
        } else {
            do {
                settings = try ConnectionSettings.resolve(
                    apiURL: apiURL, email: email, allowInsecureHTTP: allowInsecureHTTP,
                    environment: ProcessInfo.processInfo.environment)
            } catch {
                fail(error.description)
            }
        }
        guard isatty(STDOUT_FILENO) == 1, isatty(STDIN_FILENO) == 1 else {
            server?.stop()
            fail("the inbox needs a terminal on stdin and stdout")
        }
        let exit = runInbox(settings)
        server?.stop()
        if exit != .quit { Foundation.exit(exit.status) }
    }

    private func runInbox(_ settings: ConnectionSettings) -> InboxApp.Exit {
        let client = ChatzyClient(endpoint: settings.endpoint, token: settings.token)
        let mailbox = Mailbox()
        let worker = FetchWorker(client: client, email: settings.email) { mailbox.post($0) }
        var state = InboxState(settings: .init(pageSize: pageSize))
        state.textWrapper = MessageLayout.wrapper
        let store = Store(state: state) { worker.run($0) }
        let useColor = !noColor && (ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
        let exit = InboxApp(store: store, mailbox: mailbox, useColor: useColor).run()
        worker.stop()
        return exit
    }

    private func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("chatzy-inbox: \(message)\n".utf8))
        Foundation.exit(2)
    }
}
