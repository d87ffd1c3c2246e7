/// Measurement 4: from just before `forkpty` to the last byte of the frame that first shows
/// contact rows, against an already running server (2,000 contacts, no latency) and with
/// `--demo` (which seeds its own 2,000 contacts and signs in first). Every run is a fresh
/// process; the bench quits it with `q` before the next.
struct StartupMeasurement {
    let harness: Harness
    let runs: Int

    func run(into report: inout Report) throws {
        let server = try harness.startServer(contacts: 2000)
        defer { server.stop() }
        let running = try measure { try harness.launch(server) }
        report.add("Start-up to first page, running server", "\(Format.p50p99(running)) (n=\(running.count))", target: "< 100 ms")
        let demo = try measure { try harness.launch(nil, arguments: ["--demo"]) }
        report.add("Start-up to first page, --demo", "\(Format.p50p99(demo)) (n=\(demo.count))", target: "—")
    }

    private func measure(_ launch: () throws -> PseudoTerminal) throws -> Samples {
        var samples = Samples()
        for _ in 0..<runs {
            let pty = try launch()
            let painted = try harness.firstPage(pty)
            samples.add(Clock.ms(painted - pty.started))
            pty.quit()
        }
        return samples
    }
}
