import Foundation

/// How the demo server behaves: its data and the knobs tests and benchmarks turn.
public struct DemoServerOptions: Sendable, Equatable {
    /// The demo account: sign in with these (printed when the server starts).
    public static let demoEmail = "demo@chatzy.example"
    public static let demoPassword = "demo-password"

    /// 0 picks a free port.
    public var port: Int
    /// The same seed gives the same contacts, conversations and messages.
    public var seed: UInt64
    public var contacts: Int
    /// Mix in names and messages full of escape sequences and control characters.
    public var hostile: Bool
    /// Delay added to every response.
    public var latencyMilliseconds: Int
    /// Every K-th request answers 500 (0: never).
    public var failEvery: Int
    /// How long a token lives.
    public var tokenTTLSeconds: Int
    /// A random extra delay from 0 to this, added to every response after `latencyMilliseconds`.
    public var jitterMilliseconds: Int
    /// Append one JSON line per request here (time, path, query, status, rows); nil: no log.
    public var requestLogPath: String?
    /// Keep the database in this file (replaced on start); nil: in memory.
    public var databasePath: String?
    /// Contacts moved to the top with new unread messages per minute (0: the data stands still).
    public var churnPerMinute: Int
    /// The time of the newest message in the seeded data; nil: when the server starts.
    /// Pin it to compare two servers' data field by field.
    public var newestActivity: Date?
    /// Every K-th request answers 429 with `Retry-After: rateLimitRetryAfterSeconds` (0: never).
    public var rateLimitEvery: Int = 0
    /// The `Retry-After` seconds sent with an injected 429.
    public var rateLimitRetryAfterSeconds: Int = 1
    /// Every K-th request answers 200 with its JSON body cut in half (0: never).
    public var truncateEvery: Int = 0
    /// Every K-th request waits `stallMilliseconds` more before answering (0: never): past a
    /// client's time-out.
    public var stallEvery: Int = 0
    /// How long a stalled request waits.
    public var stallMilliseconds: Int = 20_000
    /// Tokens accepted from the start, valid for `tokenTTLSeconds` (a restarted server can keep
    /// serving a client that signed in with its predecessor).
    public var acceptedTokens: [String] = []

    public init(port: Int = 0, seed: UInt64 = 42, contacts: Int = 2000, hostile: Bool = false,
                latencyMilliseconds: Int = 0, failEvery: Int = 0, tokenTTLSeconds: Int = 3600,
                jitterMilliseconds: Int = 0, requestLogPath: String? = nil, databasePath: String? = nil,
                churnPerMinute: Int = 0, newestActivity: Date? = nil) {
        self.port = port
        self.seed = seed
        self.contacts = contacts
        self.hostile = hostile
        self.latencyMilliseconds = latencyMilliseconds
        self.failEvery = failEvery
        self.tokenTTLSeconds = tokenTTLSeconds
        self.jitterMilliseconds = jitterMilliseconds
        self.requestLogPath = requestLogPath
        self.databasePath = databasePath
        self.churnPerMinute = churnPerMinute
        self.newestActivity = newestActivity
    }
}
