import ChatzyAPI
import Foundation
import InboxCore
@testable import InboxRender
import Testing

/// Rendering with a `RowCache` gives exactly the screen rendering without one, frame after
/// frame, whatever changed between frames: the selection, the search, the size, the glyphs,
/// the clock, or a contact re-fetched with new data under the same id.
@Suite struct RowCacheTests {
    init() { TextWidth.useUTF8Locale() }

    /// One step of a walk: what changes before the next frame.
    enum Step {
        case key(Key)
        case resize(rows: Int, cols: Int)
        case glyphs(Glyphs)
        case later(TimeInterval)
        case at(Date)
        case spinner(Int?)
        case rename(row: Int, to: String)
    }

    /// With `preparing`, the rows just outside the view are laid out between frames, as the
    /// terminal does, and frames draw them from there.
    @Test(arguments: [false, true]) func cachedFramesEqualUncachedFrames(preparing: Bool) {
        var state = RenderFixtures.allTab(rows: 24, cols: 80)
        var options = RenderOptions(now: RenderFixtures.now)
        let cache = RowCache()
        let steps: [Step] = [
            .key(.char("j")), .key(.char("j")), .key(.char("k")), .key(.pageDown), .key(.char("g")),
            .rename(row: 1, to: "Renamed Contact"), .key(.char("j")), .rename(row: 2, to: "Ünïcödé 名前"),
            .later(3600), .later(30), .later(29), .later(1), .later(59), .later(3540), .later(30 * 86_400),
            // The last minute of the year and the first of the next: dates show their year.
            .at(Date(timeIntervalSince1970: 1_767_225_570)), .later(60), .at(RenderFixtures.now + 86_400), .glyphs(.ascii), .key(.char("j")), .glyphs(.unicode),
            .resize(rows: 30, cols: 130), .key(.char("j")), .resize(rows: 24, cols: 50), .key(.char("k")),
            .key(.char("/")), .key(.char("k")), .key(.char("a")), .key(.escape), .key(.char("G")),
            .key(.char("g")), .resize(rows: 24, cols: 80),
            // Tabs and the search line (kept by the cache too): switched, typed, edited, spun.
            .key(.char("2")), .key(.char("3")), .key(.char("1")), .key(.tab), .key(.char("1")),
            .key(.char("/")), .key(.char("x")), .spinner(2), .key(.char("y")), .spinner(3), .key(.left),
            .key(.backspace), .spinner(nil), .key(.enter), .key(.char("j")), .key(.escape), .glyphs(.ascii),
            .key(.char("/")), .glyphs(.unicode), .key(.escape), .resize(rows: 24, cols: 81), .resize(rows: 24, cols: 80),
        ] + Array(repeating: Step.key(.char("j")), count: 25) + Array(repeating: Step.key(.char("k")), count: 25)
        for (n, step) in steps.enumerated() {
            switch step {
            case .key(let key): _ = reduce(&state, .key(key))
            case .resize(let rows, let cols): _ = reduce(&state, .resize(rows: rows, cols: cols))
            case .glyphs(let glyphs): options.glyphs = glyphs
            case .later(let seconds): options.now += seconds
            case .at(let date): options.now = date
            case .spinner(let frame): options.spinnerFrame = frame
            case .rename(let row, let name):
                let key = state.shownKey
                state.lists[key]?.rows[row].name = name
            }
            let cached = InboxRenderer.render(state, options: options, rowCache: cache)
            let plain = InboxRenderer.render(state, options: options)
            #expect(cached == plain, "step \(n): \(step)")
            if preparing { InboxRenderer.prepareNeighbours(state, options: options, rowCache: cache) }
        }
    }

    /// Moves the selection to the view's last row and draws, with the rows around the view
    /// laid out ahead.
    static func atTheBottomOfTheView(_ cache: RowCache, _ options: RenderOptions) -> InboxState {
        var state = RenderFixtures.allTab(rows: 24, cols: 80)
        while state.shown.selected < state.listHeight - 1 { _ = reduce(&state, .key(.char("j"))) }
        _ = InboxRenderer.render(state, options: options, rowCache: cache)
        InboxRenderer.prepareNeighbours(state, options: options, rowCache: cache)
        return state
    }

    /// The row a one-row scroll brings in was laid out between frames: the frame that scrolls
    /// lays out none, and draws what a frame without the cache draws. Back up, the same.
    @Test func aScrollDrawsTheRowLaidOutAhead() {
        let options = RenderOptions(now: RenderFixtures.now)
        let cache = RowCache()
        var state = Self.atTheBottomOfTheView(cache, options)
        #expect(state.shown.top == 0)
        let laidOut = cache.rowsLaidOut
        _ = reduce(&state, .key(.char("j")))
        #expect(state.shown.top == 1, "the view scrolled")
        #expect(InboxRenderer.render(state, options: options, rowCache: cache) == InboxRenderer.render(state, options: options))
        #expect(cache.rowsLaidOut == laidOut, "the scroll laid out no row")
        InboxRenderer.prepareNeighbours(state, options: options, rowCache: cache)
        #expect(cache.rowsLaidOut == laidOut + 1, "the next row below is laid out; the one above is the row that left")
        while state.shown.selected > 0 { _ = reduce(&state, .key(.char("k"))) }
        #expect(state.shown.top == 0, "the view scrolled back")
        let before = cache.rowsLaidOut
        #expect(InboxRenderer.render(state, options: options, rowCache: cache) == InboxRenderer.render(state, options: options))
        #expect(cache.rowsLaidOut == before, "the row above was laid out ahead")
    }

    /// A row laid out ahead is found while it reads the same; once its contact changed, or the
    /// clock left the range in which its age reads the same, it is not, and the frame that
    /// brings it into view draws what a frame without the cache draws.
    @Test(arguments: [false, true]) func aRowLaidOutAheadIsNotReusedOnceStale(clockMoves: Bool) {
        var options = RenderOptions(now: RenderFixtures.now)
        let cache = RowCache()
        var state = Self.atTheBottomOfTheView(cache, options)
        let below = state.shown.top + state.listHeight
        #expect(cache.cachedLine(state.shown.rows, below, at: state.listHeight, now: options.now) != nil,
                "found while it reads the same")
        cache.endFrame()
        if clockMoves {
            options.now += 40 * 86_400
        } else {
            state.lists[state.shownKey]?.rows[below].name = "Changed Since Laid Out"
        }
        #expect(cache.cachedLine(state.shown.rows, below, at: state.listHeight, now: options.now) == nil)
        cache.endFrame()
        _ = reduce(&state, .key(.char("j")))
        let screen = InboxRenderer.render(state, options: options, rowCache: cache)
        #expect(screen == InboxRenderer.render(state, options: options))
        if !clockMoves { #expect(screen.text.contains { $0.contains("Changed Since Laid Out") }) }
    }

    /// Rows are laid out ahead only for the frame they will be drawn in: after the width
    /// changed, nothing laid out before is drawn.
    @Test func rowsLaidOutAheadAreForgottenWithTheFrame() {
        let options = RenderOptions(now: RenderFixtures.now)
        let cache = RowCache()
        var state = Self.atTheBottomOfTheView(cache, options)
        _ = reduce(&state, .resize(rows: 24, cols: 70))
        _ = reduce(&state, .key(.char("j")))
        #expect(InboxRenderer.render(state, options: options, rowCache: cache) == InboxRenderer.render(state, options: options))
    }

    /// A change to any field of a shown contact, the selected one or another, is drawn.
    @Test(arguments: 0..<9) func everyFieldOfAContactIsPartOfItsRow(field: Int) {
        var state = RenderFixtures.allTab(rows: 24, cols: 80)
        let options = RenderOptions(now: RenderFixtures.now)
        let cache = RowCache()
        let key = state.shownKey
        for row in [0, 3] {
            _ = InboxRenderer.render(state, options: options, rowCache: cache)
            var contact = state.lists[key]!.rows[row]
            switch field {
            case 0: contact.name = (contact.name ?? "") + "x"
            case 1: contact.phoneNumber = nil; contact.name = nil
            case 2: contact.email = "changed@example.com"; contact.name = nil; contact.phoneNumber = nil
            case 3: contact.conversationStatus = "resolved"
            case 4: contact.assignedTo = "Someone New"
            case 5: contact.unreadCount = .count(42)
            case 6: contact.latestMessageTime = RenderFixtures.now.addingTimeInterval(-7200)
            case 7: contact.channels = ["messenger", "website"]
            default: contact.unreadCount = .unreadable("many")
            }
            state.lists[key]?.rows[row] = contact
            let cached = InboxRenderer.render(state, options: options, rowCache: cache)
            #expect(cached == InboxRenderer.render(state, options: options), "field \(field), row \(row)")
        }
    }

    @Test func aRenamedContactIsDrawnAgain() {
        var state = RenderFixtures.allTab(rows: 24, cols: 80)
        let options = RenderOptions(now: RenderFixtures.now)
        let cache = RowCache()
        _ = InboxRenderer.render(state, options: options, rowCache: cache)
        state.lists[state.shownKey]?.rows[0].name = "Someone Else Entirely"
        let screen = InboxRenderer.render(state, options: options, rowCache: cache)
        #expect(screen.text[Layout.listTop].contains("Someone Else Entirely"))
    }
}
