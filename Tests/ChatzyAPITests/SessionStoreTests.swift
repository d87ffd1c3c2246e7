import ChatzyAPI
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The session file: where it lives, its permissions, atomic replacement, refusals.
@Suite struct SessionStoreTests {
    let session = SavedSession(email: "me@shop.io",
                               token: IDToken(token: "eyJ.abc.def", expiresAt: Date(timeIntervalSince1970: 1_752_577_991)))

    func mode(_ path: String) -> mode_t {
        var info = stat()
        return lstat(path, &info) == 0 ? info.st_mode & 0o777 : 0o7777
    }

    /// The store's error, nil on success; any other error is a test failure.
    func failure(_ operation: () throws -> Void) -> SessionStoreError? {
        do { try operation(); return nil } catch let error as SessionStoreError { return error } catch {
            Issue.record("unexpected \(error)"); return nil
        }
    }

    @Test func stateDirectoryFollowsXDG() {
        #expect(SessionStore.stateDirectory(environment: ["XDG_STATE_HOME": "/s", "HOME": "/h"])?.path == "/s/chatzy-inbox")
        #expect(SessionStore.stateDirectory(environment: ["XDG_STATE_HOME": "relative", "HOME": "/h"])?.path
                == "/h/.local/state/chatzy-inbox")
        #expect(SessionStore.stateDirectory(environment: ["XDG_STATE_HOME": "", "HOME": "/h"])?.path == "/h/.local/state/chatzy-inbox")
        #expect(SessionStore.stateDirectory(environment: [:]) == nil)
        #expect(failure { _ = try SessionStore(environment: ["HOME": ""]) } == .noStateDirectory)
    }

    @Test func saveThenLoadRoundTripsWith0600In0700() throws {
        let root = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let store = try SessionStore(environment: ["XDG_STATE_HOME": root.path])
        #expect(try store.load() == nil)
        try store.save(session)
        #expect(try store.load() == session)
        #expect(store.fileURL.path == root.path + "/chatzy-inbox/session.json")
        #expect(mode(store.fileURL.path) == 0o600)
        #expect(mode(store.directory.path) == 0o700)
        let stored = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: store.fileURL)) as? [String: Any])
        #expect(Set(stored.keys) == ["email", "id_token", "expires_at_ms"])
        #expect(stored["expires_at_ms"] as? Int == 1_752_577_991_000)
    }

    @Test func missingParentsAreCreated0700AndALooseOwnDirectoryIsTightened() throws {
        let root = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let nested = SessionStore(directory: root.appendingPathComponent("a/b/chatzy-inbox"))
        try nested.save(session)
        #expect(mode(root.appendingPathComponent("a").path) == 0o700)
        #expect(mode(nested.directory.path) == 0o700)
        chmod(nested.directory.path, 0o755)
        try nested.save(session)
        #expect(mode(nested.directory.path) == 0o700)
    }

    @Test func savingReplacesAtomicallyAndLeavesNoTemporaryFiles() throws {
        let root = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let store = SessionStore(directory: root)
        try store.save(session)
        var newer = session
        newer.token = IDToken(token: "eyJ.newer", expiresAt: Date(timeIntervalSince1970: 1_800_000_000))
        try store.save(newer)
        #expect(try store.load() == newer)
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["session.json"])
    }

    @Test(arguments: [0o644, 0o640, 0o604, 0o660, 0o606, 0o700])
    func aFileOthersCanReachIsRefusedWithTheFix(loose: Int) throws {
        let root = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let store = SessionStore(directory: root)
        try store.save(session)
        chmod(store.fileURL.path, mode_t(loose))
        let error = failure { _ = try store.load() }
        if loose & 0o077 == 0 {
            #expect(error == nil)
        } else {
            #expect(error == .insecurePermissions(path: store.fileURL.path, mode: UInt16(loose)))
            #expect(error?.message == "Refusing \(store.fileURL.path): readable by others (mode \(String(loose, radix: 8))); "
                    + "run: chmod 600 \(store.fileURL.path)")
            chmod(store.fileURL.path, 0o600)
            #expect(try store.load() == session)
        }
    }

    @Test(arguments: [0o755, 0o750, 0o705, 0o770, 0o707, 0o711])
    func aDirectoryOthersCanReachIsRefusedWithTheFixEvenWithA0600File(loose: Int) throws {
        let root = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let store = SessionStore(directory: root.appendingPathComponent("chatzy-inbox"))
        try store.save(session)
        chmod(store.directory.path, mode_t(loose))
        #expect(mode(store.fileURL.path) == 0o600)
        let error = failure { _ = try store.load() }
        #expect(error == .insecureDirectory(path: store.directory.path, mode: UInt16(loose)))
        #expect(error?.message == "Refusing the session in \(store.directory.path): the directory is open to others "
                + "(mode \(String(loose, radix: 8))); run: chmod 700 \(store.directory.path)")
        #expect(error.map { !$0.message.contains(session.token.token) } == true)
        chmod(store.directory.path, 0o700)
        #expect(try store.load() == session)
    }

    @Test func aSymlinkedDirectoryIsRefused() throws {
        let root = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let real = SessionStore(directory: root.appendingPathComponent("real"))
        try real.save(session)
        let linked = SessionStore(directory: root.appendingPathComponent("linked"))
        symlink(real.directory.path, linked.directory.path)
        #expect(failure { _ = try linked.load() } == .notOwnRegularFile(path: linked.directory.path))
        #expect(failure { try linked.save(session) } == .notOwnRegularFile(path: linked.directory.path))
    }

    @Test func aSymlinkIsRefused() throws {
        let root = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let elsewhere = SessionStore(directory: root.appendingPathComponent("real"))
        try elsewhere.save(session)
        let store = SessionStore(directory: root)
        symlink(elsewhere.fileURL.path, store.fileURL.path)
        #expect(failure { _ = try store.load() } == .notOwnRegularFile(path: store.fileURL.path))
    }

    @Test func garbageIsUnreadableAndItsContentsAreNotQuoted() throws {
        let root = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let store = SessionStore(directory: root)
        chmod(root.path, 0o700)
        for garbage in ["{\"secret-ish\": 1}", "not json", "{\"email\": \"a\", \"id_token\": \"\", \"expires_at_ms\": 1}"] {
            _ = FileManager.default.createFile(atPath: store.fileURL.path, contents: Data(garbage.utf8), attributes: [.posixPermissions: 0o600])
            let error = failure { _ = try store.load() }
            #expect(error == .unreadable(path: store.fileURL.path, reason: "not a session file"))
            #expect(error.map { !$0.message.contains("secret-ish") } == true)
        }
    }

    @Test func clearForgetsAndIsIdempotent() throws {
        let root = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let store = SessionStore(directory: root)
        try store.save(session)
        try store.clear()
        #expect(try store.load() == nil)
        try store.clear()
    }

    @Test func anUnwritableDirectoryIsACannotWrite() throws {
        let root = try makeTemporaryDirectory()
        defer { chmod(root.path, 0o700); try? FileManager.default.removeItem(at: root) }
        chmod(root.path, 0o500)
        // Root ignores directory permissions, so there is no failure to observe there.
        guard getuid() != 0 else { return }
        guard case .cannotWrite? = failure({ try SessionStore(directory: root).save(session) }) else {
            Issue.record("saving into a read-only directory did not fail"); return
        }
    }
}
