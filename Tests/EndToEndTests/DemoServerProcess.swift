import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `chatzy-inbox demo-server` running in its own process for the duration of a test. The
/// binary's tests must not share a process with the server: while `spawnAndWait` blocks a
/// thread of the test runner's small cooperative pool, an in-process server would be starved
/// and the binary's requests would time out. Started with `posix_spawn`; stopped with SIGTERM
/// to its pid (and only its pid), then reaped.
final class DemoServerProcess {
    let pid: pid_t
    /// The base URL, the demo account and a fresh token, read from what the server prints.
    let url: String
    let email: String
    let token: String
    private let outputPath: String
    private var stopped = false

    /// Starts `demo-server` with `arguments` on `port` (0: a free one; a fixed one to restart a
    /// server where its predecessor was).
    init(_ arguments: [String], port: Int = 0) throws {
        outputPath = FileManager.default.temporaryDirectory.appendingPathComponent("chz-demo-\(UUID().uuidString).out").path
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = ([BuiltBinary.path, "demo-server", "--port", "\(port)"] + arguments).map { strdup($0) } + [nil]
        let environment: [String] = ["SWIFT_BACKTRACE=interactive=no", "PATH=/usr/bin:/bin"]
        let envp = environment.map { strdup($0) } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var child: pid_t = 0
        let error = posix_spawn(&child, BuiltBinary.path, &actions, nil, argv, envp)
        guard error == 0 else { throw SpawnError.couldNotStart(BuiltBinary.path, error) }
        pid = child
        var exports: [String: String] = [:]
        let deadline = Date().addingTimeInterval(30)
        while exports["CHATZY_TOKEN"] == nil {
            guard Date() < deadline else {
                kill(child, SIGKILL)
                waitpid(child, nil, 0)
                throw SpawnError.couldNotStart("demo-server (no URL printed)", ETIMEDOUT)
            }
            usleep(50_000)
            let text = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
            for line in text.split(separator: "\n") where line.hasPrefix("export ") {
                let pair = line.dropFirst("export ".count).split(separator: "=", maxSplits: 1)
                if pair.count == 2 { exports[String(pair[0])] = String(pair[1]) }
            }
        }
        url = exports["CHATZY_API_URL"] ?? ""
        email = exports["CHATZY_EMAIL"] ?? ""
        token = exports["CHATZY_TOKEN"] ?? ""
    }

    /// The environment that points the binary at this server, signed in.
    var signedIn: [String: String] {
        ["CHATZY_API_URL": url, "CHATZY_EMAIL": email, "CHATZY_TOKEN": token]
    }

    /// Stops the server (`signal`, SIGTERM by default, then SIGKILL after 5 s) and reaps it.
    func stop(signal: Int32 = SIGTERM) {
        guard !stopped else { return }
        stopped = true
        kill(pid, signal)
        for _ in 0..<100 {
            if waitpid(pid, nil, WNOHANG) == pid { unlink(outputPath); return }
            usleep(50_000)
        }
        kill(pid, SIGKILL)
        waitpid(pid, nil, 0)
        unlink(outputPath)
    }

    deinit { stop() }
}
