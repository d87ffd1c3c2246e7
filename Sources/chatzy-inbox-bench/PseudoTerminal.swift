#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// One run of a program in a pseudo-terminal (`forkpty`), seen from outside: every byte it
/// writes is timestamped when the bench reads it and fed to a `ScreenModel`, and keys are
/// written to it as a person's terminal would.
///
/// Everything happens on the calling thread: `poll` on the master side, then `read`, then
/// the timestamp, so a byte's time is when it became readable plus the wake-up of this thread.
/// Bytes are fed to the model only when the screen is looked at, not between reads: a frame
/// written in two parts is timed when its second part arrives, not after the model has
/// digested the first.
final class PseudoTerminal {
    /// The bytes of one read, and when the read returned.
    struct Chunk {
        var time: UInt64
        var count: Int
    }

    /// What arrived between writing a key and the output going quiet.
    struct Burst {
        /// When the first and the last byte were read; nil when nothing arrived.
        var first: UInt64?
        var last: UInt64?
        var bytes: Int
    }

    let pid: pid_t
    let started: UInt64
    private let master: Int32
    private var model: ScreenModel
    /// Chunks read but not yet fed to the model, oldest first.
    private var unfed: [[UInt8]] = []
    /// The screen as every byte read so far draws it.
    var screen: ScreenModel {
        feedAll()
        return model
    }
    private(set) var totalBytes = 0
    private(set) var lastByteTime: UInt64 = 0
    /// When the last key was written.
    private(set) var lastSendTime: UInt64 = 0
    private(set) var exited = false
    private var exitStatus: Int32 = 0

    /// Starts `path` with `arguments` and exactly `environment` on a `rows` x `cols` pty.
    init(path: String, arguments: [String], environment: [String: String], rows: Int = 24, cols: Int = 80) throws {
        guard access(path, X_OK) == 0 else { throw BenchError("no executable at \(path): run `swift build -c release` first (or scripts/bench.sh)") }
        model = ScreenModel(rows: rows, cols: cols)
        // Everything the child needs is allocated before the fork: after it, the child calls
        // only execve and _exit (the bench has other threads; nothing else is safe there).
        let argv: [UnsafeMutablePointer<CChar>?] = ([path] + arguments).map { strdup($0) } + [nil]
        let envp: [UnsafeMutablePointer<CChar>?] = environment.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var size = winsize(ws_row: UInt16(rows), ws_col: UInt16(cols), ws_xpixel: 0, ws_ypixel: 0)
        var fd: Int32 = -1
        started = Clock.now()
        let child = forkpty(&fd, nil, nil, &size)
        if child == 0 {
            execve(argv[0]!, argv, envp)
            _exit(127)
        }
        guard child > 0 else { throw BenchError("forkpty failed: \(String(cString: strerror(errno)))") }
        pid = child
        master = fd
        _ = fcntl(master, F_SETFL, fcntl(master, F_GETFL) | O_NONBLOCK)
    }

    deinit {
        if !exited {
            kill(pid, SIGKILL)
            var status: Int32 = 0
            waitpid(pid, &status, 0)
        }
        close(master)
    }

    /// Writes `bytes` (a key) and returns the time just before the write.
    @discardableResult
    func send(_ bytes: [UInt8]) -> UInt64 {
        let time = Clock.now()
        lastSendTime = time
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
            if n > 0 { offset += n } else if n < 0 && errno != EINTR && errno != EAGAIN { break }
        }
        return time
    }

    @discardableResult
    func send(_ text: String) -> UInt64 { send(Array(text.utf8)) }

    /// Reads what is available, waiting at most until `deadline` (monotonic ns) for it.
    /// Returns the chunks read (empty on time-out or once the child has gone).
    @discardableResult
    func pump(until deadline: UInt64) -> [Chunk] {
        var chunks: [Chunk] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while !exited {
            let now = Clock.now()
            let waitMs = deadline > now ? Int32(min((deadline - now + 999_999) / 1_000_000, 60_000)) : 0
            var fds = [pollfd(fd: master, events: Int16(POLLIN), revents: 0)]
            let ready = poll(&fds, 1, chunks.isEmpty ? waitMs : 0)
            if ready < 0 && errno == EINTR { continue }
            guard ready > 0 else { break }
            let n = buffer.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
            let time = Clock.now()
            if n > 0 {
                unfed.append(Array(buffer[0..<n]))
                totalBytes += n
                lastByteTime = time
                chunks.append(Chunk(time: time, count: n))
            } else if n < 0 && (errno == EAGAIN || errno == EINTR) {
                continue
            } else {
                reap(blocking: true)
                break
            }
        }
        return chunks
    }

    /// Waits up to `timeout` for output, then reads until no byte has come for `idle`:
    /// the frame (or frames close together) that the last key caused.
    func burst(idle: UInt64, timeout: UInt64) -> Burst {
        var result = Burst(first: nil, last: nil, bytes: 0)
        let giveUp = Clock.now() + timeout
        while !exited {
            let deadline = result.last.map { $0 + idle } ?? giveUp
            if Clock.now() >= deadline { break }
            for chunk in pump(until: deadline) {
                if result.first == nil { result.first = chunk.time }
                result.last = chunk.time
                result.bytes += chunk.count
            }
        }
        return result
    }

    /// Reads until `condition` holds for the screen, or `timeout` passes; returns the time
    /// of the read that made it hold (nil on time-out).
    func wait(timeout: UInt64, for condition: (ScreenModel) -> Bool) -> UInt64? {
        if condition(screen) { return Clock.now() }
        let giveUp = Clock.now() + timeout
        while !exited, Clock.now() < giveUp {
            for chunk in pump(until: giveUp) {
                feedOne()
                if condition(model) { return chunk.time }
            }
        }
        return nil
    }

    private func feedOne() {
        guard !unfed.isEmpty else { return }
        model.feed(unfed.removeFirst()[...])
    }

    private func feedAll() {
        for bytes in unfed { model.feed(bytes[...]) }
        unfed.removeAll()
    }

    /// Reads until the output has been quiet for `idle` (since the last byte read or key
    /// written) and `condition` holds (the app has settled: nothing loading), or `timeout`
    /// passes. Returns false on time-out.
    @discardableResult
    func settle(idle: UInt64, timeout: UInt64, until condition: (ScreenModel) -> Bool = { _ in true }) -> Bool {
        let giveUp = Clock.now() + timeout
        while !exited {
            let now = Clock.now()
            if now >= giveUp { return false }
            let quietSince = max(lastByteTime, lastSendTime, started)
            if now >= quietSince + idle, condition(screen) { return true }
            let deadline = now >= quietSince + idle ? min(giveUp, now + idle) : min(giveUp, quietSince + idle)
            pump(until: deadline)
        }
        return condition(screen)
    }

    /// Resident set size in bytes (`VmRSS` of /proc/PID/status).
    func residentBytes() -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix("VmRSS:") {
            let digits = line.dropFirst(6).filter(\.isNumber)
            return Int(digits).map { $0 * 1024 }
        }
        return nil
    }

    /// Sends `q` and waits for the exit (draining output meanwhile); kills after `timeout`.
    /// Returns the exit status, or nil when it had to be killed.
    @discardableResult
    func quit(timeout: UInt64 = 3_000_000_000) -> Int32? {
        if !exited { _ = send("q") }
        let giveUp = Clock.now() + timeout
        while !exited, Clock.now() < giveUp {
            pump(until: min(giveUp, Clock.now() + 20_000_000))
            reap(blocking: false)
        }
        if !exited {
            kill(pid, SIGKILL)
            reap(blocking: true)
            return nil
        }
        return exitStatus
    }

    private func reap(blocking: Bool) {
        guard !exited else { return }
        var status: Int32 = 0
        let result = waitpid(pid, &status, blocking ? 0 : WNOHANG)
        if result == pid {
            exited = true
            exitStatus = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        }
    }
}

/// A failure that stops the bench, with a message for the person running it.
struct BenchError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
