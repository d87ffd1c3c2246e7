import ChatzyAPI
import InboxCore
import InboxRuntime
import Testing

/// Transient failures on a manual clock: the retry comes exactly when the reducer's backoff
/// (capped, doubling, with jitter) or the server's `Retry-After` says, never sooner.
@Suite struct RetryScheduleTests {
    @Test func retriesFollowTheBackoffAndRetryAfter() async throws {
        let rig = Rig()
        let settings = rig.state.settings
        rig.store.send([.resize(rows: 7, cols: 80), .start])
        #expect(await rig.calls(1))
        let failures: [APIError] = [.server(status: 503), .timeout, .rateLimited(retryAfter: 7)]
        for (number, error) in failures.enumerated() {
            rig.client.fail(number, with: error)
            #expect(await rig.pump { $0.shown.error == error })
            let delay = try #require(rig.retryDelays.last)
            #expect(rig.retryDelays.count == number + 1)
            let backoff = settings.retryBaseMilliseconds << number
            #expect((backoff...(backoff + backoff / 4)).contains(delay) || error.retryAfter != nil,
                    "failure \(number + 1): \(delay) ms is the doubled base plus at most a quarter")
            if let seconds = error.retryAfter {
                #expect(delay == Int(seconds * 1000), "Retry-After outweighs a shorter backoff")
            }
            let started = rig.clock.elapsedMilliseconds
            rig.advance(by: delay - 1)
            #expect(rig.pump() == 0, "no retry before \(delay) ms")
            rig.advance(by: 1)
            #expect(rig.pump() == 1, "the retry fires at \(delay) ms")
            #expect(rig.clock.elapsedMilliseconds - started == delay)
            try #require(await rig.calls(number + 2))
            #expect(rig.client.calls[number + 1].query.offset == 0)
        }
        rig.client.answer(3, with: page("a", 0..<10))
        #expect(await rig.pump { $0.shown.rows.count == 10 && $0.shown.error == nil })
        #expect(rig.client.calls.count == 4)
        #expect(rig.worker.snapshot().timers.isEmpty)
    }
}
