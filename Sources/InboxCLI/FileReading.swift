import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads small files with plain POSIX calls, so that "missing", "a directory" and
/// "permission denied" are told apart reliably (Foundation's errors differ by platform).
enum FileReading {
    /// Why a file could not be read: `errno` and its text.
    struct Failure: Error {
        var code: Int32
        var reason: String
    }

    static func read(_ path: String, limit: Int) -> Result<Data, Failure> {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return .failure(failure(errno)) }
        defer { close(fd) }
        var info = stat()
        if fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFDIR {
            return .failure(Failure(code: EISDIR, reason: "it is a directory"))
        }
        var data = Data()
        var chunk = [UInt8](repeating: 0, count: 16_384)
        while true {
            let n = Glibc.read(fd, &chunk, chunk.count)
            if n < 0 {
                if errno == EINTR { continue }
                return .failure(failure(errno))
            }
            if n == 0 { return .success(data) }
            data.append(contentsOf: chunk[0..<n])
            if data.count > limit { return .failure(Failure(code: EFBIG, reason: "larger than \(limit / 1024) KiB")) }
        }
    }

    private static func failure(_ code: Int32) -> Failure {
        switch code {
        case ENOENT: return Failure(code: code, reason: "no such file")
        case EACCES: return Failure(code: code, reason: "permission denied")
        default: return Failure(code: code, reason: String(cString: strerror(code)))
        }
    }
}
