import ChatzyAPI
import Foundation
@testable import InboxCLI
import Testing

/// Precedence of every setting: flags, then the environment, then the config file, then defaults.
@Suite struct SettingsTests {
    static func file(_ configure: (inout FileSettings) -> Void) -> FileSettings {
        var file = FileSettings()
        configure(&file)
        return file
    }

    /// Resolves with a config file supplied in memory; records which path was asked for.
    static func resolve(_ input: SettingsInput = SettingsInput(), env: [String: String] = ["HOME": "/home/u"],
                        file: FileSettings = FileSettings()) throws -> Settings {
        try Settings.resolve(input, environment: env) { _, _ in file }
    }

    static let fullFile = file {
        $0.apiURL = "https://file.test/prod"
        $0.email = "file@x.test"
        $0.pageSize = 20
        $0.refreshInterval = 30
        $0.color = false
        $0.timeFormat = .local
        $0.logFile = "/tmp/file.log"
        $0.logLevel = .warning
    }

    @Test func defaultsWhenNothingIsSet() throws {
        let s = try Self.resolve()
        #expect(s.apiURL == ChatzyEndpoint.production.absoluteString)
        #expect(s.email == nil)
        #expect(s.pageSize == 50)
        #expect(s.refreshInterval == 60)
        #expect(s.color)
        #expect(s.timeFormat == .iso)
        #expect(s.logFile == nil)
        #expect(s.logLevel == .info)
        #expect(s.configPath == "/home/u/.config/chatzy-inbox/config.toml")
    }

    @Test func theConfigFileBeatsTheDefaults() throws {
        let s = try Self.resolve(file: Self.fullFile)
        #expect(s.apiURL == "https://file.test/prod")
        #expect(s.email == "file@x.test")
        #expect(s.pageSize == 20)
        #expect(s.refreshInterval == 30)
        #expect(!s.color)
        #expect(s.timeFormat == .local)
        #expect(s.logFile == "/tmp/file.log")
        #expect(s.logLevel == .warning)
    }

    @Test func theEnvironmentBeatsTheConfigFile() throws {
        let env = ["CHATZY_API_URL": "https://env.test/prod", "CHATZY_EMAIL": "env@x.test", "NO_COLOR": "1"]
        let s = try Self.resolve(env: env, file: Self.file { $0.apiURL = "https://file.test"; $0.email = "f@x.test"; $0.color = true })
        #expect(s.apiURL == "https://env.test/prod")
        #expect(s.email == "env@x.test")
        #expect(!s.color, "NO_COLOR beats color = true")
    }

    @Test func emptyEnvironmentVariablesDoNotCount() throws {
        let env = ["CHATZY_API_URL": "", "CHATZY_EMAIL": "", "NO_COLOR": "", "HOME": "/h"]
        let s = try Self.resolve(env: env, file: Self.file { $0.email = "f@x.test" })
        #expect(s.apiURL == ChatzyEndpoint.production.absoluteString)
        #expect(s.email == "f@x.test")
        #expect(s.color)
    }

    @Test func flagsBeatEverything() throws {
        let env = ["CHATZY_API_URL": "https://env.test/prod", "CHATZY_EMAIL": "env@x.test"]
        let input = SettingsInput(apiURL: "http://127.0.0.1:9", email: "flag@x.test", pageSize: 7, refreshInterval: 0,
                                  noColor: true, timeFormat: .relative, logFile: "/tmp/flag.log", logLevel: .debug)
        let s = try Self.resolve(input, env: env, file: Self.fullFile)
        #expect(s.apiURL == "http://127.0.0.1:9")
        #expect(s.email == "flag@x.test")
        #expect(s.pageSize == 7)
        #expect(s.refreshInterval == 0)
        #expect(!s.color)
        #expect(s.timeFormat == .relative)
        #expect(s.logFile == "/tmp/flag.log")
        #expect(s.logLevel == .debug)
    }

    @Test func theConfigPathIsXDGOrTheChosenFileWhichMustExist() throws {
        var asked: [(String, Bool)] = []
        _ = try Settings.resolve(SettingsInput(), environment: ["XDG_CONFIG_HOME": "/xdg", "HOME": "/h"]) { path, required in
            asked.append((path, required)); return FileSettings()
        }
        _ = try Settings.resolve(SettingsInput(configPath: "/mine.toml"), environment: ["HOME": "/h"]) { path, required in
            asked.append((path, required)); return FileSettings()
        }
        #expect(asked.map(\.0) == ["/xdg/chatzy-inbox/config.toml", "/mine.toml"])
        #expect(asked.map(\.1) == [false, true])
    }

    @Test func aBadConfigFileBecomesOneUsageLine() {
        let error = ConfigError(path: "/c.toml", line: 4, key: "page_size", problem: "must be from 1 to 100, got 500")
        #expect(throws: UsageError("config file /c.toml, line 4: page_size must be from 1 to 100, got 500")) {
            try Settings.resolve(SettingsInput(), environment: ["HOME": "/h"]) { _, _ throws(ConfigError) in throw error }
        }
    }

    @Test(arguments: [0, 101, 500, -1])
    func pageSizeFlagsOutOfRangeAreRefused(_ size: Int) {
        #expect(throws: UsageError("--page-size must be from 1 to 100, got \(size)")) {
            try Self.resolve(SettingsInput(pageSize: size))
        }
    }

    @Test func refreshIntervalFlagsOutOfRangeAreRefused() throws {
        #expect(throws: UsageError.self) { try Self.resolve(SettingsInput(refreshInterval: -1)) }
        #expect(throws: UsageError.self) { try Self.resolve(SettingsInput(refreshInterval: 86_401)) }
        #expect(try Self.resolve(SettingsInput(refreshInterval: 86_400)).refreshInterval == 86_400)
    }

    @Test func theRequestTimeoutComesFromTheFlagThenTheFileThenFifteenSeconds() throws {
        #expect(try Self.resolve().timeout == 15)
        #expect(try Self.resolve(file: Self.file { $0.timeout = 40 }).timeout == 40)
        #expect(try Self.resolve(SettingsInput(timeout: 2), file: Self.file { $0.timeout = 40 }).timeout == 2)
    }

    @Test func theScrollMarginComesFromTheFlagThenTheFileThenNone() throws {
        #expect(try Self.resolve().scrollMargin == 0)
        #expect(try Self.resolve(file: Self.file { $0.scrollMargin = 2 }).scrollMargin == 2)
        #expect(try Self.resolve(SettingsInput(scrollMargin: 0), file: Self.file { $0.scrollMargin = 2 }).scrollMargin == 0)
        #expect(try Self.resolve(SettingsInput(scrollMargin: 10)).scrollMargin == 10)
    }

    @Test(arguments: [-1, 11, 1000])
    func scrollMarginFlagsOutOfRangeAreRefused(_ rows: Int) {
        #expect(throws: UsageError("--scroll-margin must be from 0 to 10 rows, got \(rows)")) {
            try Self.resolve(SettingsInput(scrollMargin: rows))
        }
    }

    @Test(arguments: [0, -3, 601])
    func timeoutFlagsOutOfRangeAreRefused(_ seconds: Int) {
        #expect(throws: UsageError("--timeout must be from 1 to 600 seconds, got \(seconds)")) {
            try Self.resolve(SettingsInput(timeout: seconds))
        }
    }

    @Test func theEndpointIsChecked() throws {
        #expect(try Self.resolve(SettingsInput(apiURL: "http://127.0.0.1:8080")).endpoint().baseURL.port == 8080)
        #expect(throws: UsageError("not a URL: \"not a url\" (expected e.g. https://host/prod)")) {
            try Self.resolve(SettingsInput(apiURL: "not a url")).endpoint()
        }
        #expect(throws: UsageError("Refusing plain http to example.com: use https (or --allow-insecure-http)")) {
            try Self.resolve(SettingsInput(apiURL: "http://example.com/prod")).endpoint()
        }
        #expect(try Self.resolve(SettingsInput(apiURL: "http://example.com/prod", allowInsecureHTTP: true)).endpoint()
            .baseURL.host == "example.com")
        #expect(throws: UsageError.self) { try Self.resolve(SettingsInput(apiURL: "ftp://example.com")).endpoint() }
    }

    @Test(arguments: ["plain", "@x.test", "me@", "me @x.test", "a@b@c"])
    func malformedEmailsAreRefused(_ email: String) {
        #expect(throws: UsageError("not an email address: \"\(email)\"")) { try Settings.checkEmail(email) }
    }
}

/// Which token and account the inbox uses: CHATZY_TOKEN, else the stored session.
@Suite struct CredentialsTests {
    static let session = SavedSession(email: "me@x.test", token: IDToken(token: "stored-token", expiresAt: Date(timeIntervalSince1970: 4_000_000_000)))

    @Test func theEnvironmentTokenWinsOverTheStoredSession() throws {
        let c = try Credentials.resolve(email: "me@x.test", environment: ["CHATZY_TOKEN": "env-token"]) { Self.session }
        #expect(c == Credentials(email: "me@x.test", token: "env-token", source: .environment))
    }

    @Test func theStoredSessionSuppliesTokenAndEmail() throws {
        let c = try Credentials.resolve(email: nil, environment: [:]) { Self.session }
        #expect(c.email == "me@x.test")
        #expect(c.token == "stored-token")
        #expect(c.source == .storedSession)
        let sameAccount = try Credentials.resolve(email: "ME@x.test", environment: ["CHATZY_TOKEN": ""]) { Self.session }
        #expect(sameAccount.token == "stored-token")
    }

    @Test func aSessionOfAnotherAccountIsNotUsed() {
        #expect(throws: UsageError("the stored session is for me@x.test, not other@x.test: run `chatzy-inbox login --email other@x.test`")) {
            try Credentials.resolve(email: "other@x.test", environment: [:]) { Self.session }
        }
    }

    @Test func nothingToSignInWithSaysWhatToDo() {
        #expect(throws: UsageError(Credentials.notSignedIn)) {
            try Credentials.resolve(email: "me@x.test", environment: [:]) { nil }
        }
        #expect(Credentials.notSignedIn.contains("CHATZY_EMAIL") && Credentials.notSignedIn.contains("login")
            && Credentials.notSignedIn.contains("--demo"))
    }

    @Test func aTokenWithoutAnEmailIsRefused() {
        #expect(throws: UsageError.self) { try Credentials.resolve(email: nil, environment: ["CHATZY_TOKEN": "t"]) { nil } }
    }

    @Test func anUnsafeSessionFileIsReportedAsItIs() {
        let failure = SessionStoreError.insecurePermissions(path: "/s/session.json", mode: 0o644)
        #expect(throws: UsageError(failure.message)) {
            try Credentials.resolve(email: nil, environment: [:]) { () throws(SessionStoreError) in throw failure }
        }
    }
}
