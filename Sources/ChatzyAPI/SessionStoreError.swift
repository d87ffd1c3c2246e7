import Foundation

/// Why the session file could not be read or written, with a message that says how to fix it.
/// Messages name the file, never its contents.
public enum SessionStoreError: Error, Equatable, Sendable, CustomStringConvertible, LocalizedError {
    /// No state directory could be determined (neither `XDG_STATE_HOME` nor `HOME` set).
    case noStateDirectory
    /// The file can be read or written by the group or others (`mode` is its permission bits).
    case insecurePermissions(path: String, mode: UInt16)
    /// The directory holding the file can be reached by the group or others (`mode` is its
    /// permission bits): they could learn of it or, if it is writable, replace the session.
    case insecureDirectory(path: String, mode: UInt16)
    /// The path is not a regular file owned by this user (a symlink, a directory, someone else's).
    case notOwnRegularFile(path: String)
    /// The file exists but is not a session this program wrote.
    case unreadable(path: String, reason: String)
    /// The directory or the file could not be created or replaced.
    case cannotWrite(path: String, reason: String)

    /// One line fit for stderr or the status bar.
    public var message: String {
        switch self {
        case .noStateDirectory:
            return "Cannot find where to keep the session: set XDG_STATE_HOME or HOME"
        case .insecurePermissions(let path, let mode):
            return "Refusing \(path): readable by others (mode \(String(mode, radix: 8))); run: chmod 600 \(path)"
        case .insecureDirectory(let path, let mode):
            return "Refusing the session in \(path): the directory is open to others (mode \(String(mode, radix: 8))); run: chmod 700 \(path)"
        case .notOwnRegularFile(let path):
            return "Refusing \(path): not a regular file owned by you; remove it and sign in again"
        case .unreadable(let path, let reason):
            return "Cannot read the session in \(path) (\(reason)); remove it and sign in again"
        case .cannotWrite(let path, let reason):
            return "Cannot save the session to \(path): \(reason)"
        }
    }

    public var description: String { message }
    public var errorDescription: String? { message }
}
