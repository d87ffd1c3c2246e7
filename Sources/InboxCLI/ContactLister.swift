import ChatzyAPI
import InboxCore
import Foundation

/// What `list` needs from the network: a page's raw body, so that JSON output can keep each
/// contact exactly as the server sent it. `ChatzyClient` provides it.
public protocol RawContactsFetching: Sendable {
    /// The body of a 2xx answer to `GET /get_contact_conversations`; throws `APIError` otherwise.
    func contactsBody(_ query: ContactQuery) async throws(APIError) -> Data
}

extension ChatzyClient: RawContactsFetching {}

/// Streams every page of a tab (and search) to an output in one of `ListFormat`s: fetches
/// a page, writes it, fetches the next, until a short page ends the list or `max` contacts
/// are out. Contacts already written (data shifts between pages) are skipped; entries that
/// cannot be read are skipped and counted.
public struct ContactLister: Sendable {
    /// How a run ended.
    public struct Summary: Equatable, Sendable {
        public var written = 0
        public var skipped = 0
        public var pages = 0
        /// The reader closed the pipe before the end.
        public var outputClosed = false
    }

    /// Why a run failed.
    public enum Failure: Error, Equatable {
        /// The server's answer, after `retried` more tries of the same page.
        case api(APIError, retried: Int)
        case output(OutputClosed)
    }

    public var fetcher: any RawContactsFetching
    public var email: String
    public var filter: ConversationFilter
    public var search: String
    public var pageSize: Int
    public var max: Int?
    public var formatter: ContactFormatter
    public var header: Bool
    public var log: FileLogger
    /// How many more times a page is asked for after a failure that may pass (`retryWait`).
    public var retries: Int
    /// Told of each retry before its wait (one line, for stderr).
    public var onRetry: @Sendable (String) -> Void
    /// Waits before a retry (a test passes one that only records).
    public var sleep: @Sendable (Duration) async -> Void

    public init(fetcher: any RawContactsFetching, email: String, filter: ConversationFilter = .all, search: String = "",
                pageSize: Int = Settings.defaultPageSize, max: Int? = nil, formatter: ContactFormatter, header: Bool = true,
                log: FileLogger = .disabled(), retries: Int = Self.defaultRetries,
                onRetry: @escaping @Sendable (String) -> Void = { _ in },
                sleep: @escaping @Sendable (Duration) async -> Void = { try? await Task.sleep(for: $0) }) {
        self.fetcher = fetcher
        self.email = email
        self.filter = filter
        self.search = search
        self.pageSize = pageSize
        self.max = max
        self.formatter = formatter
        self.header = header
        self.log = log
        self.retries = retries
        self.onRetry = onRetry
        self.sleep = sleep
    }

    /// Retries per page unless `--retries` says otherwise.
    public static let defaultRetries = 3
    /// The first retry waits about this long, each next one twice as long, up to the cap.
    static let retryBaseMilliseconds = 1_000
    static let retryCapMilliseconds = 30_000
    /// A 429 asking for a longer wait ends `list` at once: a script should not hang on it.
    static let retryAfterLimitMilliseconds = 60_000

    /// How long to wait before retry number `failures` after `error`, or nil when it is not
    /// worth asking again. Retried: a 429 (for at least its `Retry-After`, up to a minute), a
    /// 5xx, a refused or dropped connection, and JSON cut short. Not retried: a time-out
    /// (`--timeout` is how long `list` waits) and what would fail the same way again (an
    /// unknown host, TLS, a redirect, an answer of another shape or not JSON at all, such as
    /// a proxy's HTML page).
    static func retryWait(after error: APIError, failures: Int, requestID: Int) -> Int? {
        switch error {
        case .rateLimited, .server(500...): break
        // The reasons as `ChatzyClient` and `LenientJSON.describe` word them.
        case .cannotConnect(let why) where why == "connection refused" || why == "network unavailable": break
        case .invalidResponse(let reason, let prefix) where reason == "not JSON" && prefix.hasPrefix("{"): break
        default: return nil
        }
        // Backoff alone (a 500 in its eyes): a Retry-After is weighed here, against list's own limit.
        let backoff = Swift.min(retryCapMilliseconds, Backoff.milliseconds(
            failures: failures, requestID: requestID, error: .server(status: 500),
            base: retryBaseMilliseconds, cap: retryCapMilliseconds))
        guard case .rateLimited(let after?) = error, after.isFinite else { return backoff }
        let asked = (Swift.max(0, after) * 1000).rounded(.up)
        return asked > Double(retryAfterLimitMilliseconds) ? nil : Swift.max(backoff, Int(asked))
    }

    /// Runs to the end of the list (or `max`). A closed pipe ends it quietly
    /// (`outputClosed` in the summary); an API error throws, after what was already written.
    public func run(to sink: OutputSink) async throws(Failure) -> Summary {
        var summary = Summary()
        do throws(Failure) {
            try await stream(to: sink, &summary)
        } catch {
            guard case .output(let closed) = error, closed.isBrokenPipe else { throw error }
            summary.outputClosed = true
            log.info("list: the reader closed the output after \(summary.written) contacts")
        }
        return summary
    }

    private func stream(to sink: OutputSink, _ summary: inout Summary) async throws(Failure) {
        func write(_ bytes: [UInt8]) throws(Failure) {
            do { try sink.write(bytes) } catch { throw .output(error) }
        }
        let format = formatter.format
        if header, let line = formatter.header() { try write(Array(line.utf8)) }
        var seen = Set<String>()
        var offset = 0
        var failures = 0
        var firstJSON = true
        if format == .json { try write(Array("[".utf8)) }
        while true {
            let remaining = max.map { $0 - summary.written }
            if let remaining, remaining <= 0 { break }
            let limit = Swift.min(pageSize, remaining ?? pageSize)
            let query = ContactQuery(email: email, search: search, limit: limit, offset: offset, filter: filter)
            let started = ContinuousClock.now
            let entries: [RawContact]
            do throws(APIError) {
                let body = try await fetcher.contactsBody(query)
                entries = try Self.decode(body)
                failures = 0
            } catch {
                log.error("list: offset \(offset): \(error.message)")
                guard failures < retries, let wait = Self.retryWait(after: error, failures: failures + 1, requestID: offset) else {
                    throw .api(error, retried: failures)
                }
                failures += 1
                onRetry("\(error.reason); trying again in \(Self.seconds(wait)) (retry \(failures) of \(retries))")
                await sleep(.milliseconds(wait))
                continue
            }
            summary.pages += 1
            log.debug("list: page at offset \(offset), limit \(limit): \(entries.count) entries in \(ContinuousClock.now - started)")
            var out: [UInt8] = []
            for entry in entries {
                guard let contact = entry.contact else { summary.skipped += 1; continue }
                if let max, summary.written >= max { break }
                guard seen.insert(contact.id).inserted else { continue }
                switch format {
                case .table, .tsv: out += Array(formatter.line(contact).utf8)
                case .jsonl: out += RawContactArray.singleLine(entry.raw) + [0x0A]
                case .json:
                    out += Array((firstJSON ? "\n" : ",\n").utf8) + RawContactArray.singleLine(entry.raw)
                    firstJSON = false
                }
                summary.written += 1
            }
            if !out.isEmpty { try write(out) }
            offset += entries.count
            if entries.count < limit { break }
        }
        if format == .json { try write(Array((firstJSON ? "]\n" : "\n]\n").utf8)) }
    }

    /// A wait as people say it: "1.2s", "30s".
    static func seconds(_ milliseconds: Int) -> String {
        milliseconds < 10_000 && milliseconds % 1000 != 0
            ? String(format: "%.1fs", Double(milliseconds) / 1000) : "\(Int((Double(milliseconds) / 1000).rounded()))s"
    }

    /// One entry of a page: its bytes as received and the contact read from them (nil when
    /// it cannot be read).
    struct RawContact {
        var raw: ArraySlice<UInt8>
        var contact: Contact?
    }

    /// Splits a body into its entries and reads each with the client's own lenient decoder.
    static func decode(_ body: Data) throws(APIError) -> [RawContact] {
        let bytes = [UInt8](body)
        guard let ranges = RawContactArray.entries(in: bytes) else {
            _ = try ContactDecoding.page(from: body)  // throws the precise error
            throw .invalidResponse(reason: "the contacts could not be found in the answer", prefix: "")
        }
        let prefix = Array(#"{"data":{"data":{"contacts":["#.utf8)
        let suffix = Array("]}}}".utf8)
        return ranges.map { range in
            let slice = bytes[range]
            let page = try? ContactDecoding.page(from: Data(prefix + slice + suffix))
            return RawContact(raw: slice, contact: page?.contacts.first)
        }
    }
}
