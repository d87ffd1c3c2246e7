/// Measurement 3: holding j at 50 keys/s from the first row to the last of `contacts`,
/// with the server answering after 50 ms.
///
/// A press "lands on a placeholder" when the row below the selection is not loaded yet:
/// the inbox never selects its "loading…" row, so such a press leaves the selection where
/// it was. From outside that is exact: after n presses from row 1 the status line should
/// read n+1; every row short is one press that hit the placeholder. (The placeholder row
/// itself is rarely visible: the view never scrolls past the last loaded row, so it sits
/// just below the screen.) As a cross-check the bench also counts the presses it wrote
/// while the screen showed the selection on the last loaded row with more to come.
///
/// The minimum number of requests is every page once plus the one (empty or short) page
/// that tells the list has ended: contacts / page size + 1.
struct ScrollMeasurement {
    let harness: Harness
    let contacts: Int
    let pageSize = 50
    static let keyInterval: UInt64 = 20_000_000

    func run(into report: inout Report) throws {
        let server = try harness.startServer(contacts: contacts, latencyMilliseconds: 50)
        defer { server.stop() }
        let pty = try harness.launch(server)
        defer { pty.quit() }
        try harness.firstPage(pty)
        try harness.settle(pty)
        let before = server.contactRequests().count

        let presses = contacts - 1
        var pressesAtEdge = 0
        let start = Clock.now()
        for index in 0..<presses {
            let due = start + UInt64(index) * Self.keyInterval
            while Clock.now() < due { pty.pump(until: due) }
            if let shown = InboxScreen(pty.screen).position, shown.more, shown.selected >= shown.count {
                pressesAtEdge += 1
                harness.note("press \(index + 1) written at the loaded edge: \(shown.selected)/\(shown.count)+")
            }
            pty.send("j")
        }
        let elapsed = Clock.ms(Clock.now() - start)
        // The last presses may still be on their way: give them up to 2 s to land.
        _ = pty.wait(timeout: 2_000_000_000) { (InboxScreen($0).position?.selected ?? 0) > presses }
        try harness.settle(pty, timeout: 30_000_000_000)
        guard let position = InboxScreen(pty.screen).position else {
            throw harness.failure("no position on the status line", pty)
        }
        let stalled = max(0, presses + 1 - position.selected)
        let requests = Array(server.contactRequests().dropFirst(before))
        var seen: [String: Int] = [:]
        for request in requests {
            let key = [request.parameters["filter"] ?? "all", request.parameters["search"] ?? "", request.parameters["offset"] ?? "0"].joined(separator: "|")
            seen[key, default: 0] += 1
        }
        let duplicates = seen.values.reduce(0) { $0 + max(0, $1 - 1) }
        // The first page was loaded before the presses: the rest, plus the page that ends the list.
        let minimum = contacts / pageSize
        let rate = Double(presses) / (elapsed / 1000)
        report.add("Scroll: hold j through \(Format.count(contacts)) at \(String(format: "%.0f", rate)) keys/s, server 50 ms",
                   "\(stalled) of \(Format.count(presses)) presses on a placeholder (\(pressesAtEdge) written at the loaded edge); "
                   + "\(requests.count) requests (minimum \(minimum)), \(duplicates) duplicates; ended on row \(position.selected)/\(position.count)\(position.more ? "+" : "")",
                   target: "0 presses on a placeholder; 0 duplicates")
    }
}
