import Foundation
@testable import InboxCLI
import Testing

/// Secrets never reach the log, whatever shape they come in; levels filter; the file is private.
@Suite struct LoggingTests {
    @Test func registeredSecretsAreMaskedEverywhere() {
        let redactor = Redactor(secrets: ["s3cret-pass", "tok-123456"])
        let text = redactor.redact("login with s3cret-pass failed; url https://h/p?x=tok-123456&y=1 (tok-123456)")
        #expect(!text.contains("s3cret-pass") && !text.contains("tok-123456"))
        #expect(text.contains("https://h/p?x=‹redacted›&y=1"))
    }

    @Test func secretShapesAreMaskedEvenWhenUnknown() {
        let redactor = Redactor()
        let jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NSJ9.c2lnbmF0dXJlc2lnbmF0dXJl"
        let cases: [(String, String)] = [
            ("Authorization: Bearer abc.def-ghi", "abc.def-ghi"),
            (#"{"idToken": "zzz-token-value", "expiryAt": 1}"#, "zzz-token-value"),
            (#"{"user_email_id":"a@b.c","password":"hunter2 \"x\""}"#, "hunter2"),
            ("GET https://h/p?user_email_id=a%40b&token=qqq-secret&limit=5", "qqq-secret"),
            ("GET https://h/p?access_token=www-secret", "www-secret"),
            ("a token \(jwt) leaked", "eyJhbGciOiJIUzI1NiJ9"),
        ]
        for (text, secret) in cases {
            let out = redactor.redact(text)
            #expect(!out.contains(secret), "\(out)")
            #expect(out.contains(Redactor.mask), "\(out)")
        }
        #expect(redactor.redact("GET https://h/p?user_email_id=a%40b&limit=5") == "GET https://h/p?user_email_id=a%40b&limit=5")
    }

    @Test func shortSecretsAreNotRegistered() {
        let redactor = Redactor(secrets: ["ab"])
        #expect(redactor.redact("about abc") == "about abc")
    }

    @Test func theFileGetsLevelsAtOrAboveItsOwnRedactedAndPrivate() throws {
        let dir = try temporaryDirectory()
        let path = dir.appendingPathComponent("inbox.log").path
        let redactor = Redactor(secrets: ["the-token-value"])
        let log = try FileLogger(path: path, level: .info, redactor: redactor)
        log.debug("hidden detail")
        log.info("using the-token-value\nsecond line")
        log.warning("a warning")
        log.error("an error")
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let lines = text.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(!text.contains("hidden detail"))
        #expect(!text.contains("the-token-value"))
        #expect(lines[0].contains(" info    using ‹redacted›\\nsecond line"))
        #expect(lines[1].contains(" warning a warning"))
        #expect(lines[2].contains(" error   an error"))
        #expect(lines.allSatisfy { $0.range(of: #"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z "#, options: .regularExpression) != nil })
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    @Test func anUnusableLogFileIsOneClearLine() throws {
        let dir = try temporaryDirectory()
        #expect(throws: UsageError.self) { try FileLogger(path: dir.path, level: .info, redactor: Redactor()) }
        let missing = dir.appendingPathComponent("no/such/dir/x.log").path
        #expect(throws: UsageError("cannot open the log file \(missing): No such file or directory")) {
            try FileLogger(path: missing, level: .info, redactor: Redactor())
        }
    }

    @Test func levelNames() {
        #expect(LogLevel(name: "WARN") == .warning)
        #expect(LogLevel(name: "Debug") == .debug)
        #expect(LogLevel(name: "trace") == nil)
        #expect(LogLevel.allCases.map(\.name) == ["debug", "info", "warning", "error"])
    }
}
