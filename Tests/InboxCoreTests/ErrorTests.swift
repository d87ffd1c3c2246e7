import ChatzyAPI
import InboxCore
import Testing

@Suite struct ErrorTests {
    /// All loaded with the selection near the end and the prefetch of offset 10 in flight.
    func prefetching() -> InboxState {
        var state = loadedInbox(count: 10, selected: 8, top: 6)
        state.lists[allKey]!.pending = req(10, gen: 0, offset: 10, .prefetch)
        state.nextRequestID = 11
        return state
    }

    @Test func aTransientFailureIsRecordedAndRetriedAfterABackoff() {
        var state = prefetching()
        send(&state, .pageFailed(req(10, gen: 0, offset: 10, .prefetch), .server(status: 503)), effects: [
            .schedule(timer: .retry, milliseconds: 500 + Backoff.jitter(requestID: 10, upTo: 125),
                      action: .retryFailed(requestID: 10)),
        ]) {
            $0.lists[allKey]!.pending = nil
            $0.lists[allKey]!.error = .server(status: 503)
            $0.lists[allKey]!.failedRequest = req(10, gen: 0, offset: 10, .prefetch)
            $0.lists[allKey]!.failures = 1
        }
        send(&state, .key(.char("k")), effects: []) {
            $0.lists[allKey]!.selected = 7
            $0.lists[allKey]!.selectedID = "a7"
        }
        send(&state, .retryFailed(requestID: 10), effects: [.fetch(req(11, gen: 0, offset: 10, .prefetch))]) {
            $0.lists[allKey]!.error = nil
            $0.lists[allKey]!.failedRequest = nil
            $0.lists[allKey]!.pending = req(11, gen: 0, offset: 10, .prefetch)
            $0.nextRequestID = 12
        }
        send(&state, .pageFailed(req(11, gen: 0, offset: 10, .prefetch), .timeout), effects: [
            .schedule(timer: .retry, milliseconds: 1000 + Backoff.jitter(requestID: 11, upTo: 250),
                      action: .retryFailed(requestID: 11)),
        ]) {
            $0.lists[allKey]!.pending = nil
            $0.lists[allKey]!.error = .timeout
            $0.lists[allKey]!.failedRequest = req(11, gen: 0, offset: 10, .prefetch)
            $0.lists[allKey]!.failures = 2
        }
        send(&state, .retryFailed(requestID: 10), effects: [])
    }

    /// A body cut short (a dropped connection, a proxy) is retried by itself like a 500, at the
    /// same offset, and the page that finally comes is appended once.
    @Test func aTruncatedPageIsRetriedByItselfAndAppendedOnce() {
        var state = prefetching()
        let truncated = APIError.invalidResponse(reason: "not JSON", prefix: "{\"data\":{\"data\":{\"contacts\":[{")
        send(&state, .pageFailed(req(10, gen: 0, offset: 10, .prefetch), truncated), effects: [
            .schedule(timer: .retry, milliseconds: 500 + Backoff.jitter(requestID: 10, upTo: 125),
                      action: .retryFailed(requestID: 10)),
        ]) {
            $0.lists[allKey]!.pending = nil
            $0.lists[allKey]!.error = truncated
            $0.lists[allKey]!.failedRequest = req(10, gen: 0, offset: 10, .prefetch)
            $0.lists[allKey]!.failures = 1
        }
        send(&state, .retryFailed(requestID: 10), effects: [.fetch(req(11, gen: 0, offset: 10, .prefetch))]) {
            $0.lists[allKey]!.error = nil
            $0.lists[allKey]!.failedRequest = nil
            $0.lists[allKey]!.pending = req(11, gen: 0, offset: 10, .prefetch)
            $0.nextRequestID = 12
        }
        _ = reduce(&state, .pageLoaded(req(11, gen: 0, offset: 10, .prefetch), page("a", 9..<14)))
        let list = state.lists[allKey]!
        #expect(list.rows.map(\.id) == (0..<14).map { "a\($0)" }, "the overlap is not duplicated, nothing is lost")
        #expect(list.nextOffset == 15 && list.error == nil && list.failures == 0)
    }

    @Test func rateLimitingWaitsAtLeastRetryAfter() {
        var state = prefetching()
        send(&state, .pageFailed(req(10, gen: 0, offset: 10, .prefetch), .rateLimited(retryAfter: 2.5)), effects: [
            .schedule(timer: .retry, milliseconds: 2500, action: .retryFailed(requestID: 10)),
        ]) {
            $0.lists[allKey]!.pending = nil
            $0.lists[allKey]!.error = .rateLimited(retryAfter: 2.5)
            $0.lists[allKey]!.failedRequest = req(10, gen: 0, offset: 10, .prefetch)
            $0.lists[allKey]!.failures = 1
        }
    }

    @Test func aPermanentFailureWaitsForTheUserAndRRetriesIt() {
        var state = prefetching()
        send(&state, .pageFailed(req(10, gen: 0, offset: 10, .prefetch), .forbidden), effects: []) {
            $0.lists[allKey]!.pending = nil
            $0.lists[allKey]!.error = .forbidden
            $0.lists[allKey]!.failedRequest = req(10, gen: 0, offset: 10, .prefetch)
            $0.lists[allKey]!.failures = 1
        }
        send(&state, .key(.char("j")), effects: []) {
            $0.lists[allKey]!.selected = 9
            $0.lists[allKey]!.selectedID = "a9"
        }
        send(&state, .key(.char("r")), effects: [.fetch(req(11, gen: 0, offset: 10, .prefetch))]) {
            $0.lists[allKey]!.error = nil
            $0.lists[allKey]!.failedRequest = nil
            $0.lists[allKey]!.pending = req(11, gen: 0, offset: 10, .prefetch)
            $0.nextRequestID = 12
        }
    }

    @Test func retryingAFailedFirstPageOfALoadedListRevalidatesIt() {
        var state = loadedInbox(count: 10)
        state.generation = 1
        state.lists[allKey]!.error = .badRequest(nil)
        state.lists[allKey]!.failedRequest = req(9, gen: 1)
        state.lists[allKey]!.failures = 1
        send(&state, .retry, effects: [.fetch(req(10, gen: 1))]) {
            $0.lists[allKey]!.error = nil
            $0.lists[allKey]!.failedRequest = nil
            $0.lists[allKey]!.pending = req(10, gen: 1)
            $0.nextRequestID = 11
        }
    }

    @Test func aFailedFirstPageStaysEmptyUntilRetried() {
        var state = smallInbox()
        _ = reduce(&state, .start)
        send(&state, .pageFailed(req(1, gen: 0), .cannotConnect("refused")), effects: [
            .schedule(timer: .retry, milliseconds: 500 + Backoff.jitter(requestID: 1, upTo: 125),
                      action: .retryFailed(requestID: 1)),
        ]) {
            $0.lists[allKey]!.pending = nil
            $0.lists[allKey]!.error = .cannotConnect("refused")
            $0.lists[allKey]!.failedRequest = req(1, gen: 0)
            $0.lists[allKey]!.failures = 1
        }
        send(&state, .key(.char("j")), effects: [])
        send(&state, .retry, effects: [.fetch(req(2, gen: 0))]) {
            $0.lists[allKey]!.error = nil
            $0.lists[allKey]!.failedRequest = nil
            $0.lists[allKey]!.pending = req(2, gen: 0)
            $0.nextRequestID = 3
        }
        send(&state, .pageLoaded(req(2, gen: 0), page("a", 0..<5)), effects: []) {
            $0.lists[allKey] = loadedList(contacts("a", 0..<5))
        }
    }

    @Test func aStaleFailureIsDropped() {
        var state = prefetching()
        send(&state, .pageFailed(req(10, gen: 7, offset: 10, .prefetch), .server(status: 500)), effects: [])
        send(&state, .pageFailed(req(3, gen: 0, offset: 10, .prefetch), .unauthorized), effects: [])
    }

    @Test func retryWithoutAnErrorDoesNothing() {
        var state = loadedInbox()
        send(&state, .retry, effects: [])
    }
}

@Suite struct SessionTests {
    @Test func a401ExpiresTheSessionAndKeepsEverythingLoaded() {
        var state = loadedInbox(count: 10, selected: 8, top: 6)
        state.lists[allKey]!.pending = req(10, gen: 0, offset: 10, .prefetch)
        state.nextRequestID = 11
        send(&state, .pageFailed(req(10, gen: 0, offset: 10, .prefetch), .unauthorized), effects: []) {
            $0.sessionExpired = true
            $0.lists[allKey]!.pending = nil
            $0.lists[allKey]!.error = .unauthorized
            $0.lists[allKey]!.failedRequest = req(10, gen: 0, offset: 10, .prefetch)
            $0.lists[allKey]!.failures = 1
        }
        // Navigation still works on what is loaded; nothing is fetched, not even by 'r'.
        send(&state, .key(.char("j")), effects: []) {
            $0.lists[allKey]!.selected = 9
            $0.lists[allKey]!.selectedID = "a9"
        }
        send(&state, .key(.char("r")), effects: [])
        send(&state, .retryFailed(requestID: 10), effects: [])
    }

    @Test func aRenewedSessionFetchesWhatTheExpiryStopped() {
        var state = loadedInbox(count: 10, selected: 8, top: 6, .init(pageSize: 5, refreshIntervalSeconds: 30))
        state.sessionExpired = true
        state.lists[allKey]!.error = .unauthorized
        state.lists[allKey]!.failedRequest = req(10, gen: 0, offset: 10, .prefetch)
        state.lists[allKey]!.failures = 1
        state.nextRequestID = 11
        send(&state, .sessionRenewed, effects: [
            .schedule(timer: .refresh, milliseconds: 30_000, action: .refresh),
            .fetch(req(11, gen: 0, offset: 10, .prefetch)),
        ]) {
            $0.sessionExpired = false
            $0.lists[allKey]!.error = nil
            $0.lists[allKey]!.failedRequest = nil
            $0.lists[allKey]!.pending = req(11, gen: 0, offset: 10, .prefetch)
            $0.nextRequestID = 12
        }
        send(&state, .sessionRenewed, effects: [])
    }

    @Test func aTabSwitchWhileExpiredShowsKeptRowsAndRevalidatesAfterLogin() {
        var state = loadedInbox(count: 10)
        state.lists[unreadKey] = loadedList(contacts("u", 0..<3), reachedEnd: true)
        state.sessionExpired = true
        send(&state, .key(.char("2")), effects: []) {
            $0.filter = .unread
            $0.queryRevision = 1
            $0.generation = 1
            $0.lists[unreadKey]!.needsRevalidation = true
        }
        send(&state, .sessionRenewed, effects: [.fetch(req(10, gen: 1, .unread))]) {
            $0.sessionExpired = false
            $0.lists[unreadKey]!.needsRevalidation = false
            $0.lists[unreadKey]!.pending = req(10, gen: 1, .unread)
            $0.nextRequestID = 11
        }
    }
}
