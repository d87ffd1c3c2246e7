import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What a finished child process left behind.
struct SpawnResult {
    /// The exit code, or 128 + the signal number when a signal ended it (as a shell reports it).
    let status: Int32
    let stdout: String
    let stderr: String
}

/// Runs a program to completion with `posix_spawn` and `waitpid`, its output collected in
/// temporary files. Foundation's `Process` is not used here: under the test runner on Linux its
/// exit monitor was seen to miss a child's exit, leaving `waitUntilExit()` waiting forever.
func spawnAndWait(_ path: String, _ arguments: [String], environment: [String: String]? = nil,
                  stdinPath: String = "/dev/null") throws -> SpawnResult {
    let scratch = FileManager.default.temporaryDirectory
        .appendingPathComponent("chz-spawn-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
    let outPath = scratch.path + ".out", errPath = scratch.path + ".err"
    defer { unlink(outPath); unlink(errPath) }

    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, stdinPath, O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)

    let env = environment ?? ProcessInfo.processInfo.environment
    let argv = ([path] + arguments).map { strdup($0) } + [nil]
    let envp = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer { (argv + envp).forEach { free($0) } }

    // The child starts with no signal blocked and every signal at its default action. Test
    // threads (Dispatch workers) block almost every signal, and a spawned process inherits
    // that mask: a tmux server started that way ignored `kill-server` (its SIGTERM stayed
    // blocked) and outlived the test.
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var none = sigset_t(), all = sigset_t()
    sigemptyset(&none)
    sigemptyset(&all)
    for sig in 1..<32 where sig != SIGKILL && sig != SIGSTOP { sigaddset(&all, Int32(sig)) }
    posix_spawnattr_setsigmask(&attributes, &none)
    posix_spawnattr_setsigdefault(&attributes, &all)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

    var pid: pid_t = 0
    let spawnError = posix_spawn(&pid, path, &actions, &attributes, argv, envp)
    guard spawnError == 0 else { throw SpawnError.couldNotStart(path, spawnError) }
    var raw: Int32 = 0
    while waitpid(pid, &raw, 0) == -1 && errno == EINTR {}
    let signal = raw & 0x7f
    let status = signal == 0 ? (raw >> 8) & 0xff : 128 + signal
    let read = { (file: String) in (try? String(contentsOfFile: file, encoding: .utf8)) ?? "" }
    return SpawnResult(status: status, stdout: read(outPath), stderr: read(errPath))
}

/// Why a program could not be started.
enum SpawnError: Error, CustomStringConvertible {
    case couldNotStart(String, Int32)

    var description: String {
        switch self {
        case .couldNotStart(let path, let code): return "could not start \(path): \(String(cString: strerror(code)))"
        }
    }
}
