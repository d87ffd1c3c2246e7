import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A bare HTTP/1.1 GET over one kept-alive loopback connection: how long the server takes to
/// answer as a client that does nothing else sees it — no URLSession, no decoding. The search
/// figure charges the inbox only for what comes on top of this; the server's request log alone
/// leaves out its HTTP stack (about 1 ms here, even for a 404).
final class BareClient {
    private let fd: Int32
    private var pending: [UInt8] = []
    private var buffer = [UInt8](repeating: 0, count: 65_536)

    init(port: Int) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw BenchError("socket: errno \(errno)") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            close(fd)
            throw BenchError("connect to 127.0.0.1:\(port): errno \(errno)")
        }
        var one: Int32 = 1
        setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
        // A stalled server fails the request instead of hanging the bench.
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    }

    deinit { close(fd) }

    /// Sends `GET target` and reads the whole answer; returns its status and the nanoseconds
    /// from the request's first byte to the answer's last. An answer framed other than by
    /// `Content-Length` or plain `chunked` is an error (the connection could not be reused).
    func get(_ target: String, headers: [String: String]) throws -> (status: Int, nanoseconds: UInt64) {
        var request = "GET \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        for (name, value) in headers.sorted(by: { $0.key < $1.key }) { request += "\(name): \(value)\r\n" }
        request += "\r\n"
        let bytes = Array(request.utf8)
        let start = Clock.now()
        var sent = 0
        while sent < bytes.count {
            let n = bytes[sent...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            guard n > 0 else { throw BenchError("write: errno \(errno)") }
            sent += n
        }
        let head = try readHead()
        guard let status = Int(head.first?.split(separator: " ").dropFirst().first ?? "") else {
            throw BenchError("not an HTTP answer: \(head.first ?? "")")
        }
        let field = { (name: String) in
            head.dropFirst().first { $0.lowercased().hasPrefix(name + ":") }.map {
                $0.dropFirst(name.count + 1).trimmingCharacters(in: .whitespaces).lowercased()
            }
        }
        if let length = field("content-length").flatMap({ Int($0) }) {
            try skip(length)
        } else if field("transfer-encoding") == "chunked" {
            while true {
                guard let size = Int(try line().split(separator: ";").first ?? "", radix: 16) else {
                    throw BenchError("a malformed chunk size")
                }
                if size == 0 {
                    while try !line().isEmpty {}  // trailers, up to the blank line
                    break
                }
                try skip(size)
                _ = try line()
            }
        } else {
            throw BenchError("an answer without Content-Length or chunked framing: \(head.joined(separator: " | "))")
        }
        return (status, Clock.now() - start)
    }

    /// The status line and header lines, up to the blank line.
    private func readHead() throws -> [String] {
        var lines: [String] = []
        while true {
            let text = try line()
            if text.isEmpty { return lines }
            lines.append(text)
        }
    }

    /// One CRLF-terminated line, without its CRLF.
    private func line() throws -> String {
        while true {
            if let end = pending.indices.dropLast().first(where: { pending[$0] == 0x0D && pending[$0 + 1] == 0x0A }) {
                let text = String(decoding: pending[..<end], as: UTF8.self)
                pending.removeFirst(end + 2)
                return text
            }
            try fill()
        }
    }

    /// Reads past exactly `count` bytes.
    private func skip(_ count: Int) throws {
        while pending.count < count { try fill() }
        pending.removeFirst(count)
    }

    private func fill() throws {
        let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        guard n > 0 else { throw BenchError("the server closed the connection or stalled (read \(n), errno \(errno))") }
        pending += buffer[..<n]
    }
}
