import Foundation

/// Parses an HTTP `Retry-After` value (RFC 9110 §10.2.3): delay-seconds (digits only) or an
/// HTTP date in any of the three formats HTTP allows, the preferred IMF-fixdate first.
public enum RetryAfter {
    /// The date formats of RFC 9110 §5.6.7: IMF-fixdate, then the obsolete RFC 850 and asctime.
    static let dateFormats = ["EEE, dd MMM yyyy HH:mm:ss zzz", "EEEE, dd-MMM-yy HH:mm:ss zzz", "EEE MMM d HH:mm:ss yyyy"]

    /// Seconds to wait from `now` (never negative), or nil when the header cannot be read.
    public static func seconds(from header: String, now: Date) -> Double? {
        let text = header.trimmingCharacters(in: .whitespaces)
        if !text.isEmpty, text.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) {
            return Double(text)
        }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        let collapsed = text.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
        for format in dateFormats {
            formatter.dateFormat = format
            if let date = formatter.date(from: collapsed) { return max(0, date.timeIntervalSince(now)) }
        }
        return nil
    }
}
