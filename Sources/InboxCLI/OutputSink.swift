import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where `list` writes. `write` throws `OutputClosed` when the reader has gone away
/// (`| head -1`), so the lister can stop quietly.
public protocol OutputSink: AnyObject {
    func write(_ bytes: [UInt8]) throws(OutputClosed)
}

/// The reader closed the pipe (EPIPE) or the output failed; nothing more can be written.
public struct OutputClosed: Error, Equatable, Sendable {
    /// The `errno` of the failed write (EPIPE when the reader left).
    public var code: Int32
    public var isBrokenPipe: Bool { code == EPIPE }
}

/// A file descriptor (stdout), written with `write(2)` until every byte is out. SIGPIPE must
/// be ignored (`ignoreSIGPIPE()`) so that a closed pipe shows up as EPIPE here instead of
/// killing the process.
public final class FileDescriptorSink: OutputSink {
    public let fd: Int32

    public init(fd: Int32 = STDOUT_FILENO) { self.fd = fd }

    public func write(_ bytes: [UInt8]) throws(OutputClosed) {
        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeBytes { raw in
                Glibc.write(fd, raw.baseAddress! + written, bytes.count - written)
            }
            if n < 0 {
                if errno == EINTR { continue }
                throw OutputClosed(code: errno)
            }
            written += n
        }
    }

    /// Makes a write to a closed pipe fail with EPIPE instead of ending the process.
    public static func ignoreSIGPIPE() {
        signal(SIGPIPE, SIG_IGN)
    }
}

/// Collects output in memory (tests), optionally "closing" after a number of writes.
public final class MemorySink: OutputSink {
    public private(set) var bytes: [UInt8] = []
    public private(set) var writes = 0
    /// Writes after this many fail with EPIPE (nil: never).
    public var closeAfterWrites: Int?

    public init(closeAfterWrites: Int? = nil) { self.closeAfterWrites = closeAfterWrites }

    public var text: String { String(decoding: bytes, as: UTF8.self) }

    public func write(_ bytes: [UInt8]) throws(OutputClosed) {
        if let limit = closeAfterWrites, writes >= limit { throw OutputClosed(code: EPIPE) }
        writes += 1
        self.bytes += bytes
    }
}
