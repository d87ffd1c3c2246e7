import ArgumentParser
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `chatzy-inbox-bench`: drives the release `chatzy-inbox` in an 80x24 pseudo-terminal
/// against DemoServers started in this process, measures from outside and prints one table.
@main
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chatzy-inbox-bench",
        abstract: "Benchmark the release chatzy-inbox in a real pseudo-terminal.",
        discussion: """
            Build the inbox first:  swift build -c release   (or run scripts/bench.sh, which does both).
            Figures are measured from outside the process: bytes and timestamps as read from the pty,
            the screen as a VT100 model redraws it, requests from the server's request log.
            """
    )

    /// A part of the bench that can be picked with --only.
    enum Part: String, CaseIterable, ExpressibleByArgument {
        case keys, search, scroll, startup, memory, server
    }

    @Option(help: "The inbox to drive (a release build).")
    var binary = ".build/release/chatzy-inbox"

    @Option(help: ArgumentHelp("Run only these parts (repeat the flag): \(Part.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "part"))
    var only: [Part] = []

    @Flag(help: "A smoke run at tiny sizes (seconds, not minutes); figures are not comparable.")
    var quick = false

    @Option(help: "Key presses measured per kind of key (default 200; --quick 20).")
    var keySamples: Int?

    @Option(help: "Queries typed per server latency (default 12; --quick 2).")
    var searchRuns: Int?

    @Option(help: "Contacts to hold j through (default 3000; --quick 300).")
    var scrollContacts: Int?

    @Option(help: "Start-ups measured per kind (default 10; --quick 2).")
    var startupRuns: Int?

    @Option(help: "Contacts to load for the memory figure (default 100000; --quick 2000).")
    var memoryContacts: Int?

    @Option(help: "Contacts in the server searched for the server figure (default 1000000; --quick 20000).")
    var serverContacts: Int?

    @Option(help: "Searches sent to that server (default 480; --quick 80).")
    var serverQueries: Int?

    @Option(help: "Quiet time, in milliseconds, that ends a frame.")
    var idleMs: Double = 10

    @Flag(help: "Progress and screens on stderr.")
    var verbose = false

    func validate() throws {
        guard idleMs > 0 else { throw ValidationError("--idle-ms must be positive") }
        for (name, value) in [("key-samples", keySamples), ("search-runs", searchRuns), ("scroll-contacts", scrollContacts),
                              ("startup-runs", startupRuns), ("memory-contacts", memoryContacts),
                              ("server-contacts", serverContacts), ("server-queries", serverQueries)] {
            if let value, value < 1 { throw ValidationError("--\(name) must be at least 1") }
        }
        if let scrollContacts, scrollContacts < 2 { throw ValidationError("--scroll-contacts must be at least 2") }
    }

    func run() throws {
        setlocale(LC_ALL, "C.UTF-8")
        signal(SIGPIPE, SIG_IGN)
        let harness = try Harness(binary: binary, idleMilliseconds: idleMs, verbose: verbose)
        let parts = only.isEmpty ? Part.allCases : Part.allCases.filter(only.contains)
        let header = Self.header(binary: binary, idleMs: idleMs, quick: quick)
        FileHandle.standardError.write(Data("\(header)\n".utf8))
        var report = Report()
        for part in parts {
            FileHandle.standardError.write(Data("\(part.rawValue)…\n".utf8))
            do {
                try run(part, harness: harness, into: &report)
            } catch {
                report.add("\(part.rawValue): failed", "\(error)".split(separator: "\n").first.map(String.init) ?? "", target: "")
                harness.note("\(error)")
            }
        }
        print(report.render(header: header))
    }

    private func run(_ part: Part, harness: Harness, into report: inout Report) throws {
        switch part {
        case .keys:
            try KeyMeasurements(harness: harness, samples: keySamples ?? (quick ? 20 : 200), contacts: 2000).run(into: &report)
        case .search:
            let search = SearchMeasurement(harness: harness, runs: searchRuns ?? (quick ? 2 : 12), contacts: 2000)
            try search.run(latencyMilliseconds: 0, into: &report)
            try search.run(latencyMilliseconds: 50, into: &report)
        case .scroll:
            try ScrollMeasurement(harness: harness, contacts: scrollContacts ?? (quick ? 300 : 3000)).run(into: &report)
        case .startup:
            try StartupMeasurement(harness: harness, runs: startupRuns ?? (quick ? 2 : 10)).run(into: &report)
        case .memory:
            try MemoryMeasurement(harness: harness, contacts: memoryContacts ?? (quick ? 2000 : 100_000)).run(into: &report)
        case .server:
            try ServerSearchMeasurement(harness: harness, contacts: serverContacts ?? (quick ? 20_000 : 1_000_000),
                                        queries: serverQueries ?? (quick ? 80 : 480)).run(into: &report)
        }
    }

    /// The machine and the conditions, printed above the table.
    static func header(binary: String, idleMs: Double, quick: Bool) -> String {
        let date = Date().formatted(.iso8601.year().month().day().time(includingFractionalSeconds: false))
        let load = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").prefix(3).joined(separator: " ") ?? "?"
        var text = "chatzy-inbox-bench \(date) UTC — \(ProcessInfo.processInfo.activeProcessorCount) cores, load \(load); "
        text += "\(binary) in an 80x24 pty (xterm-256color); a frame ends after \(idleMs) ms without output"
        if quick { text += "; QUICK smoke run (tiny sizes)" }
        return text
    }
}
