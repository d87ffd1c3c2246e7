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
    /// The instants `now` may take (as `timeIntervalSinceReferenceDate`) for which `short`
    /// and `format` of `date` read as they do at `now`: a row drawn at `now` needs no new
    /// age text until the clock leaves this range. Cheap but for dates a week old or more,
    /// whose text changes only with the year.
    static func unchanged(_ date: Date?, from now: Date) -> Range<Double> {
        guard let date else { return -Double.infinity..<Double.infinity }
        let seconds = now.timeIntervalSince(date), start = date.timeIntervalSinceReferenceDate
        func steps(of unit: Double, below limit: Double) -> Range<Double> {
            let count = (seconds / unit).rounded(.down)
            return (start + count * unit)..<(start + min((count + 1) * unit, limit))
        }
        if seconds < 60 { return -Double.infinity..<(start + 60) }
        if seconds < 3600 { return steps(of: 60, below: 3600) }
        if seconds < 86_400 { return steps(of: 3600, below: 86_400) }
        if seconds < 7 * 86_400 { return steps(of: 86_400, below: 7 * 86_400) }
        // A date shows as `Mar 4` in its own year and `Mar'23` in a later one.
        let calendar = utcCalendar
        guard let year = calendar.dateInterval(of: .year, for: now) else { return now.timeIntervalSinceReferenceDate..<now.timeIntervalSinceReferenceDate.nextUp }
        return max(start + 7 * 86_400, year.start.timeIntervalSinceReferenceDate)..<year.end.timeIntervalSinceReferenceDate
    }

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
