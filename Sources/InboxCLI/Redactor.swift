import Foundation
import Synchronization

/// Removes secrets from text before it is logged: every registered secret (the token, a
/// typed password, a renewed token) wherever it appears, plus anything that looks like one —
/// a `Bearer` credential, a JWT, and the values of `token`, `password` and `id_token`-like
/// fields in JSON or in URL queries — so that even a secret it was never told about is hidden.
public final class Redactor: Sendable {
    /// What replaces a secret.
    public static let mask = "‹redacted›"
    private let secrets = Mutex<[String]>([])

    public init(secrets: [String] = []) {
        secrets.forEach(add)
    }

    /// Registers a secret (ignored when shorter than 4 characters: it would mask ordinary text).
    public func add(_ secret: String) {
        guard secret.count >= 4 else { return }
        secrets.withLock { list in
            if !list.contains(secret) { list.append(secret) }
            list.sort { $0.count > $1.count }
        }
    }

    /// `text` with every secret masked.
    public func redact(_ text: String) -> String {
        var out = secrets.withLock { list in
            list.reduce(text) { $0.replacingOccurrences(of: $1, with: Self.mask) }
        }
        for (pattern, template) in Self.patterns {
            let range = NSRange(out.startIndex..., in: out)
            out = pattern.stringByReplacingMatches(in: out, range: range, withTemplate: template)
        }
        return out
    }

    /// Shapes that carry secrets, with what keeps the non-secret part.
    private static let patterns: [(NSRegularExpression, String)] = {
        let secretNames = "(?:[A-Za-z_]*token|password|passwd|secret|authorization)"
        return [
            // Authorization: Bearer xxx
            (#"(?i)(bearer\s+)[^\s"',;]+"#, "$1" + mask),
            // JSON: "idToken": "xxx", "password": "xxx"
            (#"(?i)("\#(secretNames)"\s*:\s*")(?:[^"\\]|\\.)*(")"#, "$1" + mask + "$2"),
            // URL query or form: ?token=xxx&password=yyy ; key=value in text
            (#"(?i)([?&;\s]\#(secretNames)=)[^&\s#"]*"#, "$1" + mask),
            // JSON Web Tokens anywhere (three base64url parts, the first an encoded JSON header).
            (#"eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*"#, mask),
        ].map { (try! NSRegularExpression(pattern: $0.0), $0.1) }
    }()
}
