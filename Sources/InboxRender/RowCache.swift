import ChatzyAPI
import Foundation
import InboxCore

/// A memo of laid-out list rows (as they look unselected), so that a frame lays out only the
/// rows that are new: none when the selection moves, one when the list scrolls by a row.
/// It keeps the tab bar and the search line too, which a move does not change either.
/// A row is reused only when everything it is drawn from is the same: the contact (its bytes
/// in `ContactRows`, compared where they lie, so that a reused row never builds its `Contact`
/// nor copies its bytes), the frame's width, search and glyphs, and its age text (the clock
/// is still inside the range where that text reads the same).
/// It holds the rows of the last two frames, and the few rows just outside the last one that
/// were laid out ahead (`prepare`), so it never grows past two screenfuls and a few rows.
/// Not thread-safe: one per UI loop.
public final class RowCache {
    /// What every row of a frame is drawn with: a frame drawn differently forgets every row.
    struct Frame: Equatable {
        var width: Int
        var search: String
        var glyphs: Glyphs
    }

    struct Entry {
        var contact: ContactRows.Fingerprint
        var line: ScreenLine
        /// The instants at which the row's age reads as it did when it was laid out.
        var ageUnchanged: Range<Double>
    }

    private var frame: Frame?
    /// The last frame's tab bar and search line, with what each was drawn from.
    var tabBar: (key: TabBar.Key, line: ScreenLine)?
    var searchLine: (key: SearchLine.Key, line: ScreenLine, cursor: Int)?
    /// The last frame's rows and this frame's so far, by their place on the screen.
    private var previous: [Entry] = []
    private var current: [Entry] = []
    /// Rows laid out between frames, for a frame that brings them into view.
    private var ahead: [Entry] = []
    /// The frame before the last one's rows: one that just left the view is taken from here
    /// when it is to be laid out ahead.
    private var older: [Entry] = []
    /// Rows laid out so far, in frames or ahead of them (for tests).
    private(set) var rowsLaidOut = 0

    public init() {}

    /// Starts a frame drawn with `frame`; rows of a frame drawn otherwise are forgotten.
    func beginFrame(_ frame: Frame) {
        guard frame != self.frame else { return }
        self.frame = frame
        previous.removeAll(keepingCapacity: true)
        ahead.removeAll()
        older.removeAll()
    }

    /// The cached line of row `index` of `rows`, remembered for the next frame; nil when the
    /// row must be laid out (and then given to `remember`). `offset` is the row's place in the
    /// list on screen: the last frame's row there is tried first, then its neighbours outwards,
    /// which finds a row that scrolled by a few places at once. (Rows of different contacts
    /// nearly always differ in their unread counts or times, compared before their bytes, so a
    /// miss costs a few comparisons, not a hash of the row.) No closure is passed, so a frame
    /// of cached rows captures (and copies) nothing per row.
    func cachedLine(_ rows: ContactRows, _ index: Int, at offset: Int, now: Date) -> ScreenLine? {
        let instant = now.timeIntervalSinceReferenceDate
        if let hit = find(rows, index, near: offset), previous[hit].ageUnchanged.contains(instant) {
            current.append(previous[hit])
            return previous[hit].line
        }
        if let hit = Self.find(rows, index, in: ahead, at: instant) {
            current.append(ahead[hit])
            return ahead[hit].line
        }
        return nil
    }

    /// Remembers `line`, just laid out for row `index` of `rows`, for the next frame.
    func remember(_ line: ScreenLine, of rows: ContactRows, _ index: Int, now: Date) {
        current.append(entry(line, of: rows, index, now: now))
    }

    /// Lays out rows `indices` of `rows` now, between frames, for a later frame drawn with
    /// `frame` that brings them into view: rows just outside the last frame, so that a
    /// one-row scroll lays out nothing while the user waits. Rows laid out ahead already, or
    /// drawn in the frame before the last (a row that just left the view), are not laid out
    /// again while they read the same. Rows laid out ahead before and not among `indices` are
    /// forgotten.
    func prepare(_ rows: ContactRows, _ indices: [Int], frame: Frame, now: Date, make: (Int) -> ScreenLine) {
        guard frame == self.frame else { return }
        let instant = now.timeIntervalSinceReferenceDate
        var kept: [Entry] = []
        for index in indices where rows.indices.contains(index) {
            if let hit = Self.find(rows, index, in: ahead, at: instant) {
                kept.append(ahead[hit])
            } else if let hit = Self.find(rows, index, in: older, at: instant) {
                kept.append(older[hit])
            } else {
                kept.append(entry(make(index), of: rows, index, now: now))
            }
        }
        ahead = kept
    }

    private func entry(_ line: ScreenLine, of rows: ContactRows, _ index: Int, now: Date) -> Entry {
        rowsLaidOut += 1
        let age = RelativeTime.unchanged(rows.latestMessageTime(at: index), from: now)
        return Entry(contact: rows.fingerprint(at: index), line: line, ageUnchanged: age)
    }

    private static func find(_ rows: ContactRows, _ index: Int, in entries: [Entry], at instant: Double) -> Int? {
        entries.firstIndex { rows.fingerprint(at: index, equals: $0.contact) && $0.ageUnchanged.contains(instant) }
    }

    private func find(_ rows: ContactRows, _ index: Int, near offset: Int) -> Int? {
        let count = previous.count
        guard count > 0 else { return nil }
        let start = min(max(offset, 0), count - 1)
        for distance in 0..<count {
            let below = start + distance, above = start - distance
            if below < count, rows.fingerprint(at: index, equals: previous[below].contact) { return below }
            if distance > 0, above >= 0, rows.fingerprint(at: index, equals: previous[above].contact) { return above }
            if below >= count, above < 0 { break }
        }
        return nil
    }

    /// Ends a frame: its rows are the ones the next frame looks for first; the frame before
    /// is kept for rows to be laid out ahead (one that left the view may come back).
    func endFrame() {
        swap(&previous, &current)
        swap(&older, &current)
        current.removeAll(keepingCapacity: true)
    }
}
