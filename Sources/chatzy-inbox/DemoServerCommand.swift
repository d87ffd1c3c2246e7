import ArgumentParser
import DemoServer
import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `chatzy-inbox demo-server`: the Chatzy-compatible demo server on its own, for scripts,
/// benchmarks and trying the inbox against a server you control.
struct DemoServerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo-server",
        abstract: "Serve the Chatzy API with realistic demo data on 127.0.0.1.",
        discussion: """
            Prints its URL, the demo credentials and a token usable as CHATZY_TOKEN, then serves
            until SIGINT (Ctrl-C) or SIGTERM. Example:
              chatzy-inbox demo-server --port 8080 --contacts 100000 --latency-ms 50 --churn-per-minute 30
            """
    )

    @Option(parsing: .unconditional, help: "Port on 127.0.0.1 (0 picks a free one).")
    var port = 0

    @Option(parsing: .unconditional, help: "The same seed gives the same data.")
    var seed: UInt64 = 42

    @Option(parsing: .unconditional, help: "How many contacts to generate.")
    var contacts = 2_000

    @Flag(help: "Mix in names and messages with escape sequences and control characters.")
    var hostile = false

    @Option(name: .customLong("latency-ms"), parsing: .unconditional, help: ArgumentHelp("Delay added to every response.", valueName: "ms"))
    var latencyMilliseconds = 0

    @Option(name: .customLong("jitter-ms"), parsing: .unconditional, help: ArgumentHelp("Random extra delay, 0 to this, per response.", valueName: "ms"))
    var jitterMilliseconds = 0

    @Option(name: .customLong("fail-every"), parsing: .unconditional, help: ArgumentHelp("Every K-th request answers 500 (0: never).", valueName: "k"))
    var failEvery = 0

    @Option(name: .customLong("token-ttl"), parsing: .unconditional, help: ArgumentHelp("How long an issued token lives.", valueName: "seconds"))
    var tokenTTLSeconds = 3_600

    @Option(name: .customLong("request-log"), help: ArgumentHelp("Append one JSON line per request to this file.", valueName: "path"))
    var requestLog: String?

    @Option(name: .customLong("db"), help: ArgumentHelp("Keep the database in this file (replaced on start).", valueName: "path"))
    var databasePath: String?

    @Option(name: .customLong("churn-per-minute"), parsing: .unconditional, help: ArgumentHelp("Contacts moved to the top with new messages per minute.", valueName: "n"))
    var churnPerMinute = 0

    @Option(name: .customLong("rate-limit-every"), parsing: .unconditional, help: ArgumentHelp("Every K-th request answers 429 with Retry-After (0: never).", valueName: "k"))
    var rateLimitEvery = 0

    @Option(name: .customLong("retry-after"), parsing: .unconditional, help: ArgumentHelp("The Retry-After sent with an injected 429.", valueName: "seconds"))
    var retryAfterSeconds = 1

    @Option(name: .customLong("truncate-every"), parsing: .unconditional, help: ArgumentHelp("Every K-th request answers 200 with its JSON cut in half (0: never).", valueName: "k"))
    var truncateEvery = 0

    @Option(name: .customLong("stall-every"), parsing: .unconditional, help: ArgumentHelp("Every K-th request waits --stall-ms before answering (0: never).", valueName: "k"))
    var stallEvery = 0

    @Option(name: .customLong("stall-ms"), parsing: .unconditional, help: ArgumentHelp("How long a stalled request waits.", valueName: "ms"))
    var stallMilliseconds = 20_000

    @Option(name: .customLong("accept-token"), help: ArgumentHelp("Also accept this token (repeatable): a restarted server keeps serving a signed-in inbox.", valueName: "token"))
    var acceptedTokens: [String] = []

    func validate() throws {
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be from 0 to 65535, got \(port)") }
        guard contacts >= 0 else { throw ValidationError("--contacts must be 0 or more, got \(contacts)") }
        for (flag, value) in [("--latency-ms", latencyMilliseconds), ("--jitter-ms", jitterMilliseconds),
                              ("--fail-every", failEvery), ("--churn-per-minute", churnPerMinute),
                              ("--rate-limit-every", rateLimitEvery), ("--retry-after", retryAfterSeconds),
                              ("--truncate-every", truncateEvery), ("--stall-every", stallEvery),
                              ("--stall-ms", stallMilliseconds)] where value < 0 {
            throw ValidationError("\(flag) must be 0 or more, got \(value)")
        }
        guard tokenTTLSeconds > 0 else { throw ValidationError("--token-ttl must be at least 1 second, got \(tokenTTLSeconds)") }
    }

    var options: DemoServerOptions {
        var options = DemoServerOptions(
            port: port, seed: seed, contacts: contacts, hostile: hostile, latencyMilliseconds: latencyMilliseconds,
            failEvery: failEvery, tokenTTLSeconds: tokenTTLSeconds, jitterMilliseconds: jitterMilliseconds,
            requestLogPath: requestLog, databasePath: databasePath, churnPerMinute: churnPerMinute)
        options.rateLimitEvery = rateLimitEvery
        options.rateLimitRetryAfterSeconds = retryAfterSeconds
        options.truncateEvery = truncateEvery
        options.stallEvery = stallEvery
        options.stallMilliseconds = stallMilliseconds
        options.acceptedTokens = acceptedTokens
        return options
    }

    func run() throws {
        let stopRequested = DispatchSemaphore(value: 0)
        let sources = [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { stopRequested.signal() }
            source.resume()
            return source
        }
        let options = self.options
        let server: DemoServer
        do {
            server = try runBlocking { try await DemoServer.start(options) }
        } catch {
            FileHandle.standardError.write(Data("chatzy-inbox demo-server: \(error)\n".utf8))
            throw ExitCode(2)
        }
        let seeded = server.seedDuration.formatted(.units(allowed: [.milliseconds]))
        FileHandle.standardOutput.write(Data("""
            Chatzy demo server listening on \(server.url.absoluteString)
              sign in with  \(DemoServerOptions.demoEmail) / \(DemoServerOptions.demoPassword)
              data          \(contacts) contacts, seed \(seed)\(hostile ? ", hostile" : ""), seeded in \(seeded)
            For scripts and the inbox:
            export CHATZY_API_URL=\(server.url.absoluteString)
            export CHATZY_EMAIL=\(DemoServerOptions.demoEmail)
            export CHATZY_TOKEN=\(server.issueToken())
            Stop with Ctrl-C.

            """.utf8))
        stopRequested.wait()
        try runBlocking { await server.shutdown() }
        sources.forEach { $0.cancel() }
        FileHandle.standardError.write(Data("chatzy-inbox demo-server: stopped\n".utf8))
    }
}
