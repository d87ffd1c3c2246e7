import Foundation

/// Message timestamps: `14:05` today, `Nov 7 14:05` this year, `2023-11-07 14:05` before.
public enum MessageTime {
    public static func format(_ date: Date?, now: Date, timeZone: TimeZone) -> String {
        guard let date else { return "—" }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let p = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        let n = calendar.dateComponents([.year, .month, .day], from: now)
        guard let year = p.year, let month = p.month, let day = p.day, let hour = p.hour, let minute = p.minute else { return "—" }
        let clock = String(format: "%02d:%02d", hour, minute)
        if year == n.year && month == n.month && day == n.day { return clock }
        if year == n.year { return "\(months[month - 1]) \(day) \(clock)" }
        return String(format: "%04d-%02d-%02d ", year, month, day) + clock
    }

    static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
}
