import ChatzyAPI
import DemoServer
import Foundation

/// Measurement 6: the DemoServer's own search latency at scale, through the ChatzyAPI
/// client over loopback HTTP (decoding included): names in several scripts, email and
/// phone fragments, 1-2 character prefixes and misses, across the three filters and two
/// offsets.
struct ServerSearchMeasurement {
    let harness: Harness
    let contacts: Int
    let queries: Int

    static let mix = [
        "ana", "silva", "SILVA", "maria", "gmail", "@outlook", "josé", "müller", "kowalski", "nguyễn",
        "дмитрий", "ольга", "иван", "νίκος", "王", "田中", "محمد", "כהן", "प्रिया", "sharma",
        "+44", "+5511", "+91 9", "+7 9", "98765", "4321", "a", "m", "jo", "ra", "li", "zz", "qx",
        "no-such-contact", "xyzzy", "okafor", "mensah", "lena", "garcia", "tanaka",
    ]

    func run(into report: inout Report) throws {
        let server = try harness.startServer(contacts: contacts, log: false)
        defer { server.stop() }
        let endpoint = try ChatzyEndpoint(baseURL: server.server.url)
        let client = ChatzyClient(endpoint: endpoint, token: server.server.issueToken())
        let total = queries
        let times = try runBlocking { () async throws -> [Double] in
            let clock = ContinuousClock()
            var times: [Double] = []
            _ = try await client.contacts(ContactQuery(email: DemoServerOptions.demoEmail, search: "warm"))
            for i in 0..<total {
                let filters: [ConversationFilter] = [.all, .unread, .live]
                let query = ContactQuery(email: DemoServerOptions.demoEmail, search: Self.mix[i % Self.mix.count],
                                         limit: 50, offset: (i / Self.mix.count) % 2 == 0 ? 0 : 50,
                                         filter: filters[(i / Self.mix.count / 2) % filters.count])
                let start = clock.now
                _ = try await client.contacts(query)
                let elapsed = clock.now - start
                times.append(Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15)
            }
            return times
        }
        var samples = Samples()
        times.forEach { samples.add($0) }
        report.add("DemoServer search at \(Format.count(contacts)) contacts",
                   "\(Format.p50p99(samples)), max \(Format.ms(samples.max)) (n=\(samples.count); seeded in \(String(format: "%.1f", Double(server.server.seedDuration.components.seconds) + Double(server.server.seedDuration.components.attoseconds) / 1e18)) s)",
                   target: "report it")
    }
}
