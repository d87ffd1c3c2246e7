import DemoServer
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The real binary as scripts use it: bad input, `list` in every format against a DemoServer,
/// a reader closing the pipe, login and logout, the log, help and completions.
@Suite(.serialized, .ownThreads)
struct CLIBinaryTests {
    /// A clean environment: a temporary config and state home, no Chatzy variables.
    static func environment(_ extra: [String: String] = [:]) throws -> (env: [String: String], home: URL) {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("chz-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        var env = ProcessInfo.processInfo.environment
        for key in ["CHATZY_EMAIL", "CHATZY_TOKEN", "CHATZY_API_URL", "NO_COLOR"] { env[key] = nil }
        env["SWIFT_BACKTRACE"] = "interactive=no"
        env["HOME"] = home.path
        env["XDG_CONFIG_HOME"] = home.appendingPathComponent("config").path
        env["XDG_STATE_HOME"] = home.appendingPathComponent("state").path
        env.merge(extra) { _, new in new }
        return (env, home)
    }

    static func writeConfig(_ text: String, home: URL) throws {
        let dir = home.appendingPathComponent("config/chatzy-inbox")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try text.write(to: dir.appendingPathComponent("config.toml"), atomically: true, encoding: .utf8)
    }

    static func run(_ arguments: [String], _ env: [String: String], stdin: String = "/dev/null") throws -> SpawnResult {
        try spawnAndWait(BuiltBinary.path, arguments, environment: env, stdinPath: stdin)
    }

    /// (arguments, config file text or nil, extra environment, a phrase of the one line)
    static let badInputs: [([String], String?, [String: String], String)] = [
        (["--frobnicate"], nil, [:], "Unknown option '--frobnicate'"),
        (["list", "--format", "xml"], nil, [:], "--format must be table, tsv, json or jsonl, got \"xml\""),
        (["--api-url", "not a url", "--email", "a@b.c"], nil, ["CHATZY_TOKEN": "t"], "not a URL: \"not a url\""),
        (["--api-url", "http://example.com/prod"], nil, ["CHATZY_TOKEN": "t", "CHATZY_EMAIL": "a@b.c"], "Refusing plain http to example.com"),
        ([], nil, ["CHATZY_TOKEN": "t"], "no account email"),
        (["list"], nil, ["CHATZY_TOKEN": "t", "CHATZY_EMAIL": "not-an-email"], "not an email address: \"not-an-email\""),
        (["--page-size", "0"], nil, [:], "--page-size must be from 1 to 100, got 0"),
        (["list", "--page-size", "500"], nil, [:], "--page-size must be from 1 to 100, got 500"),
        (["list", "--max", "0"], nil, [:], "--max must be 1 or more, got 0"),
        (["list", "--retries", "11"], nil, [:], "--retries must be from 0 to 10, got 11"),
        // A negative number is the option's value, not an unknown flag.
        (["list", "--max", "-1"], nil, [:], "--max must be 1 or more, got -1"),
        (["--scroll-margin", "-1"], nil, [:], "--scroll-margin must be from 0 to 10 rows, got -1"),
        (["list", "--timeout", "0"], nil, [:], "--timeout must be from 1 to 600 seconds, got 0"),
        (["list"], "timeout = 601\n", [:], "line 1: timeout must be from 1 to 600 seconds, got 601"),
        (["--filter", "spam"], nil, [:], "--filter must be all, unread or live, got \"spam\""),
        ([], "email = \"a@b.c\"\npage_size = \"ten\"\n", [:], "line 2: page_size must be an integer, got a string"),
        (["list"], "# settings\ncolour = false\n", [:], "line 2: colour is not a setting"),
        (["--demo"], "page_size = 500\n", [:], "line 1: page_size must be from 1 to 100, got 500"),
        (["--config", "/nonexistent/chz.toml"], nil, [:], "config file /nonexistent/chz.toml: cannot be read (no such file)"),
        (["--demo", "--log-file", "/nonexistent/dir/x.log"], nil, [:], "cannot open the log file /nonexistent/dir/x.log"),
        (["--demo"], nil, [:], "stdout is not a terminal: to print contacts to a pipe or a file use `chatzy-inbox list`"),
        (["list"], nil, [:], "not signed in: run `chatzy-inbox login`"),
    ]

    @Test(arguments: badInputs.indices)
    func badInputIsOneClearLineAndStatus2(_ index: Int) async throws {
        let (arguments, config, extra, phrase) = Self.badInputs[index]
        let (env, home) = try Self.environment(extra)
        if let config { try Self.writeConfig(config, home: home) }
        let result = try Self.run(arguments, env)
        #expect(result.status == 2, "\(arguments): \(result.stderr)")
        #expect(result.stdout.isEmpty)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1, "one line, got: \(result.stderr)")
        #expect(result.stderr.hasPrefix("chatzy-inbox: "))
        #expect(result.stderr.contains(phrase), "\(result.stderr)")
    }

    @Test func anUnreadableConfigFileNamesIt() async throws {
        let (env, home) = try Self.environment()
        let path = home.appendingPathComponent("config/chatzy-inbox/config.toml")
        try FileManager.default.createDirectory(at: path, withIntermediateDirectories: true)  // a directory where the file should be
        let result = try Self.run(["list"], env)
        #expect(result.status == 2)
        #expect(result.stderr == "chatzy-inbox: config file \(path.path): cannot be read (it is a directory)\n")
    }

    static func server(_ arguments: [String] = ["--contacts", "230"]) throws -> DemoServerProcess {
        try DemoServerProcess(arguments)
    }

    static func signedIn(_ server: DemoServerProcess, _ extra: [String: String] = [:]) throws -> (env: [String: String], home: URL) {
        try environment(server.signedIn.merging(extra) { _, new in new })
    }

    @Test func listPrintsEveryContactInEveryFormat() async throws {
        let server = try Self.server()
        defer { server.stop() }
        let (env, _) = try Self.signedIn(server)
        let jsonl = try Self.run(["list", "--format", "jsonl", "--page-size", "100"], env)
        #expect(jsonl.status == 0, "\(jsonl.stderr)")
        #expect(jsonl.stderr.isEmpty)
        let objects = try jsonl.stdout.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        #expect(objects.count == 230)
        #expect(Set(objects.compactMap { $0["contact_id"] as? String }).count == 230)

        let json = try Self.run(["list", "--format", "json"], env)
        #expect(json.status == 0)
        let array = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(array.count == 230)

        let tsv = try Self.run(["list", "--format", "tsv", "--filter", "unread"], env)
        #expect(tsv.status == 0)
        let rows = tsv.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
        #expect(!rows.isEmpty && rows.count < 230)
        #expect(rows.allSatisfy { $0.count == 9 && (Int($0[7]) ?? 0) > 0 }, "the unread tab: every row has unread messages")

        let table = try Self.run(["list", "--max", "12"], env)
        #expect(table.status == 0)
        let lines = table.stdout.split(separator: "\n")
        #expect(lines.count == 13)
        #expect(lines[0].hasPrefix("UNREAD  NAME"))
        let noHeader = try Self.run(["list", "--max", "3", "--no-header", "--format", "tsv"], env)
        #expect(noHeader.stdout.split(separator: "\n").count == 3)
    }

    @Test func hostileNamesAreMadeVisibleInTheTable() async throws {
        let server = try Self.server(["--contacts", "300", "--hostile"])
        defer { server.stop() }
        let (env, _) = try Self.signedIn(server)
        let table = try Self.run(["list", "--format", "table"], env)
        #expect(table.status == 0)
        #expect(!table.stdout.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value) },
                "no control character reaches the terminal")
        #expect(table.stdout.contains("^["), "escape sequences are shown, not obeyed")
    }

    @Test func aReaderClosingThePipeEndsListQuietlyWithStatus0() async throws {
        let server = try Self.server(["--contacts", "2000"])
        defer { server.stop() }
        let (env, _) = try Self.signedIn(server)
        let script = "set -o pipefail; '\(BuiltBinary.path)' list --format jsonl --page-size 20 | head -1; echo \"STATUS=${PIPESTATUS[0]}\""
        let result = try spawnAndWait("/bin/bash", ["-c", script], environment: env)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 2, "\(result.stdout)")
        #expect(lines.first?.hasPrefix("{") == true)
        #expect(lines.last == "STATUS=0")
        #expect(result.stderr.isEmpty, "quiet: \(result.stderr)")
    }

    @Test func anInvalidTokenIsOneLineAndStatus1() async throws {
        let server = try Self.server()
        defer { server.stop() }
        let (env, _) = try Self.signedIn(server, ["CHATZY_TOKEN": "expired-or-wrong"])
        let result = try Self.run(["list"], env)
        #expect(result.status == 1)
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(result.stderr.contains("(401)") && result.stderr.contains("chatzy-inbox login"))
        #expect(!result.stderr.contains("expired-or-wrong"))
    }

    @Test func loginStoresTheSessionThatListUsesAndLogoutRemovesIt() async throws {
        let server = try Self.server()
        defer { server.stop() }
        let (env, home) = try Self.environment(["CHATZY_API_URL": server.url])
        let passwordFile = home.appendingPathComponent("pw")
        let wrongFile = home.appendingPathComponent("wrong")
        try "\(DemoServerOptions.demoPassword)\n".write(to: passwordFile, atomically: true, encoding: .utf8)
        try "not-the-password\n".write(to: wrongFile, atomically: true, encoding: .utf8)
        let logPath = home.appendingPathComponent("cli.log").path

        let wrong = try Self.run(["login", "--email", DemoServerOptions.demoEmail, "--password-stdin", "--log-file", logPath], env, stdin: wrongFile.path)
        #expect(wrong.status == 1)
        #expect(wrong.stderr == "chatzy-inbox: Wrong email or password (401)\n")

        let login = try Self.run(["login", "--email", DemoServerOptions.demoEmail, "--password-stdin", "--log-file", logPath,
                                  "--log-level", "debug"], env, stdin: passwordFile.path)
        #expect(login.status == 0, "\(login.stderr)")
        #expect(login.stdout.contains("Signed in as \(DemoServerOptions.demoEmail)"))
        let sessionPath = home.appendingPathComponent("state/chatzy-inbox/session.json").path
        let session = try String(contentsOfFile: sessionPath, encoding: .utf8)
        #expect(session.contains("id_token") && !session.contains(DemoServerOptions.demoPassword))
        let mode = try FileManager.default.attributesOfItem(atPath: sessionPath)[.posixPermissions] as? Int
        #expect(mode == 0o600)

        // No CHATZY_EMAIL, no CHATZY_TOKEN: the stored session supplies both.
        let list = try Self.run(["list", "--max", "5", "--format", "tsv", "--log-file", logPath, "--log-level", "debug"], env)
        #expect(list.status == 0, "\(list.stderr)")
        #expect(list.stdout.split(separator: "\n").count == 6)

        let log = try String(contentsOfFile: logPath, encoding: .utf8)
        let token = try #require(try JSONSerialization.jsonObject(with: Data(session.utf8)) as? [String: Any])["id_token"] as? String
        #expect(log.contains("get_contact_conversations?user_email_id="), "the request URL is logged")
        #expect(!log.contains(try #require(token)), "the token is not")
        #expect(!log.contains(DemoServerOptions.demoPassword) && !log.contains("not-the-password"), "nor the passwords")

        let logout = try Self.run(["logout"], env)
        #expect(logout.status == 0)
        #expect(logout.stdout.contains("Signed out"))
        #expect(!FileManager.default.fileExists(atPath: sessionPath))
        let again = try Self.run(["logout"], env)
        #expect(again.status == 0 && again.stdout.contains("Not signed in"))
        let afterwards = try Self.run(["list"], env)
        #expect(afterwards.status == 2 && afterwards.stderr.contains("not signed in"))
    }

    @Test func loginWithoutATerminalOrEmailSaysWhatToDo() async throws {
        let (env, _) = try Self.environment(["CHATZY_API_URL": "http://127.0.0.1:9"])
        let noEmail = try Self.run(["login", "--password-stdin"], env)
        #expect(noEmail.status == 2 && noEmail.stderr.contains("no account email"))
        let noTTY = try Self.run(["login", "--email", "a@b.c"], env)
        #expect(noTTY.stderr.contains("--password-stdin"), "\(noTTY.stderr)")
        #expect(noTTY.status == 2)
    }

    @Test func theConfigFileSuppliesTheServerAndAccount() async throws {
        let server = try Self.server()
        defer { server.stop() }
        let (env, home) = try Self.environment(["CHATZY_TOKEN": server.token])
        try Self.writeConfig("""
            # chatzy-inbox
            api_url = "\(server.url)"
            email = "\(DemoServerOptions.demoEmail)"
            page_size = 7
            log_level = "debug"
            log_file = "\(home.path)/from-config.log"
            """, home: home)
        let result = try Self.run(["list", "--max", "10", "--format", "jsonl"], env)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.split(separator: "\n").count == 10)
        let log = try String(contentsOfFile: home.path + "/from-config.log", encoding: .utf8)
        #expect(log.contains("limit=7&offset=0"), "page_size from the file")
        #expect(log.contains("limit=3&offset=7"), "the last page asks only for what --max still needs")
        let flagWins = try Self.run(["list", "--max", "4", "--page-size", "2", "--log-file", home.path + "/flag.log"], env)
        #expect(flagWins.status == 0)
        #expect(try String(contentsOfFile: home.path + "/flag.log", encoding: .utf8).contains("limit=2&offset=2"))
    }

    @Test func helpVersionAndCompletionScripts() async throws {
        let (env, _) = try Self.environment()
        for command in [[], ["list"], ["login"], ["logout"], ["demo-server"]] {
            let help = try Self.run(command + ["--help"], env)
            #expect(help.status == 0)
            #expect(help.stdout.contains("USAGE: chatzy-inbox"), "\(command)")
        }
        #expect(try Self.run(["list", "--help"], env).stdout.contains("--format <format>"))
        #expect(try Self.run(["login", "--help"], env).stdout.contains("--password-stdin"))
        #expect(try Self.run(["--help"], env).stdout.contains("--refresh-interval"))
        let version = try Self.run(["--version"], env)
        #expect(version.status == 0 && version.stdout.range(of: #"^\d+\.\d+\.\d+\n$"#, options: .regularExpression) != nil)
        for shell in ["bash", "zsh", "fish"] {
            let script = try Self.run(["--generate-completion-script", shell], env)
            #expect(script.status == 0)
            #expect(script.stdout.contains("login") && script.stdout.contains("jsonl"), "\(shell)")
        }
    }
}
