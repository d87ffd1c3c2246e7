import ChatzyAPI

/// How long to wait before retrying a transient failure: capped exponential backoff with a
/// jitter derived from the request id (so the reducer stays deterministic), never sooner
/// than a 429's `Retry-After`.
public enum Backoff {
    /// A `Retry-After` longer than this (10 minutes) is not waited for in full.
    public static let retryAfterLimitMilliseconds = 600_000

    /// The delay before retry number `failures` (1 for the first) of request `requestID`:
    /// `min(cap, base * 2^(failures-1))` plus a jitter of up to a quarter of it, and at least
    /// the server's `Retry-After` (up to `retryAfterLimitMilliseconds`).
    public static func milliseconds(
        failures: Int, requestID: Int, error: APIError, base: Int, cap: Int
    ) -> Int {
        let exponent = min(max(failures - 1, 0), 30)
        let (doubled, overflow) = base.multipliedReportingOverflow(by: 1 << exponent)
        let delay = overflow ? cap : min(cap, doubled)
        let withJitter = delay + jitter(requestID: requestID, upTo: delay / 4)
        guard case .rateLimited(let retryAfter?) = error, retryAfter.isFinite else { return withJitter }
        let asked = min(Double(retryAfterLimitMilliseconds), max(0, (retryAfter * 1000).rounded(.up)))
        return max(withJitter, Int(asked))
    }

    /// A number in `0...limit` spread evenly over request ids (SplitMix64's finaliser).
    public static func jitter(requestID: Int, upTo limit: Int) -> Int {
        guard limit > 0 else { return 0 }
        var z = UInt64(truncatingIfNeeded: requestID) &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        z ^= z >> 31
        return Int(z % UInt64(limit + 1))
    }
}
