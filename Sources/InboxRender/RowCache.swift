import ChatzyAPI
import InboxCore

/// A memo of laid-out list rows (as they look unselected), so that a frame lays out only the
/// rows that are new: none when the selection moves, one when the list scrolls by a row.
/// A row is reused only when everything it is drawn from is the same: the contact (its bytes
/// in `ContactRows`, so that a row that is reused never builds its `Contact`), the width, the
/// search, the glyphs and its age text.
/// It holds the rows of the last frame only, so it never grows past a screenful.
/// Not thread-safe: one per UI loop.
public final class RowCache {
    struct Key: Equatable {
        var contact: ContactRows.Fingerprint
        var width: Int
        var search: String
        var age: String
        var glyphs: Glyphs
    }

    /// The last frame's rows and this frame's so far, by their place on the screen.
    private var previous: [(key: Key, line: ScreenLine)] = []
    private var current: [(key: Key, line: ScreenLine)] = []

    public init() {}

    /// The cached line for `key`, or `make()`'s, remembered for the next frame. `offset` is the
    /// row's place in the list on screen: the last frame's row there is tried first, then its
    /// neighbours outwards, which finds a row that scrolled by a few places at once. (Rows of
    /// different contacts nearly always differ in their times, the first thing compared, so a
    /// miss costs a few comparisons, not a hash of the row.)
    func line(_ key: Key, at offset: Int, make: () -> ScreenLine) -> ScreenLine {
        if let hit = find(key, near: offset) {
            current.append((key, hit))
            return hit
        }
        let line = make()
        current.append((key, line))
        return line
    }

    private func find(_ key: Key, near offset: Int) -> ScreenLine? {
        let count = previous.count
        guard count > 0 else { return nil }
        let start = min(max(offset, 0), count - 1)
        for distance in 0..<count {
            let below = start + distance, above = start - distance
            if below < count, previous[below].key == key { return previous[below].line }
            if distance > 0, above >= 0, previous[above].key == key { return previous[above].line }
            if below >= count, above < 0 { break }
        }
        return nil
    }

    /// Ends a frame: rows not drawn in it are forgotten.
    func endFrame() {
        swap(&previous, &current)
        current.removeAll(keepingCapacity: true)
    }
}
