import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One request exactly as it arrived on the socket: the raw request target (path and
/// query, still percent-encoded) and the headers, so tests see what the server sees.
struct RecordedRequest: Sendable {
    var method: String
    var target: String
    var headers: [String: String]
    var body: Data

    /// A header by case-insensitive name.
    func header(_ name: String) -> String? { headers[name.lowercased()] }
}

/// What the scripted server does with a request.
enum ScriptedReply: Sendable {
    /// Answers with a status, extra headers and a body.
    case respond(status: Int, headers: [String: String] = [:], body: Data = Data())
    /// Never answers; waits until the client closes the connection and records that.
    case hang
}

/// A tiny HTTP/1.1 server on 127.0.0.1 for tests that need to see the wire: the exact
/// request line, the headers, a status the demo server never sends, a request that hangs
/// and whether the client hung up. One thread per connection; answers close the connection.
final class LoopbackHTTPServer: Sendable {
    let port: Int
    var url: URL { URL(string: "http://127.0.0.1:\(port)")! }

    private let listener: Int32
    private let reply: @Sendable (RecordedRequest) -> ScriptedReply
    private let state = Mutex(State())

    private struct State {
        var requests: [RecordedRequest] = []
        var hangUps = 0
        var stopped = false
    }

    /// Binds an ephemeral port on 127.0.0.1 and starts accepting.
    init(reply: @escaping @Sendable (RecordedRequest) -> ScriptedReply) throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw POSIXError(.EIO) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(fd, 16) == 0 else { close(fd); throw POSIXError(.EADDRINUSE) }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        self.port = Int(UInt16(bigEndian: address.sin_port))
        self.listener = fd
        self.reply = reply
        Thread.detachNewThread { [self] in acceptLoop() }
    }

    /// Every request received so far, in arrival order.
    var requests: [RecordedRequest] { state.withLock { $0.requests } }

    /// How many hanging requests the client abandoned by closing the connection.
    var hangUps: Int { state.withLock { $0.hangUps } }

    /// Stops accepting; hanging connections are released.
    func stop() {
        state.withLock { $0.stopped = true }
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
    }

    /// Polls `condition` every 10 ms until it holds or `seconds` pass; returns whether it held.
    func waitUntil(seconds: Double = 30, _ condition: @Sendable (LoopbackHTTPServer) -> Bool) async -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if condition(self) { return true }
            try? await Task.sleep(for: .milliseconds(10))
        }
        return condition(self)
    }

    private var isStopped: Bool { state.withLock { $0.stopped } }

    private func acceptLoop() {
        while !isStopped {
            let connection = accept(listener, nil, nil)
            if connection < 0 { if isStopped { return } else { continue } }
            Thread.detachNewThread { [self] in serve(connection) }
        }
    }

    private func serve(_ fd: Int32) {
        defer { close(fd) }
        guard let request = readRequest(fd) else { return }
        state.withLock { $0.requests.append(request) }
        switch reply(request) {
        case .respond(let status, let headers, let body):
            var head = "HTTP/1.1 \(status) Scripted\r\nContent-Length: \(body.count)\r\nConnection: close\r\n"
            for (name, value) in headers { head += "\(name): \(value)\r\n" }
            writeAll(fd, Data((head + "\r\n").utf8) + body)
        case .hang:
            if waitForHangUp(fd) { state.withLock { $0.hangUps += 1 } }
        }
    }

    /// Reads the head and a `Content-Length` body; nil when the client went away first.
    private func readRequest(_ fd: Int32) -> RecordedRequest? {
        var buffer = Data()
        let separator = Data("\r\n\r\n".utf8)
        var chunk = [UInt8](repeating: 0, count: 4096)
        while buffer.range(of: separator) == nil {
            let n = recv(fd, &chunk, chunk.count, 0)
            if n <= 0 { return nil }
            buffer.append(contentsOf: chunk[0..<n])
        }
        let headEnd = buffer.range(of: separator)!
        let lines = String(decoding: buffer[..<headEnd.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
        let requestLine = lines[0].split(separator: " ", maxSplits: 2).map(String.init)
        guard requestLine.count >= 2 else { return nil }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        var body = Data(buffer[headEnd.upperBound...])
        let expected = Int(headers["content-length"] ?? "0") ?? 0
        while body.count < expected {
            let n = recv(fd, &chunk, chunk.count, 0)
            if n <= 0 { break }
            body.append(contentsOf: chunk[0..<n])
        }
        return RecordedRequest(method: requestLine[0], target: requestLine[1], headers: headers, body: body)
    }

    /// Waits (without answering) until the peer closes; false if the server stopped first.
    private func waitForHangUp(_ fd: Int32) -> Bool {
        var byte: UInt8 = 0
        while !isStopped {
            var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&descriptor, 1, 50) >= 0 else { return false }
            if descriptor.revents != 0 {
                let n = recv(fd, &byte, 1, Int32(MSG_DONTWAIT))
                if n == 0 || (n < 0 && errno != EAGAIN) { return true }
            }
        }
        return false
    }

    private func writeAll(_ fd: Int32, _ data: Data) {
        data.withUnsafeBytes { raw in
            var sent = 0
            while sent < raw.count {
                let n = send(fd, raw.baseAddress! + sent, raw.count - sent, Int32(MSG_NOSIGNAL))
                if n <= 0 { return }
                sent += n
            }
        }
    }
}
