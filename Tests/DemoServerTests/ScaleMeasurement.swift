import DemoServer
import Foundation
import Testing

/// A measurement, not a test: run by hand with
/// `DEMO_SCALE_CONTACTS=1000000 swift test --filter ScaleMeasurement`.
/// It prints the seed time and search latencies over real HTTP; only correctness is checked.
@Suite("Scale measurement (by hand)")
struct ScaleMeasurement {
    static let contacts = Int(ProcessInfo.processInfo.environment["DEMO_SCALE_CONTACTS"] ?? "") ?? 0

    /// What people type: names in several scripts, email and phone fragments, short prefixes.
    static let queries = [
        "ana", "silva", "SILVA", "maria", "gmail", "@outlook", "josé", "müller", "kowalski", "nguyễn",
        "дмитрий", "ольга", "иван", "νίκος", "王", "田中", "محمد", "כהן", "प्रिया", "sharma",
        "+44", "+5511", "+91 9", "+7 9", "98765", "4321", "a", "m", "jo", "ra", "li", "zz", "qx",
        "no-such-contact", "xyzzy", "okafor", "mensah", "lena", "👍🏽", "👨‍👩‍👧",
    ]

    @Test("seed and search at scale", .enabled(if: contacts > 0))
    func measure() async throws {
        let peer = try await Peer.start(DemoServerOptions(contacts: Self.contacts))
        defer { peer.server.stop() }
        print("seeded \(Self.contacts) contacts in \(peer.server.seedDuration.formatted(.units(allowed: [.milliseconds])))")
        let clock = ContinuousClock()
        var samples: [(Double, String)] = []
        for round in 0..<3 {
            for filter in ["all", "unread", "live"] {
                for query in Self.queries {
                    let start = clock.now
                    let page = try await peer.contacts([("search", query), ("filter", filter), ("limit", "50"), ("offset", round == 2 ? "50" : "0")])
                    let elapsed = clock.now - start
                    #expect(page.status == 200)
                    let ms = Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000
                    samples.append((ms, "\(filter) \(query) offset \(round == 2 ? 50 : 0)"))
                }
            }
        }
        let sorted = samples.sorted { $0.0 < $1.0 }
        func percentile(_ p: Double) -> Double { sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))].0 }
        print(String(format: "search over HTTP, %d requests: p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms",
                     sorted.count, percentile(0.5), percentile(0.9), percentile(0.99), sorted.last!.0))
        print("slowest:", sorted.suffix(6).reversed().map { String(format: "%.1f ms %@", $0.0, $0.1) })
    }
}
