import ChatzyAPI
import InboxCore
import Testing

@Suite struct ViewportMathTests {
    /// (height, wanted) -> margin: what is wanted, as far as the height leaves room on both sides.
    @Test(arguments: [((0, 2), 0), ((1, 2), 0), ((2, 2), 0), ((3, 2), 1), ((4, 2), 1), ((5, 2), 2), ((24, 2), 2),
                      ((100, 2), 2), ((24, 0), 0), ((1, 0), 0), ((24, 10), 10), ((21, 10), 10), ((20, 10), 9), ((3, 10), 1)])
    func theScrollMarginIsWhatIsWantedAsFarAsTheHeightAllows(input: (Int, Int), margin: Int) {
        #expect(Layout.scrollMargin(listHeight: input.0, wanted: input.1) == margin)
        #expect(ListWindow(height: input.0, wantedMargin: input.1).margin == margin)
    }

    @Test func theMarginIsNoneUnlessAskedForAndSettingsClampIt() {
        #expect(InboxState.Settings().scrollMargin == 0)
        #expect(InboxState.Settings(scrollMargin: -3).scrollMargin == 0)
        #expect(InboxState.Settings(scrollMargin: 99).scrollMargin == 10)
        var state = InboxState(settings: .init(scrollMargin: 3))
        state.screenRows = 24
        #expect(state.listWindow == ListWindow(height: 21, wantedMargin: 3))
        #expect(state.listWindow.margin == 3)
    }

    @Test(arguments: [(0, 0), (1, 0), (3, 0), (4, 1), (7, 4), (24, 21)])
    func listHeightLeavesRoomForTheChrome(rows: Int, height: Int) {
        #expect(Layout.listHeight(screenRows: rows) == height)
    }

    /// (current top, selected, rows, height) -> new top, with a wanted margin of 2.
    @Test(arguments: [
        // no room at all
        ((5, 3, 10, 0), 0),
        // a single row: the selection is the viewport
        ((0, 5, 10, 1), 5), ((5, 5, 10, 1), 5), ((9, 3, 10, 1), 3), ((0, 9, 10, 1), 9),
        // two rows, no margin
        ((0, 1, 10, 2), 0), ((0, 2, 10, 2), 1), ((4, 3, 10, 2), 3),
        // three rows, margin 1
        ((0, 1, 10, 3), 0), ((0, 2, 10, 3), 1), ((5, 5, 10, 3), 4), ((0, 9, 10, 3), 7),
        // taller than the list: never scrolls
        ((0, 3, 4, 10), 0), ((2, 0, 4, 10), 0), ((0, 0, 0, 10), 0),
        // a screen of 24 rows, margin 2
        ((0, 21, 100, 24), 0), ((0, 22, 100, 24), 1), ((50, 51, 100, 24), 49), ((90, 99, 100, 24), 76),
        ((10, 40, 100, 24), 19),
        // a top left past the end by a shrinking list or a growing screen
        ((95, 50, 60, 10), 48), ((40, 55, 60, 10), 48), ((30, 35, 40, 30), 10),
    ])
    func topKeepsTheSelectionInViewWithItsMargin(input: (Int, Int, Int, Int), top: Int) {
        let (current, selected, rows, height) = input
        let window = ListWindow(height: height, wantedMargin: 2)
        #expect(Viewport.top(current: current, selected: selected, rowCount: rows, window: window) == top)
    }

    /// (current top, selected, rows, height) -> new top, with no margin (the default): the view
    /// moves only when the selection would leave it, and then just far enough.
    @Test(arguments: [
        ((0, 20, 100, 21), 0), ((0, 21, 100, 21), 1), ((1, 22, 100, 21), 2), ((5, 5, 100, 21), 5),
        ((5, 4, 100, 21), 4), ((50, 60, 100, 21), 50), ((50, 71, 100, 21), 51), ((90, 99, 100, 21), 79),
        ((10, 40, 100, 21), 20), ((0, 3, 4, 10), 0), ((0, 5, 10, 1), 5), ((95, 50, 60, 10), 50),
    ])
    func withoutAMarginTheViewMovesOnlyAtItsEdges(input: (Int, Int, Int, Int), top: Int) {
        let (current, selected, rows, height) = input
        #expect(Viewport.top(current: current, selected: selected, rowCount: rows, window: ListWindow(height: height)) == top)
    }

    /// Resizes a list of 100 rows scrolled to row 50 and checks the selected contact stays
    /// selected and visible at every size.
    @Test(arguments: [(24, 50, 40), (7, 50, 48), (5, 50, 49), (4, 50, 50), (3, 50, 0), (60, 50, 40), (200, 50, 0)])
    func aResizeMidScrollKeepsTheSelectedContact(rows: Int, selected: Int, top: Int) {
        var state = smallInbox(.init(pageSize: 100, scrollMargin: 2))
        state.screenRows = 24
        state.lists[allKey] = loadedList(contacts("a", 0..<100), reachedEnd: true, selected: selected, top: 40)
        _ = reduce(&state, .resize(rows: rows, cols: 80))
        #expect(state.screenRows == rows)
        #expect(state.shown.selectedID == "a\(selected)")
        #expect(state.shown.selected == selected)
        #expect(state.shown.top == top)
    }

    @Test func aResizeIsExhaustive() {
        var state = loadedInbox(count: 10, selected: 5, top: 3)
        send(&state, .resize(rows: 5, cols: 30), effects: []) {
            $0.screenRows = 5
            $0.screenCols = 30
            $0.lists[allKey]!.top = 4
        }
        // A taller screen shows everything and wants the next page within one screen.
        send(&state, .resize(rows: 30, cols: 100), effects: [.fetch(req(10, gen: 0, offset: 10, .prefetch))]) {
            $0.screenRows = 30
            $0.screenCols = 100
            $0.lists[allKey]!.top = 0
            $0.lists[allKey]!.pending = req(10, gen: 0, offset: 10, .prefetch)
            $0.nextRequestID = 11
        }
        send(&state, .resize(rows: -3, cols: -1), effects: []) {
            $0.screenRows = 0
            $0.screenCols = 0
        }
    }
}

@Suite struct BackoffTests {
    @Test(arguments: [(1, 500), (2, 1000), (3, 2000), (6, 16_000), (7, 30_000), (40, 30_000), (Int.max, 30_000)])
    func theDelayDoublesUpToTheCapPlusAQuarterOfJitter(failures: Int, delay: Int) {
        for id in 1...50 {
            let ms = Backoff.milliseconds(failures: failures, requestID: id, error: .timeout, base: 500, cap: 30_000)
            #expect(ms >= delay && ms <= delay + delay / 4)
            #expect(ms == Backoff.milliseconds(failures: failures, requestID: id, error: .timeout, base: 500, cap: 30_000))
        }
    }

    @Test(arguments: [(Optional(10.0), 10_000), (0.2, -1), (nil, -1), (1e9, 600_000), (.infinity, -1), (-4, -1)])
    func retryAfterIsAFloor(retryAfter: Double?, floor: Int) {
        let error = APIError.rateLimited(retryAfter: retryAfter)
        let ms = Backoff.milliseconds(failures: 1, requestID: 7, error: error, base: 500, cap: 30_000)
        let backoff = Backoff.milliseconds(failures: 1, requestID: 7, error: .timeout, base: 500, cap: 30_000)
        #expect(ms == (floor < 0 ? backoff : max(floor, backoff)))
    }

    @Test func jitterIsBoundedDeterministicAndSpread() {
        var seen = Set<Int>()
        for id in 0..<10_000 {
            let value = Backoff.jitter(requestID: id, upTo: 100)
            #expect((0...100).contains(value))
            seen.insert(value)
        }
        #expect(seen.count == 101)
        #expect(Backoff.jitter(requestID: 42, upTo: 0) == 0)
        #expect(Backoff.jitter(requestID: 42, upTo: 1000) == Backoff.jitter(requestID: 42, upTo: 1000))
    }
}
