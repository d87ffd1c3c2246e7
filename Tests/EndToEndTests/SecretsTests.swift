import DemoServer
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The token and the password never show: not in any process's command line, the log, an
/// error message, the screen (every byte written to the terminal, and captures) or what a
/// crash prints. Distinctive canaries are used so that a hit cannot be a coincidence.
@Suite(.serialized, .ownThreads)
struct SecretsTests {
    /// `secret` and where it was found, for every secret found in `texts` (name -> text).
    static func leaks(of secrets: [String], in texts: [String: String]) -> [String] {
        texts.sorted { $0.key < $1.key }.flatMap { name, text in
            secrets.filter { !$0.isEmpty && text.contains($0) }.map { "\($0) in \(name)" }
        }
    }

    /// The command line of every process this user can read, by pid.
    static func commandLines() -> [pid_t: String] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        var lines: [pid_t: String] = [:]
        for entry in entries {
            guard let pid = pid_t(entry), let data = FileManager.default.contents(atPath: "/proc/\(entry)/cmdline") else { continue }
            lines[pid] = String(decoding: data.map { $0 == 0 ? 0x20 : $0 }, as: UTF8.self)
        }
        return lines
    }

    /// Writes a session file as `chatzy-inbox login` would: 0600 in a 0700 directory.
    static func writeSession(stateHome: URL, email: String, token: String) throws -> URL {
        let directory = stateHome.appendingPathComponent("chatzy-inbox")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let file = directory.appendingPathComponent("session.json")
        let expiry = Int64(Date().addingTimeInterval(3600).timeIntervalSince1970 * 1000)
        let json = #"{"email":"\#(email)","id_token":"\#(token)","expires_at_ms":\#(expiry)}"#
        guard FileManager.default.createFile(atPath: file.path, contents: Data(json.utf8), attributes: [.posixPermissions: 0o600]) else {
            throw CocoaError(.fileWriteUnknown)
        }
        return file
    }

    static func permissions(_ path: String) -> Int {
        var info = stat()
        return lstat(path, &info) == 0 ? Int(info.st_mode & 0o777) : -1
    }

    /// The inbox starts with a stale stored token (401), is given a wrong password, then the
    /// right one (the new token is saved), and finally crashes. Everything it wrote is searched
    /// for the stale token, the new token and both passwords. The crash is a real fault (the
    /// debug build's `CHATZY_DEBUG_FAULT` hook), so the Swift runtime writes its full crash
    /// report — every thread, the registers and the memory they point to — and that is
    /// searched too (unsymbolicated: symbolicating the debug binary takes minutes).
    @Test func theInboxShowsNoSecretAnywhereThroughSignInAndACrash() async throws {
        let server = try DemoServerProcess(["--contacts", "60"])
        defer { server.stop() }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("chz-secrets-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let staleToken = "stale-token-canary-\(UUID().uuidString)"
        let wrongPassword = "wrong-password-canary-\(UUID().uuidString.prefix(8))"
        let sessionFile = try Self.writeSession(stateHome: dir.appendingPathComponent("state"), email: server.email, token: staleToken)
        let log = dir.appendingPathComponent("inbox.log").path, stderr = dir.appendingPathComponent("stderr").path
        let pane = dir.appendingPathComponent("pane.out").path, go = dir.appendingPathComponent("go").path

        // The inbox waits for `go` so that every byte it writes to the terminal is recorded.
        let tmux = try TmuxHarness(
            command: "while [ ! -e \(go) ]; do sleep 0.05; done; \(BuiltBinary.path) --refresh-interval 0 --log-file \(log) --log-level debug 2> \(stderr)",
            environment: ["CHATZY_API_URL": server.url, "CHATZY_TOKEN": "", "CHATZY_EMAIL": "",
                          "XDG_STATE_HOME": dir.path + "/state", "XDG_CONFIG_HOME": dir.path + "/config",
                          "SWIFT_BACKTRACE": "enable=yes,interactive=no,color=no,preset=full,symbolicate=off",
                          "CHATZY_DEBUG_FAULT": "1"])
        defer { tmux.close() }
        try tmux.pipe(to: pane)
        _ = FileManager.default.createFile(atPath: go, contents: nil)

        var screens: [String] = []
        func waitFor(_ what: String, _ condition: @escaping ([String]) -> Bool) async throws {
            let screen = try await tmux.waitFor(what, timeout: 20, condition)
            screens.append(screen.joined(separator: "\n"))
        }
        try await waitFor("the password prompt after the stale token's 401") { $0.contains { $0.contains("Session expired — sign in again") } }
        try tmux.sendBytes(wrongPassword)
        try tmux.send("Enter")
        try await waitFor("the refusal") { $0.contains { $0.contains("Wrong email or password (401)") } }
        try tmux.sendBytes(DemoServerOptions.demoPassword)
        try tmux.send("Enter")
        try await waitFor("contacts after signing in") { screen in
            !screen.contains { $0.contains("Session expired") } && StatusLine(screen).loaded != nil
        }

        // The new token was saved for the next run: 0600 in 0700.
        let saved = try JSONSerialization.jsonObject(with: Data(contentsOf: sessionFile)) as? [String: Any]
        let newToken = try #require(saved?["id_token"] as? String)
        #expect(newToken != staleToken && !newToken.isEmpty)
        #expect(Self.permissions(sessionFile.path) == 0o600)
        #expect(Self.permissions(sessionFile.deletingLastPathComponent().path) == 0o700)

        // No process on the machine carries a secret on its command line while the inbox runs
        // (the shared demo password only checked in this test's own processes).
        let inbox = try #require(try tmux.childPID(named: "chatzy-inbox"))
        let lines = Self.commandLines()
        #expect(lines[inbox]?.contains(BuiltBinary.path) == true, "the inbox's command line is readable")
        let everywhere = lines.filter { _, line in [staleToken, newToken, wrongPassword].contains { line.contains($0) } }
        #expect(everywhere.isEmpty, "secrets on command lines: \(everywhere)")
        let ours = [inbox, server.pid].compactMap { lines[$0] }
        #expect(!ours.contains { $0.contains(DemoServerOptions.demoPassword) })

        // A real crash: the terminal is restored, then the runtime writes its report.
        kill(inbox, SIGUSR2)
        let crashed = try await tmux.waitFor("the crash to end the inbox", timeout: 120) { $0.contains { $0.contains("EXIT=") } }
        screens.append(crashed.joined(separator: "\n"))
        #expect(screens.last?.contains("EXIT=139") == true, "died of SIGSEGV: \(screens.last ?? "")")

        let read = { (path: String) in (try? String(contentsOfFile: path, encoding: .utf8)) ?? "" }
        let written = [
            "the terminal output": String(decoding: FileManager.default.contents(atPath: pane) ?? Data(), as: UTF8.self),
            "stderr": read(stderr), "the log": read(log),
            "the screen captures": screens.joined(separator: "\n"),
        ]
        #expect(written["the terminal output"]!.count > 1_000, "the terminal output was recorded")
        #expect(written["stderr"]!.contains("Program crashed") && written["stderr"]!.contains("Registers"),
                "the runtime's crash report was written")
        #expect(written["the log"]!.contains("answered 401") && written["the log"]!.contains("signed in as"),
                "the log records the events that carried the secrets")
        print("SECRETS searched \(written.map { "\($0.key): \($0.value.utf8.count) bytes" }.sorted().joined(separator: ", ")); "
              + "\(lines.count) command lines")
        let found = Self.leaks(of: [staleToken, newToken, wrongPassword, DemoServerOptions.demoPassword], in: written)
        #expect(found.isEmpty, "leaked: \(found)")
    }

    /// The scripts' paths: a wrong password to `login`, the right one, `list` with the stored
    /// token and `list` with a token the server refuses. Nothing they print or log holds a secret.
    @Test func loginAndListPrintAndLogNoSecret() async throws {
        let server = try DemoServerProcess(["--contacts", "30"])
        defer { server.stop() }
        let (env, home) = try CLIBinaryTests.environment(["CHATZY_API_URL": server.url])
        defer { try? FileManager.default.removeItem(at: home) }
        let wrongPassword = "wrong-password-canary-\(UUID().uuidString.prefix(8))"
        let refusedToken = "refused-token-canary-\(UUID().uuidString)"
        let logPath = home.appendingPathComponent("cli.log").path
        let secretFile = home.appendingPathComponent("password")
        let logFlags = ["--log-file", logPath, "--log-level", "debug"]
        var outputs: [String: String] = [:]

        try Data((wrongPassword + "\n").utf8).write(to: secretFile)
        let refused = try CLIBinaryTests.run(["login", "--email", server.email, "--password-stdin"] + logFlags, env, stdin: secretFile.path)
        #expect(refused.status == 1 && refused.stderr.contains("Wrong email or password"), "\(refused.stderr)")
        outputs["login refused"] = refused.stdout + refused.stderr

        try Data((DemoServerOptions.demoPassword + "\n").utf8).write(to: secretFile)
        let login = try CLIBinaryTests.run(["login", "--email", server.email, "--password-stdin"] + logFlags, env, stdin: secretFile.path)
        #expect(login.status == 0, "\(login.stderr)")
        outputs["login"] = login.stdout + login.stderr
        let sessionFile = home.appendingPathComponent("state/chatzy-inbox/session.json")
        let saved = try JSONSerialization.jsonObject(with: Data(contentsOf: sessionFile)) as? [String: Any]
        let token = try #require(saved?["id_token"] as? String)
        #expect(Self.permissions(sessionFile.path) == 0o600)
        #expect(!(try String(contentsOf: sessionFile, encoding: .utf8)).contains(DemoServerOptions.demoPassword), "never the password")

        let list = try CLIBinaryTests.run(["list", "--format", "jsonl"] + logFlags, env)
        #expect(list.status == 0 && list.stdout.split(separator: "\n").count == 30, "\(list.stderr)")
        outputs["list"] = list.stdout + list.stderr

        var refusedEnv = env
        refusedEnv["CHATZY_TOKEN"] = refusedToken
        refusedEnv["CHATZY_EMAIL"] = server.email
        let unauthorized = try CLIBinaryTests.run(["list"] + logFlags, refusedEnv)
        #expect(unauthorized.status == 1 && unauthorized.stderr.contains("401"), "\(unauthorized.stderr)")
        outputs["list with a refused token"] = unauthorized.stdout + unauthorized.stderr

        outputs["the log"] = (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? ""
        #expect(outputs["the log"]!.contains("signed in as"))
        let found = Self.leaks(of: [wrongPassword, DemoServerOptions.demoPassword, token, refusedToken], in: outputs)
        #expect(found.isEmpty, "leaked: \(found)")
    }

    /// A session file or directory others can reach is refused by every command that reads it,
    /// with the fix; once fixed, it is used again.
    @Test func aLooseSessionFileOrDirectoryIsRefusedWithTheFix() async throws {
        let server = try DemoServerProcess(["--contacts", "5"])
        defer { server.stop() }
        let (env, home) = try CLIBinaryTests.environment(["CHATZY_API_URL": server.url])
        defer { try? FileManager.default.removeItem(at: home) }
        let sessionFile = try Self.writeSession(stateHome: home.appendingPathComponent("state"), email: server.email, token: server.token)
        let directory = sessionFile.deletingLastPathComponent().path
        #expect(try CLIBinaryTests.run(["list", "--max", "1"], env).status == 0)

        chmod(sessionFile.path, 0o644)
        for command in [["list"], []] {
            let result = try CLIBinaryTests.run(command, env)
            #expect(result.status == 2 && result.stderr.contains("Refusing \(sessionFile.path): readable by others (mode 644); run: chmod 600"),
                    "\(command): \(result.stderr)")
            #expect(!result.stderr.contains(server.token))
        }
        chmod(sessionFile.path, 0o600)
        chmod(directory, 0o755)
        for command in [["list"], []] {
            let result = try CLIBinaryTests.run(command, env)
            #expect(result.status == 2 && result.stderr.contains("the directory is open to others (mode 755); run: chmod 700 \(directory)"),
                    "\(command): \(result.stderr)")
        }
        chmod(directory, 0o700)
        #expect(try CLIBinaryTests.run(["list", "--max", "1"], env).status == 0)
    }

    /// (how the URL is given, the host the refusal names)
    static let plainHTTP: [([String], [String: String], String?, String)] = [
        ([], ["CHATZY_API_URL": "http://example.com/prod"], nil, "example.com"),
        (["list"], [:], "api_url = \"http://10.1.2.3:8080/prod\"\n", "10.1.2.3"),
        (["list", "--api-url", "http://127.0.0.1.example.com/prod"], [:], nil, "127.0.0.1.example.com"),
        (["--api-url", "http://localhost.example.com"], [:], nil, "localhost.example.com"),
        (["list", "--api-url", "http://[::ffff:10.0.0.1]:80"], [:], nil, "::ffff:10.0.0.1"),
        (["login", "--password-stdin", "--api-url", "http://192.168.1.10"], [:], nil, "192.168.1.10"),
    ]

    @Test(arguments: plainHTTP.indices)
    func plainHTTPToAnotherHostIsRefusedBeforeAnythingIsSent(_ index: Int) async throws {
        let (arguments, extra, config, host) = Self.plainHTTP[index]
        let token = "http-canary-\(UUID().uuidString)"
        let (env, home) = try CLIBinaryTests.environment(["CHATZY_EMAIL": "me@example.com", "CHATZY_TOKEN": token].merging(extra) { _, new in new })
        defer { try? FileManager.default.removeItem(at: home) }
        if let config { try CLIBinaryTests.writeConfig(config, home: home) }
        let result = try CLIBinaryTests.run(arguments, env)
        #expect(result.status == 2, "\(arguments): \(result.stderr)")
        #expect(result.stderr.contains("Refusing plain http to \(host): use https (or --allow-insecure-http)"), "\(result.stderr)")
        #expect(!result.stderr.contains(token))
    }
}

extension TmuxHarness {
    /// Types `text` as raw bytes (`send-keys -H`): the text never appears on tmux's command line.
    func sendBytes(_ text: String) throws {
        let bytes = text.utf8.map { String(format: "%02x", $0) }
        let result = try spawnAndWait("/usr/bin/env", ["tmux", "-L", socket, "send-keys", "-t", "0", "-H"] + bytes)
        if result.status != 0 { throw HarnessError.tmuxFailed("send-keys -H", result.status) }
    }
}
