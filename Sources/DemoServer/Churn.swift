import Foundation

/// Live updates (`--churn-per-minute N`): moves random contacts to the top of the list
/// with new messages and unread counts, so refresh and de-duplication meet real movement.
/// The sequence of moved contacts is deterministic from the seed; their times are real.
enum Churn {
    /// Runs until cancelled, moving `perMinute` contacts a minute in small steps.
    static func run(store: ContactStore, perMinute: Int) async {
        guard perMinute > 0 else { return }
        var rng = SeededRandom(seed: store.data.seed, stream: 0xC4A2)
        let tick = max(60.0 / Double(perMinute), 0.25)
        var owed = 0.0
        while !Task.isCancelled {
            do { try await Task.sleep(for: .milliseconds(Int(tick * 1000))) } catch { return }
            owed += Double(perMinute) * tick / 60
            let count = Int(owed)
            owed -= Double(count)
            guard count > 0 else { continue }
            try? await store.churn(count: count, now: Int64(Date().timeIntervalSince1970), rng: &rng)
        }
    }
}
