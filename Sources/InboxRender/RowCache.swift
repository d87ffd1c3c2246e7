import ChatzyAPI

/// A memo of rendered list rows, so that a frame re-lays-out only the rows that changed
/// (a one-row move changes two). A row is reused only when everything it is drawn from is
/// the same: the contact, the width, the selection, the search, the glyphs and its age text.
/// It holds the rows of the last frame only, so it never grows past a screenful.
/// Not thread-safe: one per UI loop.
public final class RowCache {
    struct Key: Equatable {
        var contact: Contact
        var width: Int
        var selected: Bool
        var search: String
        var age: String
        var glyphs: Glyphs
    }

    private var previous: [String: (key: Key, line: ScreenLine)] = [:]
    private var current: [String: (key: Key, line: ScreenLine)] = [:]

    public init() {}

    /// The cached line for `key`, or `make()`'s, remembered for the next frame.
    func line(_ key: Key, make: () -> ScreenLine) -> ScreenLine {
        let id = key.contact.id
        if let hit = current[id] ?? previous[id], hit.key == key {
            current[id] = hit
            return hit.line
        }
        let line = make()
        current[id] = (key, line)
        return line
    }

    /// Ends a frame: rows not drawn in it are forgotten at the end of the next.
    func endFrame() {
        previous = current
        current.removeAll(keepingCapacity: true)
    }
}
