import Foundation
import InboxRender
import Testing

/// Compares a rendered screen with a text file under `Goldens/`: the screen's lines between
/// `|` marks, then one letter per column for the style of each cell. Run with
/// `RECORD_GOLDENS=1` to write the files again from what is rendered now.
enum GoldenFile {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Goldens")

    static var recording: Bool { ProcessInfo.processInfo.environment["RECORD_GOLDENS"] == "1" }

    static let codes: [Style: Character] = [
        .normal: ".", .dim: "d", .selected: "S", .tabActive: "T", .tabInactive: "t", .searchPrompt: "p",
        .match: "M", .unread: "u", .live: "L", .statusBar: "B", .error: "E", .placeholder: "h",
        .selectedMatch: "X", .border: "|", .label: "l",
    ]

    /// The screen as the golden file holds it.
    static func text(of screen: Screen) -> String {
        var out = "# \(screen.cols)x\(screen.rows)"
        if let cursor = screen.cursor { out += " cursor \(cursor.row),\(cursor.col)" }
        out += "\n"
        for line in screen.lines { out += "|" + line.text + "|\n" }
        out += "-- styles --\n"
        for line in screen.lines {
            var codesLine = ""
            for span in line.spans {
                let code = codes[span.style] ?? "?"
                codesLine += String(repeating: code, count: TextWidth.width(of: span.text))
            }
            out += codesLine + "\n"
        }
        return out
    }

    static func check(_ screen: Screen, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let url = directory.appendingPathComponent(name + ".txt")
        let actual = text(of: screen)
        if recording {
            try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try? actual.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("no golden \(name).txt; record it with RECORD_GOLDENS=1", sourceLocation: sourceLocation)
            return
        }
        guard expected != actual else { return }
        let a = actual.components(separatedBy: "\n"), e = expected.components(separatedBy: "\n")
        let first = Array(zip(a, e)).firstIndex { $0 != $1 } ?? min(a.count, e.count)
        Issue.record("""
            \(name) differs from its golden at line \(first + 1):
              expected: \(first < e.count ? e[first] : "<end>")
              actual:   \(first < a.count ? a[first] : "<end>")
            (re-record with RECORD_GOLDENS=1 if the change is intended)
            """, sourceLocation: sourceLocation)
    }
}
