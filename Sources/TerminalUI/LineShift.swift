import InboxRender

/// Finds how far the lines of a scrolling region moved between two frames, so that the
/// presenter can shift them on the terminal and write only the lines that are new.
enum LineShift {
    /// The shifts tried: a row or a mouse-wheel notch either way.
    static let candidates = [1, -1, 2, -2, 3, -3]
    /// Rows a one-row move restyles: the selection leaves one and lands on another.
    static let selectionRows = 2

    /// The shift `n` (new line `r` is old line `r + n`) that keeps the most lines of `region`
    /// in place, or 0 when none keeps more than half of them and more than staying put does.
    /// Unknown old lines (nil) never match.
    ///
    /// `likely` (the previous frame's shift, when a key is held) is tried first: when it keeps
    /// every line it can but the two whose selection look changed, and more than staying put
    /// keeps, it is the answer, found with comparisons of equal lines (cheap: they share their
    /// text) instead of the seven candidates' mostly unequal ones. (With distinct rows no other
    /// shift keeps more; with repeating rows any shift that keeps most is still drawn right.)
    static func detect(old: [ScreenLine?], new: [ScreenLine], region: Range<Int>, likely: Int = 0) -> Int {
        guard region.count > 2, region.lowerBound >= 0, region.upperBound <= old.count,
              region.upperBound <= new.count else { return 0 }
        func kept(_ shift: Int) -> Int {
            var count = 0
            for row in region where region.contains(row + shift) {
                if let line = old[row + shift], line == new[row] { count += 1 }
            }
            return count
        }
        if likely != 0, abs(likely) < region.count {
            let keptLikely = kept(likely)
            if keptLikely * 2 > region.count, keptLikely + Self.selectionRows >= region.count - abs(likely) {
                // Staying put must keep fewer (rows that repeat, under a changed first row, are
                // not a scroll): its misses are counted only until it cannot, a few unequal
                // comparisons when the list did move.
                var misses = 0
                for row in region where old[row] != new[row] {
                    misses += 1
                    if region.count - misses < keptLikely { return likely }
                }
            }
        }
        var best = 0, bestKept = kept(0)
        guard bestKept * 2 <= region.count else { return 0 }
        for shift in candidates where abs(shift) < region.count {
            let k = kept(shift)
            if k > bestKept { (best, bestKept) = (shift, k) }
        }
        return bestKept * 2 > region.count ? best : 0
    }

    /// `lines` with the rows of `region` moved by `shift` as the terminal moves them: the
    /// rows that come in are unknown.
    static func apply(_ shift: Int, to lines: inout [ScreenLine?], region: Range<Int>) {
        let old = lines
        for row in region {
            lines[row] = region.contains(row + shift) ? old[row + shift] : nil
        }
    }
}
