import ArgumentParser
import ChatzyAPI
import Foundation
import InboxCLI
import InboxRender
#if canImport(Glibc)
import Glibc
#endif

/// `chatzy-inbox list`: every contact of a tab (and search) to stdout, page by page.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "Print contacts to stdout for scripts: table, tsv, json or jsonl.",
        discussion: """
            Streams every page of the tab as it arrives, so the first lines come at
            once, and stops quietly when the reader closes the pipe. Formats:
              table  aligned columns for people (control characters shown as ^[)
              tsv    a header row, then tab-separated fields with \\t \\n \\r \\\\
                     and \\xHH escapes inside them
              json   one array of the contact objects exactly as the API sent them
              jsonl  one contact object per line, exactly as the API sent it
            Examples:
              chatzy-inbox list --filter unread --format tsv | cut -f2,8
              chatzy-inbox list --search alice --format jsonl | jq -r .email
              chatzy-inbox list --demo --max 5
            """
    )

    @OptionGroup
    var demoOption: DemoOption
    var demo: Bool { demoOption.demo }

    @OptionGroup(title: "Connection")
    var connection: ConnectionOptions

    @OptionGroup(title: "What to list")
    var listing: ListingOptions

    @Option(help: ArgumentHelp("table, tsv, json or jsonl.", valueName: "format"),
            completion: .list(ListFormat.allCases.map(\.rawValue)))
    var format: String = "table"

    @Option(name: .customLong("max"), parsing: .unconditional, help: ArgumentHelp("Stop after this many contacts.", valueName: "n"))
    var maximum: Int?

    @Option(parsing: .unconditional, help: ArgumentHelp(
        "Ask for a page again up to this many times after a 429 (waiting its Retry-After, up to a minute), a 5xx, JSON cut short or a refused connection, each wait longer; 0-10. A time-out is not retried.",
        valueName: "n"))
    var retries: Int = ContactLister.defaultRetries

    @Flag(name: .customLong("no-header"), help: "Leave out the header row of table and tsv.")
    var noHeader = false

    @Option(name: .customLong("time-format"), help: ArgumentHelp(
        "How table shows times: iso, local or relative (config: time_format; default: iso).", valueName: "style"),
            completion: .list(TimeFormat.allCases.map(\.rawValue)))
    var timeFormat: String?

    func run() throws {
        // The table is measured in terminal cells with wcwidth, which the "C" locale every
        // process starts in cannot do for anything but ASCII.
        TextWidth.measureAsUTF8()
        guard let format = ListFormat(rawValue: format.lowercased()) else {
            throw UsageError("--format must be table, tsv, json or jsonl, got \"\(self.format)\"")
        }
        if let maximum, maximum < 1 { throw UsageError("--max must be 1 or more, got \(maximum)") }
        guard (0...10).contains(retries) else { throw UsageError("--retries must be from 0 to 10, got \(retries)") }
        var input = try connection.input()
        input.pageSize = listing.pageSize
        if let timeFormat {
            guard let parsed = TimeFormat(rawValue: timeFormat.lowercased()) else {
                throw UsageError("--time-format must be iso, local or relative, got \"\(timeFormat)\"")
            }
            input.timeFormat = parsed
        }
        let environment = ProcessInfo.processInfo.environment
        let settings = try Settings.resolve(input, environment: environment)
        let filter = try listing.conversationFilter()
        let redactor = Redactor()
        // Everything that can be wrong is checked before the first request.
        let account = demo ? nil : try (endpoint: settings.endpoint(), credentials: Credentials.resolve(
            email: settings.email, environment: environment) { () throws(SessionStoreError) in
                try SessionStore(environment: environment).load()
            })
        let log = try settings.logFile.map { path throws(UsageError) in
            try FileLogger(path: path, level: settings.logLevel, redactor: redactor)
        } ?? .disabled(redactor: redactor)
        var demoSession: DemoSession?
        if demo {
            do { demoSession = try DemoSession.start() } catch {
                throw RuntimeFailure("could not start the demo server: \(error)")
            }
        }
        defer { demoSession?.server.stop() }
        let endpoint = demoSession?.endpoint ?? account!.endpoint
        let credentials = demoSession.map { Credentials(email: $0.email, token: $0.token.token, source: .environment) }
            ?? account!.credentials

        log.info("list \(format.rawValue): \(endpoint.baseURL.absoluteString) as \(credentials.email), tab \(filter.rawValue), search \"\(listing.search)\", page size \(settings.pageSize)\(maximum.map { ", max \($0)" } ?? "")")
        let client = RenewableClient(endpoint: endpoint, email: credentials.email, token: credentials.token, log: log,
                                     timeout: TimeInterval(settings.timeout))
        let lister = ContactLister(
            fetcher: client, email: credentials.email, filter: filter, search: listing.search,
            pageSize: settings.pageSize, max: maximum,
            formatter: ContactFormatter(format: format, timeFormat: settings.timeFormat), header: !noHeader, log: log,
            retries: retries, onRetry: { FileHandle.standardError.write(Data("chatzy-inbox: \($0)\n".utf8)) })
        let result = try runBlocking { () async -> Result<ContactLister.Summary, ContactLister.Failure> in
            do throws(ContactLister.Failure) { return .success(try await lister.run(to: FileDescriptorSink())) } catch {
                return .failure(error)
            }
        }
        switch result {
        case .success(let summary):
            log.info("list: \(summary.written) contacts in \(summary.pages) pages\(summary.outputClosed ? ", output closed early" : "")")
            if summary.skipped > 0, !summary.outputClosed {
                FileHandle.standardError.write(Data("chatzy-inbox: \(summary.skipped) contact\(summary.skipped == 1 ? "" : "s") could not be read and \(summary.skipped == 1 ? "was" : "were") left out\n".utf8))
            }
        case .failure(.api(let error, let retried)):
            if error == .unauthorized {
                throw RuntimeFailure("\(error.message): run `chatzy-inbox login`\(credentials.source == .environment ? " (or renew CHATZY_TOKEN)" : "")")
            }
            throw RuntimeFailure(error.reason + (retried > 0 ? ", still after \(retried) \(retried == 1 ? "retry" : "retries")" : ""))
        case .failure(.output(let closed)):
            throw RuntimeFailure("cannot write to stdout: \(String(cString: strerror(closed.code)))")
        }
    }
}
