/// How the demo server behaves: its data and the knobs tests and benchmarks turn.
public struct DemoServerOptions: Sendable, Equatable {
    /// The demo account: sign in with these (printed when the server starts).
    public static let demoEmail = "demo@chatzy.example"
    public static let demoPassword = "demo-password"

    /// 0 picks a free port.
    public var port: Int
    public var seed: UInt64
    public var contacts: Int
    /// Mix in names full of escape sequences and control characters.
    public var hostile: Bool
    /// Delay added to every response.
    public var latencyMilliseconds: Int
    /// Every K-th request answers 500 (0: never).
    public var failEvery: Int
    /// How long a token lives.
    public var tokenTTLSeconds: Int

    public init(port: Int = 0, seed: UInt64 = 42, contacts: Int = 2000, hostile: Bool = false,
                latencyMilliseconds: Int = 0, failEvery: Int = 0, tokenTTLSeconds: Int = 3600) {
        self.port = port
        self.seed = seed
        self.contacts = contacts
        self.hostile = hostile
        self.latencyMilliseconds = latencyMilliseconds
        self.failEvery = failEvery
        self.tokenTTLSeconds = tokenTTLSeconds
    }
}
