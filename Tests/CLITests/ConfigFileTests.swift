import Foundation
@testable import InboxCLI
import Testing

/// The config file's TOML subset: what it accepts, and that every refusal names the line and key.
@Suite struct ConfigFileTests {
    @Test func readsEveryDocumentedKeyWithCommentsBlankLinesAndCRLF() throws {
        let text = """
            # chatzy-inbox settings\r
            \r
            api_url = "https://example.test/prod"   # the server\r
            email = 'me@example.test'\r
            page_size = 25\r
            refresh_interval = 1_000\r
            color = false\r
            time_format = "relative"\r
            log_file = "/tmp/x \\"quoted\\" \\u00e9.log"\r
            log_level = "debug"\r
            timeout = 30\r
            scroll_margin = 3\r
            """
        let settings = try FileSettings(ConfigFile.parse(text, path: "c.toml"))
        #expect(settings.apiURL == "https://example.test/prod")
        #expect(settings.email == "me@example.test")
        #expect(settings.pageSize == 25)
        #expect(settings.refreshInterval == 1000)
        #expect(settings.color == false)
        #expect(settings.timeFormat == .relative)
        #expect(settings.logFile == "/tmp/x \"quoted\" é.log")
        #expect(settings.logLevel == .debug)
        #expect(settings.timeout == 30)
        #expect(settings.scrollMargin == 3)
    }

    @Test func anEmptyFileSetsNothing() throws {
        #expect(try FileSettings(ConfigFile.parse("\n# only a comment\n\n", path: "c")) == FileSettings())
    }

    /// (file text, expected line, expected key, a phrase of the problem)
    static let refusals: [(String, Int, String?, String)] = [
        ("email = \"a@b.c\"\npage_size = \"ten\"", 2, "page_size", "must be an integer, got a string"),
        ("page_size = 500", 1, "page_size", "must be from 1 to 100, got 500"),
        ("page_size = 0", 1, "page_size", "must be from 1 to 100, got 0"),
        ("\n\nrefresh_interval = -5", 3, "refresh_interval", "from 0 (off) to 86400"),
        ("color = \"no\"", 1, "color", "must be true or false, got a string"),
        ("timeout = 0", 1, "timeout", "must be from 1 to 600 seconds, got 0"),
        ("timeout = \"5s\"", 1, "timeout", "must be an integer, got a string"),
        ("scroll_margin = 11", 1, "scroll_margin", "must be from 0 to 10 rows, got 11"),
        ("scroll_margin = -1", 1, "scroll_margin", "must be from 0 to 10 rows, got -1"),
        ("scroll_margin = true", 1, "scroll_margin", "must be an integer, got true or false"),
        ("api_url = 42", 1, "api_url", "must be a \"quoted string\", got an integer"),
        ("time_format = \"soon\"", 1, "time_format", "must be one of \"iso\", \"local\", \"relative\""),
        ("log_level = \"loud\"", 1, "log_level", "must be one of"),
        ("pagesize = 10", 1, "pagesize", "is not a setting"),
        ("email = \"a@b.c\"\nemail = \"d@e.f\"", 2, "email", "is already set on line 1"),
        ("email = \"a@b.c", 1, "email", "without its closing quote"),
        ("email = a@b.c", 1, "email", "not a \"quoted string\""),
        ("email \"a@b.c\"", 1, nil, "expected key = value"),
        ("[inbox]\npage_size = 5", 1, nil, "tables"),
        ("page_size =", 1, "page_size", "has no value"),
        ("email = \"a\" trailing", 1, "email", "text after the closing quote"),
        ("color = true\npage_size = 1.5", 2, "page_size", "not a \"quoted string\""),
    ]

    @Test(arguments: refusals.indices)
    func refusalsNameTheLineAndTheKey(_ index: Int) {
        let (text, line, key, phrase) = Self.refusals[index]
        #expect(throws: ConfigError.self) { try FileSettings(ConfigFile.parse(text, path: "/x/config.toml")) }
        do {
            _ = try FileSettings(ConfigFile.parse(text, path: "/x/config.toml"))
        } catch {
            #expect(error.line == line)
            #expect(error.key == key)
            #expect(error.description.contains(phrase), "\(error.description)")
            #expect(error.description.hasPrefix("config file /x/config.toml, line \(line): "))
            #expect(!error.description.contains("\n"))
        }
    }

    @Test func aMissingDefaultFileIsFineButAMissingChosenOneIsNot() throws {
        let dir = try temporaryDirectory()
        let path = dir.appendingPathComponent("absent.toml").path
        #expect(try FileSettings.load(path: path, required: false) == FileSettings())
        #expect(throws: ConfigError(path: path, line: nil, key: nil, problem: "cannot be read (no such file)")) {
            try FileSettings.load(path: path, required: true)
        }
    }

    @Test func aDirectoryOrNonUTF8FileIsRefusedWithItsPath() throws {
        let dir = try temporaryDirectory()
        #expect(throws: ConfigError(path: dir.path, line: nil, key: nil, problem: "cannot be read (it is a directory)")) {
            try FileSettings.load(path: dir.path, required: false)
        }
        let binary = dir.appendingPathComponent("bad.toml")
        try Data([0x65, 0x3D, 0xFF, 0xFE]).write(to: binary)
        #expect(throws: ConfigError(path: binary.path, line: nil, key: nil, problem: "is not UTF-8 text")) {
            try FileSettings.load(path: binary.path, required: false)
        }
    }

    @Test func theDefaultPathFollowsXDGThenHome() {
        #expect(FileSettings.defaultPath(environment: ["XDG_CONFIG_HOME": "/cfg", "HOME": "/home/u"]) == "/cfg/chatzy-inbox/config.toml")
        #expect(FileSettings.defaultPath(environment: ["XDG_CONFIG_HOME": "relative", "HOME": "/home/u"]) == "/home/u/.config/chatzy-inbox/config.toml")
        #expect(FileSettings.defaultPath(environment: ["HOME": "/home/u"]) == "/home/u/.config/chatzy-inbox/config.toml")
        #expect(FileSettings.defaultPath(environment: [:]) == nil)
    }
}

/// A fresh empty directory under the system temporary directory; never the real home.
func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory
        .appendingPathComponent("chatzy-cli-tests-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}
