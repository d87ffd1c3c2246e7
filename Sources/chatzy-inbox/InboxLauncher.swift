import ChatzyAPI
import Foundation
import InboxCLI
import InboxCore
import InboxRender
import InboxRuntime
import TerminalUI
#if canImport(Glibc)
import Glibc
#endif

/// Wires the inbox: checks everything that can be wrong before the screen is touched
/// (credentials, a terminal, the log file), then runs the UI with a client whose token the
/// sign-in prompt can renew.
struct InboxLauncher {
    let settings: Settings
    let filter: ConversationFilter
    let search: String
    let demo: Bool
    let environment: [String: String]

    func run() throws {
        Self.returnLargeBuffersToTheSystem()
        let redactor = Redactor()
        var credentials: Credentials?
        var endpoint: ChatzyEndpoint?
        let sessionStore = try? SessionStore(environment: environment)
        if !demo {
            endpoint = try settings.endpoint()
            credentials = try Credentials.resolve(email: settings.email, environment: environment) { () throws(SessionStoreError) in
                guard let sessionStore else { return nil }
                return try sessionStore.load()
            }
        }
        let log = try settings.logFile.map { path throws(UsageError) in
            try FileLogger(path: path, level: settings.logLevel, redactor: redactor)
        } ?? .disabled(redactor: redactor)
        guard isatty(STDOUT_FILENO) == 1 else {
            throw UsageError("stdout is not a terminal: to print contacts to a pipe or a file use `chatzy-inbox list` (see chatzy-inbox list --help)")
        }
        guard isatty(STDIN_FILENO) == 1 else {
            throw UsageError("stdin is not a terminal: the inbox reads keys from it (for scripts use `chatzy-inbox list`)")
        }

        var demoSession: DemoSession?
        if demo {
            do { demoSession = try DemoSession.start() } catch {
                throw RuntimeFailure("could not start the demo server: \(error)")
            }
            endpoint = demoSession!.endpoint
            credentials = Credentials(email: demoSession!.email, token: demoSession!.token.token, source: .environment,
                                      expiresAt: demoSession!.token.expiresAt)
        }
        defer { demoSession?.server.stop() }
        guard let endpoint, let credentials else { return }

        log.info("chatzy-inbox \(ChatzyClient.version) starting\(demo ? " (demo)" : ""): \(endpoint.baseURL.absoluteString) as \(credentials.email), token from \(credentials.source == .environment ? "the environment" : "the stored session"), tab \(filter.rawValue), page size \(settings.pageSize), refresh every \(settings.refreshInterval) s, time-out \(settings.timeout) s, config \(settings.configPath ?? "none")")
        let client = RenewableClient(endpoint: endpoint, email: credentials.email, token: credentials.token, log: log,
                                     timeout: TimeInterval(settings.timeout))
        let mailbox = Mailbox()
        let worker = FetchWorker(client: client, email: credentials.email) { action in
            if case .pageFailed(let request, let error) = action, error == .unauthorized {
                log.warning("request \(request.id) answered 401: the session expired; asking for the password")
            }
            mailbox.post(action)
        }
        var state = InboxState(
            settings: .init(pageSize: settings.pageSize,
                            refreshIntervalSeconds: settings.refreshInterval > 0 ? settings.refreshInterval : nil,
                            scrollMargin: settings.scrollMargin),
            filter: filter, query: search)
        state.textWrapper = MessageLayout.wrapper
        let store = Store(state: state) { worker.run($0) }
        let keepSession = credentials.source == .storedSession ? sessionStore : nil
        let prompt = SignInPrompt(account: credentials.email) { password in
            do throws(APIError) {
                let token = try await client.signIn(password: password)
                if let keepSession {
                    do throws(SessionStoreError) { try keepSession.save(SavedSession(email: credentials.email, token: token)) } catch {
                        log.warning("the renewed session could not be saved: \(error.message)")
                    }
                }
                return nil
            } catch {
                return error.signInMessage
            }
        }
        #if DEBUG
        DebugFault.armIfAsked(environment: environment)
        #endif
        let ending = InboxApp(store: store, mailbox: mailbox, useColor: settings.color, signInPrompt: prompt).run()
        worker.stop()
        log.info("chatzy-inbox exits: \(ending == .quit ? "quit" : "signal, status \(ending.status)")")
        if ending != .quit {
            demoSession?.server.stop()
            Foundation.exit(ending.status)
        }
    }
}

extension InboxLauncher {
    /// The loaded rows live in one growing array: each time it doubles, the old buffer is freed.
    /// glibc raises its mmap threshold after such a free, so later buffers come from the heap
    /// and freed ones stay resident (about 190 bytes per contact at 100,000 contacts). A fixed
    /// threshold keeps every large buffer in its own mapping, given back when freed.
    static func returnLargeBuffersToTheSystem() {
        #if canImport(Glibc)
        // `mallopt` is in <malloc.h>, which the Glibc module does not import: look it up.
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        let mmapThreshold: Int32 = -3 // M_MMAP_THRESHOLD
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
        _ = unsafeBitCast(symbol, to: Mallopt.self)(mmapThreshold, 256 * 1024)
        #endif
    }
}

