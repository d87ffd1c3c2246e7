import Foundation

/// The bench's one table: a row per measurement, with the issue's target beside it.
struct Report {
    /// One line of the table.
    struct Row {
        var name: String
        var figure: String
        var target: String
    }

    private(set) var rows: [Row] = []

    mutating func add(_ name: String, _ figure: String, target: String = "") {
        rows.append(Row(name: name, figure: figure, target: target))
        FileHandle.standardError.write(Data("  \(name): \(figure)\n".utf8))
    }

    /// A Markdown table (it reads as plain text too).
    func render(header: String) -> String {
        let all = [Row(name: "Measurement", figure: "Figure", target: "Target")] + rows
        let widths = (
            all.map(\.name.count).max() ?? 0,
            all.map(\.figure.count).max() ?? 0,
            all.map(\.target.count).max() ?? 0
        )
        func pad(_ text: String, _ width: Int) -> String { text + String(repeating: " ", count: max(0, width - text.count)) }
        func line(_ row: Row) -> String { "| \(pad(row.name, widths.0)) | \(pad(row.figure, widths.1)) | \(pad(row.target, widths.2)) |" }
        var out = [header, "", line(all[0])]
        out.append("| \(String(repeating: "-", count: widths.0)) | \(String(repeating: "-", count: widths.1)) | \(String(repeating: "-", count: widths.2)) |")
        out += rows.map(line)
        return out.joined(separator: "\n")
    }
}

/// Number formatting shared by the measurements.
enum Format {
    static func ms(_ value: Double?) -> String {
        guard let value else { return "—" }
        return value < 10 ? String(format: "%.2f ms", value) : String(format: "%.0f ms", value)
    }

    static func p50p99(_ samples: Samples) -> String {
        "p50 \(ms(samples.p50)) / p99 \(ms(samples.p99))"
    }

    static func bytes(_ samples: Samples) -> String {
        guard let p50 = samples.p50, let p99 = samples.p99 else { return "—" }
        return "\(Int(p50)) B / p99 \(Int(p99)) B"
    }

    static func mebibytes(_ bytes: Int) -> String { String(format: "%.1f MiB", Double(bytes) / 1_048_576) }

    static func count(_ n: Int) -> String { n.formatted(.number.grouping(.automatic)) }
}
