import DemoServer
import Foundation
import Testing

@Suite("Knobs for tests and benchmarks")
struct KnobsTests {
    @Test("--fail-every K: every K-th request answers 500 with a JSON message, the others succeed")
    func failEvery() async throws {
        let peer = try await Peer.start(DemoServerOptions(contacts: 10, failEvery: 3))
        defer { peer.server.stop() }
        var statuses: [Int] = []
        for _ in 0..<7 {
            let answer = try await peer.contacts()
            statuses.append(answer.status)
            if answer.status == 500 { #expect(answer.message?.isEmpty == false) }
        }
        #expect(statuses == [200, 200, 500, 200, 200, 500, 200])
    }

    @Test("--latency-ms delays every response by at least that much; --jitter-ms adds up to more")
    func latency() async throws {
        let peer = try await Peer.start(DemoServerOptions(contacts: 10, latencyMilliseconds: 120, jitterMilliseconds: 80))
        defer { peer.server.stop() }
        let clock = ContinuousClock()
        var elapsed: [Duration] = []
        for _ in 0..<6 {
            let start = clock.now
            #expect(try await peer.contacts().status == 200)
            elapsed.append(clock.now - start)
        }
        print("latency 120 ms + jitter 0-80 ms, observed:", elapsed.map { $0.formatted(.units(allowed: [.milliseconds])) })
        #expect(elapsed.allSatisfy { $0 >= .milliseconds(120) })
    }

    @Test("--request-log writes one JSON line per request: time, path, query, status, rows")
    func requestLog() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("demo-log-\(UUID().uuidString).jsonl").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let peer = try await Peer.start(DemoServerOptions(contacts: 30, requestLogPath: path))
        _ = try await peer.contacts([("limit", "7"), ("filter", "all")])
        _ = try await peer.contacts([("limit", "0")])
        _ = try await peer.get("get_contact_conversations", [("user_email_id", "x")], authorization: "")
        _ = try await peer.get("no_such_route")
        await peer.stop()
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        let entries = try lines.map { try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
        #expect(entries.count == 4)
        #expect(entries.map { ($0["status"] as? NSNumber)?.intValue } == [200, 400, 401, 404])
        #expect(entries[0].text("path") == "/get_contact_conversations")
        #expect(entries[0].text("query").contains("limit=7"))
        #expect((entries[0]["rows"] as? NSNumber)?.intValue == 7)
        #expect(entries[1]["rows"] is NSNull)
        #expect(entries.allSatisfy { parseTime($0.text("time")) != nil })
    }

    @Test("--churn-per-minute moves contacts to the top with new unread messages; the list stays whole and sorted")
    func churn() async throws {
        // 100 contacts fit one page of 100: each list below is one request, a consistent snapshot.
        let peer = try await Peer.start(DemoServerOptions(seed: 11, contacts: 100, churnPerMinute: 240))
        defer { peer.server.stop() }
        let before = try await peer.allContacts()
        try await Task.sleep(for: .milliseconds(1_600))
        let after = try await peer.allContacts()
        let ids = after.map { $0.text("contact_id") }
        #expect(Set(ids) == Set(before.map { $0.text("contact_id") }))
        #expect(ids.count == 100)
        let times = after.compactMap { parseTime($0.text("latest_message_time")) }
        #expect(zip(times, times.dropFirst()).allSatisfy { $0 >= $1 })
        #expect(Array(ids.prefix(5)) != before.prefix(5).map { $0.text("contact_id") })
        let top = try #require(after.first)
        #expect(Int(top.text("unread_message_count"))! > 0)
        let oldTop = try #require(before.first.flatMap { parseTime($0.text("latest_message_time")) })
        #expect(try #require(times.first) >= oldTop)
        let messages = try await peer.get("get_contact_conversation_messages", [("contact_id", top.text("contact_id")), ("limit", "1")])
        let newest = try #require(((messages.payload["conversations"] as? [[String: Any]])?.first?["messages"] as? [[String: Any]])?.last)
        #expect(newest.text("role") == "user")
        // Churn may move this contact again between the two requests: never older than listed.
        #expect(try #require(parseTime(newest.text("created_at"))) >= times.first!)
    }

    @Test("--db PATH keeps the database in a file that serves the same list")
    func databaseFile() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("demo-\(UUID().uuidString).sqlite").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let pinned = Date(timeIntervalSince1970: 1_750_000_000)
        let onDisk = try await Peer.start(DemoServerOptions(seed: 4, contacts: 150, databasePath: path, newestActivity: pinned))
        let inMemory = try await Peer.start(DemoServerOptions(seed: 4, contacts: 150, newestActivity: pinned))
        defer { onDisk.server.stop(); inMemory.server.stop() }
        #expect(try canonical(try await onDisk.allContacts(search: "an")) == canonical(try await inMemory.allContacts(search: "an")))
        let size = try FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber
        #expect((size?.intValue ?? 0) > 10_000)
    }
}
