import ChatzyAPI
import Foundation

/// Runs a call and returns its outcome, so tests can `#expect` on errors. (Closures do not
/// infer typed throws yet; anything that is not an `APIError` becomes a visible mismatch.)
func outcome<T>(_ operation: () async throws -> T) async -> Result<T, APIError> {
    do {
        return .success(try await operation())
    } catch let error as APIError {
        return .failure(error)
    } catch {
        return .failure(.invalidConfiguration("not an APIError: \(error)"))
    }
}

extension Result {
    /// The error of a failure, nil on success.
    var failure: Failure? {
        if case .failure(let error) = self { return error }
        return nil
    }

    /// The value of a success, nil on failure.
    var success: Success? {
        if case .success(let value) = self { return value }
        return nil
    }
}

/// A client for a loopback server's URL.
func client(for url: URL, token: String? = "test-token", timeout: TimeInterval = 10) throws -> ChatzyClient {
    ChatzyClient(endpoint: try ChatzyEndpoint(baseURL: url), token: token, timeout: timeout)
}

/// JSON text as the body of a response.
func json(_ text: String) -> Data { Data(text.utf8) }

/// The contact list envelope around the given contact objects.
func contactsBody(_ contacts: String) -> Data {
    json(#"{"data": {"data": {"contacts": ["# + contacts + "]}}}")
}

/// A fresh empty directory under the system temporary directory; never the real home.
func makeTemporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory
        .appendingPathComponent("chatzy-api-tests-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}
