import DemoServer
import Foundation

/// Starts demo servers in this process and the release inbox in a pty against them, and
/// offers the few moves every measurement makes: wait for the first page, let the inbox
/// settle, press a key and time the frame it causes.
final class Harness {
    let binary: String
    /// How long the output must stay quiet for a frame to count as finished.
    let idle: UInt64
    let verbose: Bool
    let workDirectory: URL

    init(binary: String, idleMilliseconds: Double, verbose: Bool) throws {
        self.binary = binary
        idle = UInt64(idleMilliseconds * 1_000_000)
        self.verbose = verbose
        workDirectory = FileManager.default.temporaryDirectory.appendingPathComponent("chatzy-inbox-bench-\(getpid())")
        try FileManager.default.createDirectory(at: workDirectory, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: workDirectory) }

    func note(_ message: String) {
        if verbose { FileHandle.standardError.write(Data("    \(message)\n".utf8)) }
    }

    // MARK: - Servers

    private var serverCount = 0

    /// Starts a DemoServer on 127.0.0.1 with a request log of its own.
    func startServer(contacts: Int, latencyMilliseconds: Int = 0, log: Bool = true) throws -> BenchServer {
        serverCount += 1
        let path = log ? workDirectory.appendingPathComponent("requests-\(serverCount).jsonl").path : nil
        let options = DemoServerOptions(contacts: contacts, latencyMilliseconds: latencyMilliseconds, requestLogPath: path)
        let server = try runBlocking { try await DemoServer.start(options) }
        note("server: \(contacts) contacts, \(latencyMilliseconds) ms, seeded in \(server.seedDuration)")
        return BenchServer(server: server, logPath: path)
    }

    // MARK: - The inbox

    /// Starts the inbox in an 80x24 pty: against `server` through CHATZY_API_URL,
    /// CHATZY_EMAIL and CHATZY_TOKEN, or with `arguments` alone (`--demo`).
    func launch(_ server: BenchServer?, arguments: [String] = []) throws -> PseudoTerminal {
        var environment = [
            "TERM": "xterm-256color",
            "LANG": "C.UTF-8",
            "HOME": workDirectory.path,
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
            "SWIFT_BACKTRACE": "interactive=no",
        ]
        if let server {
            environment["CHATZY_API_URL"] = server.server.url.absoluteString
            environment["CHATZY_EMAIL"] = DemoServerOptions.demoEmail
            environment["CHATZY_TOKEN"] = server.server.issueToken()
        }
        return try PseudoTerminal(path: binary, arguments: arguments, environment: environment)
    }

    /// Waits for the first page to be painted; returns the time of the last byte of that frame.
    @discardableResult
    func firstPage(_ pty: PseudoTerminal, timeout: UInt64 = 60_000_000_000) throws -> UInt64 {
        guard let shown = pty.wait(timeout: timeout, for: { InboxScreen($0).hasRows }) else {
            throw failure("the first page never appeared", pty)
        }
        pty.settle(idle: idle, timeout: 1_000_000_000)
        note("first page:\n\(pty.screen.text)")
        return max(shown, pty.lastByteTime)
    }

    /// Waits until nothing is loading and the output has been quiet for the idle gap.
    func settle(_ pty: PseudoTerminal, timeout: UInt64 = 15_000_000_000) throws {
        guard pty.settle(idle: idle, timeout: timeout, until: { !InboxScreen($0).isBusy }) else {
            throw failure("the inbox did not settle", pty)
        }
    }

    /// Writes `key` and returns the time to the last byte of the frame it caused and that
    /// frame's size; nil when nothing was drawn.
    func press(_ key: String, _ pty: PseudoTerminal) -> (milliseconds: Double, bytes: Int)? {
        let sent = pty.send(key)
        let burst = pty.burst(idle: idle, timeout: 2_000_000_000)
        guard let last = burst.last else { return nil }
        return (Clock.ms(last - sent), burst.bytes)
    }

    /// A failure naming what was on the screen.
    func failure(_ message: String, _ pty: PseudoTerminal) -> BenchError {
        BenchError("\(message); the screen was:\n\(pty.screen.text)")
    }
}

/// A DemoServer the bench started, with its request log.
struct BenchServer {
    let server: DemoServer
    let logPath: String?

    /// One line of the request log.
    struct Request {
        var path: String
        /// The query string as sent (percent-encoded).
        var query: String
        var parameters: [String: String]
        /// How long the server took to answer, latency knob included (its request log's `ms`).
        var milliseconds: Double
    }

    /// The contact-list requests logged so far.
    func contactRequests() -> [Request] {
        guard let logPath, let text = try? String(contentsOfFile: logPath, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").compactMap { line in
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                  let path = object["path"] as? String, path.hasSuffix("get_contact_conversations")
            else { return nil }
            var components = URLComponents()
            components.percentEncodedQuery = object["query"] as? String
            var parameters: [String: String] = [:]
            for item in components.queryItems ?? [] { parameters[item.name] = item.value ?? "" }
            return Request(path: path, query: components.percentEncodedQuery ?? "", parameters: parameters,
                           milliseconds: (object["ms"] as? Double) ?? 0)
        }
    }

    func stop() {
        let server = server
        try? runBlocking { await server.shutdown() }
    }
}
