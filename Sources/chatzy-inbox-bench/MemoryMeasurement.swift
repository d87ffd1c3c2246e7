/// Measurement 5: the inbox's resident size (VmRSS) once the first page is painted and
/// once `contacts` are loaded (G, again and again, until the status line shows the count
/// without "+"), and the growth per contact loaded in between.
struct MemoryMeasurement {
    let harness: Harness
    let contacts: Int

    func run(into report: inout Report) throws {
        let server = try harness.startServer(contacts: contacts)
        defer { server.stop() }
        let pty = try harness.launch(server)
        defer { pty.quit() }
        try harness.firstPage(pty)
        try harness.settle(pty)
        Clock.sleep(200_000_000)
        guard let first = pty.residentBytes(), let start = InboxScreen(pty.screen).position else {
            throw harness.failure("no resident size or position after the first page", pty)
        }
        var position = start
        let loadStart = Clock.now()
        while position.more {
            let previous = position
            pty.send("G")
            let advanced = pty.wait(timeout: 30_000_000_000) { model in
                let screen = InboxScreen(model)
                guard !screen.isBusy, let now = screen.position else { return false }
                return now.count > previous.count || !now.more
            }
            guard advanced != nil, let now = InboxScreen(pty.screen).position else {
                throw harness.failure("loading stopped at \(previous.count) contacts", pty)
            }
            position = now
            if position.count % 10_000 == 0 { harness.note("loaded \(position.count)") }
        }
        let loadSeconds = Clock.ms(Clock.now() - loadStart) / 1000
        try harness.settle(pty)
        Clock.sleep(200_000_000)
        guard let loaded = pty.residentBytes() else { throw harness.failure("no resident size", pty) }
        let perContact = Double(loaded - first) / Double(max(1, position.count - start.count))
        report.add("Memory (RSS) after the first page", "\(Format.mebibytes(first)) (\(start.count) contacts)", target: "report it")
        report.add("Memory (RSS) with \(Format.count(position.count)) contacts loaded",
                   "\(Format.mebibytes(loaded)); \(String(format: "%.0f", perContact)) B per contact (loaded by G in \(String(format: "%.1f", loadSeconds)) s)",
                   target: "≤ 300 B per contact")
    }
}
