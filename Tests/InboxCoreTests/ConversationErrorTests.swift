import ChatzyAPI
import InboxCore
import Testing

@Suite struct ConversationErrorTests {
    @Test func aTransientFailureIsShownAndRetriedAfterABackoff() {
        var state = openInbox()
        send(&state, .conversationFailed(creq(10, gen: 1), .server(status: 503)), effects: [
            .schedule(timer: .conversationRetry, milliseconds: 500 + Backoff.jitter(requestID: 10, upTo: 125),
                      action: .conversationRetryFailed(requestID: 10)),
        ]) {
            $0.conversation!.pending = nil
            $0.conversation!.error = .server(status: 503)
            $0.conversation!.failedRequest = creq(10, gen: 1)
            $0.conversation!.failures = 1
        }
        send(&state, .conversationRetryFailed(requestID: 99), effects: [])
        send(&state, .conversationRetryFailed(requestID: 10), effects: [.fetchConversation(creq(11, gen: 1))]) {
            $0.conversation!.error = nil
            $0.conversation!.failedRequest = nil
            $0.conversation!.pending = creq(11, gen: 1)
            $0.nextRequestID = 12
        }
        send(&state, .conversationFailed(creq(11, gen: 1), .timeout), effects: [
            .schedule(timer: .conversationRetry, milliseconds: 1000 + Backoff.jitter(requestID: 11, upTo: 250),
                      action: .conversationRetryFailed(requestID: 11)),
        ]) {
            $0.conversation!.pending = nil
            $0.conversation!.error = .timeout
            $0.conversation!.failedRequest = creq(11, gen: 1)
            $0.conversation!.failures = 2
        }
        send(&state, .conversationLoaded(creq(11, gen: 1), convAnswer([])), effects: [], { _ in })
        #expect(state.conversation?.error == .timeout, "a failed request's late answer is not applied")
    }

    @Test func aPermanentFailureWaitsForR() {
        var state = openInbox()
        send(&state, .conversationFailed(creq(10, gen: 1), .notFound), effects: []) {
            $0.conversation!.pending = nil
            $0.conversation!.error = .notFound
            $0.conversation!.failedRequest = creq(10, gen: 1)
            $0.conversation!.failures = 1
        }
        send(&state, .key(.char("j")), effects: [])
        send(&state, .key(.char("r")), effects: [.fetchConversation(creq(11, gen: 1))]) {
            $0.conversation!.error = nil
            $0.conversation!.failedRequest = nil
            $0.conversation!.pending = creq(11, gen: 1)
            $0.nextRequestID = 12
        }
    }

    @Test func a401ExpiresTheSessionAndASignInLoadsAgain() {
        var state = openInbox()
        send(&state, .conversationFailed(creq(10, gen: 1), .unauthorized), effects: []) {
            $0.conversation!.pending = nil
            $0.conversation!.error = .unauthorized
            $0.conversation!.failedRequest = creq(10, gen: 1)
            $0.conversation!.failures = 1
            $0.sessionExpired = true
        }
        send(&state, .key(.char("r")), effects: [])
        send(&state, .sessionRenewed, effects: [.fetchConversation(creq(11, gen: 1))]) {
            $0.sessionExpired = false
            $0.conversation!.error = nil
            $0.conversation!.failedRequest = nil
            $0.conversation!.pending = creq(11, gen: 1)
            $0.nextRequestID = 12
        }
    }

    @Test func anOlderPageFailureKeepsTheLoadedMessages() {
        var state = openInbox()
        _ = reduce(&state, .conversationLoaded(creq(10, gen: 1), convAnswer([("c1", "whatsapp", (0..<5).map { msg("m\($0)", $0) })])))
        _ = reduce(&state, .key(.char("g")))
        #expect(state.conversation?.pending == creq(11, gen: 1, offset: 5))
        let loaded = state.conversation!.entries
        _ = reduce(&state, .conversationFailed(creq(11, gen: 1, offset: 5), .cannotConnect("refused")))
        #expect(state.conversation?.entries == loaded)
        #expect(state.conversation?.error == .cannotConnect("refused"))
        #expect(reduce(&state, .key(.char("k"))) == [], "nothing is fetched after a failure until it is retried")
        _ = reduce(&state, .key(.char("r")))
        #expect(state.conversation?.pending == creq(12, gen: 1, offset: 5), "the retry asks for the same offset")
    }
}
