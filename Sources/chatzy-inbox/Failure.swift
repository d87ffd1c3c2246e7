/// A failure at run time (the network, the server, a refused sign-in), reported as one line
/// on stderr with exit status 1. Usage problems are `UsageError`s (status 2).
struct RuntimeFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
