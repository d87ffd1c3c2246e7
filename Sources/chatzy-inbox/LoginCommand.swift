import ArgumentParser
import ChatzyAPI
import Foundation
import InboxCLI
#if canImport(Glibc)
import Glibc
#endif

/// `chatzy-inbox login`: asks for the password, signs in and keeps the session.
struct LoginCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "login",
        abstract: "Sign in and keep the session for the inbox and list.",
        discussion: """
            Asks for the password without showing it (or reads the first line of
            stdin with --password-stdin), calls POST /get_id_token and stores the
            email and the token -- never the password -- in
            $XDG_STATE_HOME/chatzy-inbox/session.json (mode 600). The token lives
            one hour; the inbox asks for the password again when it expires.
              chatzy-inbox login --email you@example.com
              pass show chatzy | chatzy-inbox login --email you@example.com \\
                --password-stdin
            """
    )

    @OptionGroup(title: "Connection")
    var connection: ConnectionOptions

    @Flag(name: .customLong("password-stdin"), help: "Read the password from the first line of stdin.")
    var passwordFromStdin = false

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let settings = try Settings.resolve(try connection.input(), environment: environment)
        let endpoint = try settings.endpoint()
        var email = settings.email
        if email == nil, !passwordFromStdin, isatty(STDIN_FILENO) == 1 {
            FileHandle.standardError.write(Data("Email: ".utf8))
            email = readLine(strippingNewline: true)?.trimmingCharacters(in: .whitespaces)
        }
        guard let email, !email.isEmpty else {
            throw UsageError("no account email: pass --email, set CHATZY_EMAIL or email in the config file")
        }
        try Settings.checkEmail(email)
        let store: SessionStore
        do { store = try SessionStore(environment: environment) } catch { throw UsageError(error.message) }
        let redactor = Redactor()
        let log = try settings.logFile.map { path throws(UsageError) in
            try FileLogger(path: path, level: settings.logLevel, redactor: redactor)
        } ?? .disabled(redactor: redactor)

        guard passwordFromStdin || isatty(STDIN_FILENO) == 1 else {
            throw UsageError("stdin is not a terminal: pipe the password in with --password-stdin")
        }
        let password: String
        do {
            password = passwordFromStdin
                ? try PasswordReader.readLine()
                : try PasswordReader.readFromTerminal(prompt: "Password for \(email): ")
        } catch {
            throw error == .cancelled ? RuntimeFailure("sign-in cancelled") : UsageError(error.description) as Error
        }
        let client = RenewableClient(endpoint: endpoint, email: email, token: nil, log: log,
                                     timeout: TimeInterval(settings.timeout))
        let result = try runBlocking { () async -> Result<IDToken, APIError> in
            do throws(APIError) { return .success(try await client.signIn(password: password)) } catch { return .failure(error) }
        }
        switch result {
        case .success(let token):
            do { try store.save(SavedSession(email: email, token: token)) } catch { throw RuntimeFailure(error.message) }
            let expiry = token.expiresAt.formatted(date: .omitted, time: .shortened)
            print("Signed in as \(email) (the session lasts until \(expiry); saved to \(store.fileURL.path))")
        case .failure(let error):
            throw RuntimeFailure(error.signInMessage)
        }
    }
}

/// `chatzy-inbox logout`: forgets the stored session.
struct LogoutCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "logout",
        abstract: "Forget the stored session.",
        discussion: "Removes $XDG_STATE_HOME/chatzy-inbox/session.json. CHATZY_TOKEN, if set, is not affected."
    )

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let store: SessionStore
        do { store = try SessionStore(environment: environment) } catch { throw UsageError(error.message) }
        let existed = FileManager.default.fileExists(atPath: store.fileURL.path)
        do { try store.clear() } catch { throw RuntimeFailure(error.message) }
        print(existed ? "Signed out (removed \(store.fileURL.path))" : "Not signed in: there was no stored session")
    }
}
