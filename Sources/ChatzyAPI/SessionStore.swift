import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Keeps the signed-in session between runs in `<state dir>/session.json`, where the state
/// directory is `$XDG_STATE_HOME/chatzy-inbox` (default `~/.local/state/chatzy-inbox`).
///
/// The directory is created `0700` and the file `0600`, written atomically (a temporary file,
/// `fsync`, `rename`). Loading refuses a file the group or others may read or write, a symlink,
/// or a file owned by someone else, and a directory that is not `0700`, ours and real, with a
/// message saying how to fix it. Only the email, the token and its expiry are stored; never
/// the password. The directory is injected, so tests
/// use a temporary one and never touch the real home.
public struct SessionStore: Sendable {
    /// The file's name inside the state directory.
    public static let fileName = "session.json"
    /// The largest session file read (a session is a few hundred bytes).
    static let maximumSize = 64 * 1024

    /// The directory holding the session file.
    public let directory: URL
    /// The session file.
    public var fileURL: URL { directory.appendingPathComponent(Self.fileName, isDirectory: false) }

    /// A store in an explicit directory.
    public init(directory: URL) {
        self.directory = directory
    }

    /// A store in the XDG state directory resolved from `environment`.
    public init(environment: [String: String]) throws(SessionStoreError) {
        guard let directory = Self.stateDirectory(environment: environment) else { throw .noStateDirectory }
        self.init(directory: directory)
    }

    /// `$XDG_STATE_HOME/chatzy-inbox` when that is an absolute path (the XDG spec ignores
    /// relative ones), else `$HOME/.local/state/chatzy-inbox`; nil when neither is usable.
    public static func stateDirectory(environment: [String: String]) -> URL? {
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            return URL(fileURLWithPath: state, isDirectory: true).appendingPathComponent("chatzy-inbox", isDirectory: true)
        }
        guard let home = environment["HOME"], home.hasPrefix("/") else { return nil }
        return URL(fileURLWithPath: home, isDirectory: true)
            .appendingPathComponent(".local/state/chatzy-inbox", isDirectory: true)
    }

    /// The saved session, or nil when there is none. An expired one is returned as it is:
    /// check `token.isExpired()`.
    public func load() throws(SessionStoreError) -> SavedSession? {
        let path = fileURL.path
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        if fd < 0 {
            let code = errno
            if code == ENOENT { return nil }
            if code == ELOOP { throw .notOwnRegularFile(path: path) }
            throw .unreadable(path: path, reason: String(cString: strerror(code)))
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw .unreadable(path: path, reason: String(cString: strerror(errno))) }
        guard info.st_mode & S_IFMT == S_IFREG, info.st_uid == getuid() else { throw .notOwnRegularFile(path: path) }
        let mode = UInt16(info.st_mode & 0o777)
        guard mode & 0o077 == 0 else { throw .insecurePermissions(path: path, mode: mode) }
        try checkDirectory()
        guard let data = Self.readAll(fd) else { throw .unreadable(path: path, reason: "too large or unreadable") }
        guard let file = try? JSONDecoder().decode(SessionFile.self, from: data), !file.idToken.isEmpty else {
            throw .unreadable(path: path, reason: "not a session file")
        }
        let expiry = Date(timeIntervalSince1970: Double(file.expiresAtMilliseconds) / 1000)
        return SavedSession(email: file.email, token: IDToken(token: file.idToken, expiresAt: expiry))
    }

    /// Writes the session atomically: readers see the old file or the new one, never a part.
    public func save(_ session: SavedSession) throws(SessionStoreError) {
        try prepareDirectory()
        let file = SessionFile(email: session.email, idToken: session.token.token,
                               expiresAtMilliseconds: session.token.expiryMilliseconds)
        guard let data = try? JSONEncoder().encode(file) else {
            throw .cannotWrite(path: fileURL.path, reason: "cannot encode the session")
        }
        let temporary = directory.appendingPathComponent(".\(Self.fileName).\(getpid()).\(UInt32.random(in: .min ... .max)).tmp").path
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw .cannotWrite(path: temporary, reason: String(cString: strerror(errno))) }
        var failure: String?
        if fchmod(fd, 0o600) != 0 || !Self.writeAll(fd, data) || fsync(fd) != 0 {
            failure = String(cString: strerror(errno))
        }
        close(fd)
        if failure == nil, rename(temporary, fileURL.path) != 0 { failure = String(cString: strerror(errno)) }
        if let failure {
            unlink(temporary)
            throw .cannotWrite(path: fileURL.path, reason: failure)
        }
        Self.syncDirectory(directory.path)
    }

    /// Forgets the session (sign out, or after a 401). No file is not an error.
    public func clear() throws(SessionStoreError) {
        if unlink(fileURL.path) != 0, errno != ENOENT {
            throw .cannotWrite(path: fileURL.path, reason: String(cString: strerror(errno)))
        }
    }

    /// Creates the directory and missing parents `0700`; tightens our own directory to `0700`;
    /// refuses one that is a symlink or belongs to someone else.
    private func prepareDirectory() throws(SessionStoreError) {
        let path = directory.path
        var prefix = ""
        for component in path.split(separator: "/") {
            prefix += "/" + component
            if mkdir(prefix, 0o700) != 0, errno != EEXIST {
                throw .cannotWrite(path: prefix, reason: String(cString: strerror(errno)))
            }
        }
        var info = stat()
        guard lstat(path, &info) == 0 else { throw .cannotWrite(path: path, reason: String(cString: strerror(errno))) }
        guard info.st_mode & S_IFMT == S_IFDIR, info.st_uid == getuid() else { throw .notOwnRegularFile(path: path) }
        if info.st_mode & 0o077 != 0, chmod(path, 0o700) != 0 {
            throw .cannotWrite(path: path, reason: String(cString: strerror(errno)))
        }
    }

    /// The directory must be a real directory (not a symlink) of ours that nobody else can
    /// enter, list or write in: `0700`, as `save` leaves it.
    private func checkDirectory() throws(SessionStoreError) {
        let path = directory.path
        var info = stat()
        guard lstat(path, &info) == 0 else { throw .unreadable(path: path, reason: String(cString: strerror(errno))) }
        guard info.st_mode & S_IFMT == S_IFDIR, info.st_uid == getuid() else { throw .notOwnRegularFile(path: path) }
        let mode = UInt16(info.st_mode & 0o777)
        guard mode & 0o077 == 0 else { throw .insecureDirectory(path: path, mode: mode) }
    }

    private static func readAll(_ fd: Int32) -> Data? {
        var data = Data()
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = read(fd, &chunk, chunk.count)
            if n < 0 { return nil }
            if n == 0 { return data }
            data.append(contentsOf: chunk[0..<n])
            if data.count > maximumSize { return nil }
        }
    }

    private static func writeAll(_ fd: Int32, _ data: Data) -> Bool {
        data.withUnsafeBytes { raw in
            var written = 0
            while written < raw.count {
                let n = write(fd, raw.baseAddress! + written, raw.count - written)
                if n <= 0 { return false }
                written += n
            }
            return true
        }
    }

    /// Makes the rename durable; best effort (some file systems refuse fsync on a directory).
    private static func syncDirectory(_ path: String) {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        _ = fsync(fd)
        close(fd)
    }

    /// The file's JSON: `{"email", "id_token", "expires_at_ms"}`.
    private struct SessionFile: Codable {
        let email: String
        let idToken: String
        let expiresAtMilliseconds: Int64

        enum CodingKeys: String, CodingKey {
            case email, idToken = "id_token", expiresAtMilliseconds = "expires_at_ms"
        }
    }
}
