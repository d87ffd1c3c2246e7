import ChatzyAPI
import Foundation
import Testing

/// Status mapping, `Retry-After` parsing and the status-bar lines.
@Suite struct APIErrorTests {
    let now = Date(timeIntervalSince1970: 784_111_777) // Sun, 06 Nov 1994 08:49:37 GMT

    @Test(arguments: [
        (400, APIError.badRequest(nil)), (401, .unauthorized), (403, .forbidden), (404, .notFound),
        (429, .rateLimited(retryAfter: nil)), (500, .server(status: 500)), (502, .server(status: 502)),
        (503, .server(status: 503)), (418, .server(status: 418)), (301, .server(status: 301)),
    ])
    func everyStatusMaps(status: Int, expected: APIError) {
        #expect(APIError.from(status: status, body: Data(), retryAfterHeader: nil, now: now) == expected)
    }

    @Test func badRequestKeepsTheServersFirstLine() {
        let body = json(#"{"message": "limit must be 1..100\nsecond line"}"#)
        #expect(APIError.from(status: 400, body: body, retryAfterHeader: nil) == .badRequest("limit must be 1..100"))
        #expect(APIError.from(status: 400, body: json(#"{"error": "bad filter"}"#), retryAfterHeader: nil) == .badRequest("bad filter"))
        #expect(APIError.from(status: 400, body: json(#"{"data": {"message": "nested"}}"#), retryAfterHeader: nil) == .badRequest("nested"))
    }

    @Test func aHostileServerMessageCannotCarryEscapeSequences() {
        let body = try! JSONSerialization.data(withJSONObject: ["message": "\u{1B}]0;pwned\u{07}bad\u{9B}2J\tlimit\rX"])
        #expect(APIError.from(status: 400, body: body, retryAfterHeader: nil) == .badRequest(" ]0;pwned bad 2J limit")) // "\r" ends the first line
    }

    @Test(arguments: [
        ("120", 120.0), (" 0 ", 0), ("Sun, 06 Nov 1994 08:51:37 GMT", 120), ("Sunday, 06-Nov-94 08:50:37 GMT", 60),
        ("Sun Nov  6 08:49:47 1994", 10), ("Sun, 06 Nov 1994 08:00:00 GMT", 0),
    ])
    func retryAfterSecondsAndDates(header: String, seconds: Double) {
        #expect(RetryAfter.seconds(from: header, now: now) == seconds)
        #expect(APIError.from(status: 429, body: Data(), retryAfterHeader: header, now: now) == .rateLimited(retryAfter: seconds))
    }

    @Test(arguments: ["", "soon", "-5", "1.5", "0x10", "1e3", "Sun, 32 Nov 1994 08:49:37 GMT"])
    func unreadableRetryAfterIsNil(header: String) {
        #expect(RetryAfter.seconds(from: header, now: now) == nil)
    }

    static let everyError: [APIError] = [
        .unauthorized, .forbidden, .badRequest(nil), .badRequest("limit must be 1..100"), .notFound,
        .rateLimited(retryAfter: nil), .rateLimited(retryAfter: 2.2), .server(status: 502), .server(status: 307),
        .timeout, .cannotConnect("connection refused"), .cancelled,
        .invalidResponse(reason: "not JSON", prefix: "<html>\n<body>"), .invalidConfiguration("Refusing plain http to x"),
    ]

    @Test(arguments: everyError)
    func messagesAreOneShortLine(error: APIError) {
        #expect(!error.message.isEmpty && error.message.count <= 200)
        #expect(!error.message.contains("\n"))
        #expect(error.description == error.message)
        #expect("\(error)" == error.message)
        #expect((error as any Error).localizedDescription == error.message)
    }

    @Test func messagesSayWhatHappened() {
        #expect(APIError.unauthorized.message == "Session expired or invalid (401): sign in again")
        #expect(APIError.unauthorized.signInMessage == "Wrong email or password (401)")
        #expect(APIError.timeout.signInMessage == APIError.timeout.message)
        #expect(APIError.rateLimited(retryAfter: 2.2).message == "Rate limited (429): retrying in 3s")
        #expect(APIError.badRequest("limit must be 1..100").message == "Bad request (400): limit must be 1..100")
        #expect(APIError.server(status: 503).message == "Server error (503)")
        #expect(APIError.invalidResponse(reason: "not JSON", prefix: "<html>").message == "Unreadable answer from the server: not JSON")
    }

    @Test func transientOnesAreWorthRetrying() {
        let transient = Self.everyError.filter(\.isTransient)
        #expect(transient == [.rateLimited(retryAfter: nil), .rateLimited(retryAfter: 2.2), .server(status: 502),
                              .timeout, .cannotConnect("connection refused"),
                              .invalidResponse(reason: "not JSON", prefix: "<html>\n<body>")])
        #expect(!APIError.server(status: 418).isTransient)
        #expect(APIError.rateLimited(retryAfter: 4).retryAfter == 4)
        #expect(APIError.timeout.retryAfter == nil)
    }
}
