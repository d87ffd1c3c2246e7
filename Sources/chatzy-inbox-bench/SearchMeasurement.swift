/// Measurement 2: `/`, then a 6-character query typed at 40 ms per key. Counts the contact
/// requests the server logged while it was typed and answered, and times the last key to
/// the last byte of the frame that shows the results (the status line names the query and
/// nothing is loading or searching). `Esc` clears the query between runs (unmeasured).
///
/// What is charged to the inbox is the time beyond the debounce and the server's own time,
/// measured two ways: the server's request log (its handler only), and that plus its HTTP
/// stack — what a bare client waits for the same request beyond what the log says.
struct SearchMeasurement {
    let harness: Harness
    let runs: Int
    let contacts: Int
    /// The inbox's search debounce, for the target (InboxState.Settings' default).
    static let debounceMilliseconds = 120
    static let keyInterval: UInt64 = 40_000_000

    /// Six-character substrings of the demo data's names and emails (all of them match).
    static let queries = ["sharma", "okafor", "mensah", "garcia", "dubois", "kowals",
                          "nguyen", "ivanov", "tanaka", "suzuki", "pereir", "muller"]

    func run(latencyMilliseconds: Int, into report: inout Report) throws {
        let server = try harness.startServer(contacts: contacts, latencyMilliseconds: latencyMilliseconds)
        defer { server.stop() }
        let pty = try harness.launch(server)
        defer { pty.quit() }
        try harness.firstPage(pty)

        var requests = Samples()
        var painted = Samples()
        var overServer = Samples()
        var overRoundTrip = Samples()
        var stack = Samples()
        var bare = try BareClient(port: server.server.url.port ?? 80)
        let headers = ["Authorization": "Bearer \(server.server.issueToken())", "Accept": "application/json"]
        var timeouts = 0
        for run in 0..<runs {
            let query = Self.queries[run % Self.queries.count]
            try harness.settle(pty)
            let before = server.contactRequests().count
            _ = harness.press("/", pty)
            var lastKey: UInt64 = 0
            let start = Clock.now()
            for (index, character) in query.enumerated() {
                let due = start + UInt64(index) * Self.keyInterval
                while Clock.now() < due { pty.pump(until: due) }
                lastKey = pty.send(String(character))
            }
            var paintedAfter: Double?
            if pty.wait(timeout: 10_000_000_000, for: { InboxScreen($0).showsResults(for: query) }) != nil {
                pty.settle(idle: harness.idle, timeout: 1_000_000_000)
                paintedAfter = Clock.ms(pty.lastByteTime - lastKey)
                painted.add(paintedAfter!)
            } else {
                timeouts += 1
                harness.note("no results for \(query):\n\(pty.screen.text)")
            }
            try harness.settle(pty)
            // Only searches count: the previous run's `Esc` leaves the unfiltered list
            // revalidating, and with a slow server that request is logged during this run.
            let searches = server.contactRequests().dropFirst(before).filter { !($0.parameters["search"] ?? "").isEmpty }
            let sent = searches.compactMap { $0.parameters["search"] }
            requests.add(Double(sent.count))
            if let paintedAfter, let answered = searches.last(where: { $0.parameters["search"] == query }) {
                overServer.add(paintedAfter - Double(Self.debounceMilliseconds) - answered.milliseconds)
                // The same request from a bare client: its wait minus its own logged time is
                // the server's HTTP stack, which the inbox's request paid as well.
                let logged = server.contactRequests().count
                var answer: (status: Int, nanoseconds: UInt64)?
                do {
                    answer = try bare.get("\(answered.path)?\(answered.query)", headers: headers)
                } catch {
                    harness.note("the bare client's request for \(query) failed: \(error); reconnecting")
                    bare = try BareClient(port: server.server.url.port ?? 80)
                }
                var entry: BenchServer.Request?
                for _ in 0..<200 where answer != nil && entry == nil {
                    entry = server.contactRequests().dropFirst(logged).first { $0.query == answered.query }
                    if entry == nil { Clock.sleep(1_000_000) }
                }
                if let (status, nanoseconds) = answer, status == 200, let entry {
                    let stackMilliseconds = Clock.ms(nanoseconds) - entry.milliseconds
                    stack.add(stackMilliseconds)
                    overRoundTrip.add(paintedAfter - Double(Self.debounceMilliseconds) - answered.milliseconds - stackMilliseconds)
                } else {
                    harness.note("the bare client's request for \(query) answered \(answer?.status ?? 0), logged: \(entry != nil)")
                }
            }
            harness.note("searches sent for \(query): \(sent)")
            _ = pty.send("\u{1B}")
            try harness.settle(pty, timeout: 15_000_000_000)
            _ = pty.wait(timeout: 5_000_000_000) { !InboxScreen($0).showsSearch }
            try harness.settle(pty)
        }
        let budget = Self.debounceMilliseconds + latencyMilliseconds + 5
        var figure = "requests per query: mean \(String(format: "%.1f", requests.mean ?? 0)), max \(Int(requests.max ?? 0)); "
        figure += "last key → results \(Format.p50p99(painted)) (n=\(painted.count)); "
        figure += "beyond debounce + the server's own time (its log): \(Format.p50p99(overServer)); "
        figure += "beyond debounce + the server's time with its HTTP stack (\(Format.p50p99(stack)), from a bare client): \(Format.p50p99(overRoundTrip))"
        if timeouts > 0 { figure += ", \(timeouts) never painted" }
        report.add("Search, 6 chars at 40 ms/key, server \(latencyMilliseconds) ms", figure,
                   target: "1 request; ≤ \(budget) ms (debounce \(Self.debounceMilliseconds) + \(latencyMilliseconds) + 5), i.e. ≤ 5 ms beyond debounce + server time")
    }
}
