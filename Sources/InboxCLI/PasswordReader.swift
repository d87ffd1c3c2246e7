import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a password without showing it: from the controlling terminal with echo off, or
/// the first line of stdin (`--password-stdin`). The terminal's modes are always restored;
/// Ctrl-C and Ctrl-D cancel. The password is never logged or kept.
public enum PasswordReader {
    /// Why no password was read.
    public enum Failure: Error, Equatable, CustomStringConvertible {
        case noTerminal
        case cancelled
        case empty

        public var description: String {
            switch self {
            case .noTerminal: return "no terminal to ask for the password: pipe it in with --password-stdin"
            case .cancelled: return "cancelled"
            case .empty: return "no password given"
            }
        }
    }

    /// Asks on `/dev/tty`: writes `prompt`, reads keys with echo off until Enter.
    public static func readFromTerminal(prompt: String) throws(Failure) -> String {
        let fd = open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC)
        guard fd >= 0 else { throw .noTerminal }
        defer { close(fd) }
        var saved = termios()
        guard tcgetattr(fd, &saved) == 0 else { throw .noTerminal }
        var raw = saved
        raw.c_lflag &= ~tcflag_t(ECHO | ECHONL | ICANON | ISIG | IEXTEN)
        withUnsafeMutableBytes(of: &raw.c_cc) { cc in
            cc[Int(VMIN)] = 1
            cc[Int(VTIME)] = 0
        }
        write(fd, prompt)
        guard tcsetattr(fd, TCSAFLUSH, &raw) == 0 else { throw .noTerminal }
        let result = readKeys(fd)
        _ = tcsetattr(fd, TCSAFLUSH, &saved)
        write(fd, "\n")
        return try result.get()
    }

    /// Edits a line from key bytes: Enter ends it, Backspace deletes a character, Ctrl-U
    /// clears it, Ctrl-C (or Ctrl-D on an empty line, or end of input) cancels.
    static func readKeys(_ fd: Int32) -> Result<String, Failure> {
        var bytes: [UInt8] = []
        var byte: UInt8 = 0
        while true {
            let n = read(fd, &byte, 1)
            if n < 0, errno == EINTR { continue }
            if n <= 0 { return .failure(.cancelled) }
            switch byte {
            case 0x0D, 0x0A:
                let text = String(decoding: bytes, as: UTF8.self)
                return text.isEmpty ? .failure(.empty) : .success(text)
            case 0x03: return .failure(.cancelled)
            case 0x04: if bytes.isEmpty { return .failure(.cancelled) }
            case 0x15: bytes.removeAll()
            case 0x7F, 0x08:
                // Remove one whole UTF-8 character.
                while let last = bytes.popLast(), last & 0xC0 == 0x80 {}
            default:
                if byte >= 0x20 || byte == 0x09 { bytes.append(byte) }
            }
            if bytes.count > 4096 { return .failure(.cancelled) }
        }
    }

    /// The first line of `fd` (stdin), without its line break.
    public static func readLine(from fd: Int32 = STDIN_FILENO) throws(Failure) -> String {
        var bytes: [UInt8] = []
        var byte: UInt8 = 0
        while bytes.count <= 4096 {
            let n = read(fd, &byte, 1)
            if n < 0, errno == EINTR { continue }
            if n <= 0 || byte == 0x0A { break }
            bytes.append(byte)
        }
        if bytes.last == 0x0D { bytes.removeLast() }
        let text = String(decoding: bytes, as: UTF8.self)
        guard !text.isEmpty else { throw .empty }
        return text
    }

    private static func write(_ fd: Int32, _ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress!, $0.count) }
    }
}
