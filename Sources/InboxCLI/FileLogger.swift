import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A tiny logger that appends one line per event to a file, never to the terminal:
/// `2026-11-25T10:00:00.123Z info  message`. Lines below the level are dropped; every line
/// goes through the `Redactor` first. Safe from any thread. A failed write is dropped
/// silently — logging must never disturb the screen or the program.
public final class FileLogger: Sendable {
    public let level: LogLevel
    public let redactor: Redactor
    private let fd: Mutex<Int32>

    /// A logger that writes nothing (no `--log-file`).
    public static func disabled(redactor: Redactor = Redactor()) -> FileLogger {
        FileLogger(fd: -1, level: .error, redactor: redactor)
    }

    private init(fd: Int32, level: LogLevel, redactor: Redactor) {
        self.fd = Mutex(fd)
        self.level = level
        self.redactor = redactor
    }

    /// Opens (creates `0600`, appends to) the file; throws one line saying why it cannot.
    public convenience init(path: String, level: LogLevel, redactor: Redactor) throws(UsageError) {
        let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC | O_NOCTTY, 0o600)
        guard fd >= 0 else {
            throw UsageError("cannot open the log file \(path): \(String(cString: strerror(errno)))")
        }
        var info = stat()
        if fstat(fd, &info) == 0, info.st_mode & S_IFMT != S_IFREG {
            let isTerminal = isatty(fd) == 1
            close(fd)
            if isTerminal { throw UsageError("the log file \(path) is a terminal: the log must never reach the screen") }
            if info.st_mode & S_IFMT == S_IFDIR { throw UsageError("the log file \(path) is a directory") }
            // A FIFO or /dev/null is fine to write to.
            self.init(fd: open(path, O_WRONLY | O_APPEND | O_CLOEXEC | O_NONBLOCK | O_NOCTTY), level: level, redactor: redactor)
            return
        }
        self.init(fd: fd, level: level, redactor: redactor)
    }

    deinit {
        fd.withLock { if $0 >= 0 { close($0) } }
    }

    /// True when something is written at `level`.
    public func enabled(_ level: LogLevel) -> Bool {
        fd.withLock { $0 >= 0 } && level >= self.level
    }

    public func log(_ level: LogLevel, _ message: @autoclosure () -> String) {
        guard enabled(level) else { return }
        let text = redactor.redact(message()).replacingOccurrences(of: "\n", with: "\\n")
        let line = "\(Self.timestamp()) \(level.name.padding(toLength: 7, withPad: " ", startingAt: 0)) \(text)\n"
        fd.withLock { fd in
            guard fd >= 0 else { return }
            let bytes = Array(line.utf8)
            var written = 0
            while written < bytes.count {
                let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + written, bytes.count - written) }
                if n < 0, errno == EINTR { continue }
                if n <= 0 { return }
                written += n
            }
        }
    }

    public func debug(_ message: @autoclosure () -> String) { log(.debug, message()) }
    public func info(_ message: @autoclosure () -> String) { log(.info, message()) }
    public func warning(_ message: @autoclosure () -> String) { log(.warning, message()) }
    public func error(_ message: @autoclosure () -> String) { log(.error, message()) }

    static func timestamp(_ date: Date = Date()) -> String {
        var seconds = time_t(date.timeIntervalSince1970)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        let millis = Int(date.timeIntervalSince1970 * 1000) % 1000
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1,
                      Int(parts.tm_mday), Int(parts.tm_hour), Int(parts.tm_min), Int(parts.tm_sec), millis)
    }
}
