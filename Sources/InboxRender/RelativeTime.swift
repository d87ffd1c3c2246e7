import Foundation

/// Short ages for the list: now, 5m, 3h, 2d, then a date (`Mar 4`, or `2023-11-07` in
/// another year).
public enum RelativeTime {
    /// The Gregorian calendar in UTC, made once: building one per row was a large part of a frame.
    static let utcCalendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()

    public static func format(_ date: Date?, now: Date) -> String {
        guard let date else { return "—" }
        let seconds = now.timeIntervalSince(date)
        if seconds < 60 { return "now" }
        if seconds < 3600 { return "\(Int(seconds / 60))m" }
        if seconds < 86_400 { return "\(Int(seconds / 3600))h" }
        if seconds < 7 * 86_400 { return "\(Int(seconds / 86_400))d" }
        let calendar = utcCalendar
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        let nowYear = calendar.component(.year, from: now)
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        guard let year = parts.year, let month = parts.month, let day = parts.day else { return "—" }
        if year == nowYear { return "\(months[month - 1]) \(day)" }
        return String(format: "%04d-%02d-%02d", year, month, day)
    }
}

extension RelativeTime {
    /// `format` at most six columns wide, for the list: a date of another year is shown as
    /// month and two-digit year (`Nov'23`).
    static func short(_ date: Date?, now: Date, none: String) -> String {
        guard let date else { return none }
        let long = format(date, now: now)
        guard long.count > 6 else { return long }
        let calendar = utcCalendar
        let parts = calendar.dateComponents([.year, .month], from: date)
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        guard let year = parts.year, let month = parts.month else { return none }
        return "\(months[month - 1])'\(String(format: "%02d", year % 100))"
    }
}
