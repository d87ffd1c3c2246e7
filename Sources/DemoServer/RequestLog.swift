import Foundation
import Synchronization

/// One JSON line per request, appended to a file: time, method, path, query, status,
/// rows returned and milliseconds spent (`--request-log PATH`).
final class RequestLog: Sendable {
    private let file: Mutex<FileHandle>

    /// Opens `path` for appending, creating it when missing.
    init(path: String) throws {
        if !FileManager.default.fileExists(atPath: path) {
            guard FileManager.default.createFile(atPath: path, contents: nil) else {
                throw DemoServerError.cannotWrite(path)
            }
        }
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        handle.seekToEndOfFile()
        file = Mutex(handle)
    }

    /// What the log records about one request.
    struct Entry {
        var method: String
        var path: String
        var query: String
        var status: Int
        var rows: Int?
        var milliseconds: Double
    }

    func append(_ entry: Entry, at time: Date = Date()) {
        var object: [String: Any] = [
            "time": Date.ISO8601FormatStyle(includingFractionalSeconds: true).format(time),
            "method": entry.method, "path": entry.path, "query": entry.query, "status": entry.status,
            "ms": (entry.milliseconds * 100).rounded() / 100,
        ]
        object["rows"] = entry.rows ?? NSNull()
        guard var line = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]) else { return }
        line.append(0x0A)
        file.withLock { $0.write(line) }
    }

    func close() {
        file.withLock { try? $0.close() }
    }
}
