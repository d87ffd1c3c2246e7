/// A problem with how the command was called or configured, reported as one line on
/// stderr before anything else happens (exit status 2).
public struct UsageError: Error, Equatable, Sendable, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
