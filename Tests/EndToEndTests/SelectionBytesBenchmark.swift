import Foundation
import Testing

/// Measures what moving the selection one row writes to the terminal (tmux `pipe-pane`
/// records every byte the program sends). Prints the figures; fails only far beyond the
/// budget of a few hundred bytes (a whole 80x24 screen is over 2,000).
@Suite(.serialized, .ownThreads)
struct SelectionBytesBenchmark {
    @Test func movingTheSelectionOneRowWritesAFewHundredBytes() async throws {
        let tmux = try TmuxHarness(command: "\(BuiltBinary.path) --demo")
        defer { tmux.close() }
        try await tmux.waitFor("the first page", timeout: 20) { $0.count >= 24 && $0[23].contains("/50+") }
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("chz-bytes-\(getpid())").path
        defer { unlink(log) }
        try tmux.pipe(to: log)
        try await Task.sleep(for: .microseconds(300_000))
        var sizes: [Int] = []
        for key in ["j", "j", "j", "k", "Down", "Up", "j", "j", "j", "j"] {
            let before = Self.size(log)
            try tmux.send(key)
            try await Task.sleep(for: .microseconds(250_000))
            sizes.append(Self.size(log) - before)
        }
        let sorted = sizes.sorted()
        print("selection move bytes (80x24): \(sizes), median \(sorted[sorted.count / 2]), max \(sorted.last ?? 0)")
        #expect(sorted[sorted.count / 2] < 600, "a one-row move should not repaint the screen: \(sizes)")
    }

    static func size(_ path: String) -> Int {
        var st = stat()
        return stat(path, &st) == 0 ? Int(st.st_size) : 0
    }
}
