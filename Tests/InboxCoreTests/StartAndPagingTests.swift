import ChatzyAPI
import InboxCore
import Testing

@Suite struct StartTests {
    @Test func startFetchesTheFirstPageOfAll() {
        var state = smallInbox()
        send(&state, .start, effects: [.fetch(req(1, gen: 0))]) {
            $0.nextRequestID = 2
            $0.lists[allKey] = { var l = ListState(); l.pending = req(1, gen: 0); return l }()
        }
    }

    @Test func startArmsThePeriodicRefreshWhenAnIntervalIsSet() {
        var state = smallInbox(.init(pageSize: 5, refreshIntervalSeconds: 30))
        send(&state, .start, effects: [
            .schedule(timer: .refresh, milliseconds: 30_000, action: .refresh),
            .fetch(req(1, gen: 0)),
        ]) {
            $0.nextRequestID = 2
            $0.lists[allKey] = { var l = ListState(); l.pending = req(1, gen: 0); return l }()
        }
    }

    @Test func firstPageShowsRowsAndSelectsTheFirst() {
        var state = smallInbox()
        _ = reduce(&state, .start)
        send(&state, .pageLoaded(req(1, gen: 0), page("a", 0..<5)), effects: []) {
            $0.lists[allKey] = loadedList(contacts("a", 0..<5))
        }
    }

    @Test func aShortFirstPageEndsTheList() {
        var state = smallInbox()
        _ = reduce(&state, .start)
        send(&state, .pageLoaded(req(1, gen: 0), page("a", 0..<3)), effects: []) {
            $0.lists[allKey] = loadedList(contacts("a", 0..<3), reachedEnd: true)
        }
    }

    @Test func anEmptyFirstPageIsALoadedEmptyList() {
        var state = smallInbox()
        _ = reduce(&state, .start)
        send(&state, .pageLoaded(req(1, gen: 0), ContactPage(contacts: [])), effects: []) {
            var list = ListState()
            list.reachedEnd = true
            $0.lists[allKey] = list
        }
        #expect(state.shown.hasLoaded)
    }

    @Test(arguments: [(0, 1), (1, 1), (50, 50), (100, 100), (101, 100), (-5, 1)])
    func pageSizeIsClampedToTheAPIRange(asked: Int, used: Int) {
        #expect(InboxState.Settings(pageSize: asked).pageSize == used)
    }

    @Test func defaultsMatchTheIssue() {
        let settings = InboxState.Settings()
        #expect(settings.pageSize == 50)
        #expect(settings.prefetchDistance == nil)
        #expect(settings.refreshIntervalSeconds == nil)
        var state = InboxState(settings: settings)
        state.screenRows = 30
        #expect(state.prefetchDistance == 27)
    }
}

@Suite struct PagingTests {
    @Test func comingWithinOneScreenOfTheEndPrefetchesTheNextPage() {
        var state = loadedInbox(count: 10, selected: 5, top: 3)
        send(&state, .key(.char("j")), effects: [.fetch(req(10, gen: 0, offset: 10, .prefetch))]) {
            $0.lists[allKey]!.selected = 6
            $0.lists[allKey]!.selectedID = "a6"
            $0.lists[allKey]!.top = 4
            $0.lists[allKey]!.pending = req(10, gen: 0, offset: 10, .prefetch)
            $0.nextRequestID = 11
        }
        send(&state, .key(.char("j")), effects: []) {
            $0.lists[allKey]!.selected = 7
            $0.lists[allKey]!.selectedID = "a7"
            $0.lists[allKey]!.top = 5
        }
    }

    @Test func aConfiguredPrefetchDistanceIsUsed() {
        var state = loadedInbox(count: 10, selected: 6, top: 4, .init(pageSize: 5, prefetchDistance: 2, scrollMargin: 2))
        send(&state, .key(.char("j")), effects: []) {
            $0.lists[allKey]!.selected = 7
            $0.lists[allKey]!.selectedID = "a7"
            $0.lists[allKey]!.top = 5
        }
        send(&state, .key(.char("j")), effects: [.fetch(req(10, gen: 0, offset: 10, .prefetch))]) {
            $0.lists[allKey]!.selected = 8
            $0.lists[allKey]!.selectedID = "a8"
            $0.lists[allKey]!.top = 6
            $0.lists[allKey]!.pending = req(10, gen: 0, offset: 10, .prefetch)
            $0.nextRequestID = 11
        }
    }

    @Test func aNextPageIsAppendedDeDuplicatedByContactID() {
        var state = loadedInbox(count: 10, selected: 8, top: 6)
        state.lists[allKey]!.pending = req(10, gen: 0, offset: 10, .prefetch)
        state.nextRequestID = 11
        // a9 moved down a page while messages arrived: it comes again and is dropped.
        let next = ContactPage(contacts: [contact("a9")] + contacts("a", 10..<14))
        send(&state, .pageLoaded(req(10, gen: 0, offset: 10, .prefetch), next), effects: []) {
            $0.lists[allKey] = loadedList(contacts("a", 0..<14), nextOffset: 15, selected: 8, top: 6)
        }
    }

    @Test func unreadableEntriesCountTowardsTheOffsetAndAreReported() {
        var state = loadedInbox(count: 10, selected: 0)
        state.lists[allKey]!.pending = req(10, gen: 0, offset: 10, .prefetch)
        send(&state, .pageLoaded(req(10, gen: 0, offset: 10, .prefetch), page("a", 10..<13, skipped: 2)), effects: []) {
            $0.lists[allKey] = loadedList(contacts("a", 0..<13), nextOffset: 15)
            $0.lists[allKey]!.skipped = 2
        }
    }

    @Test func aShortPageEndsTheListAndNothingMoreIsAsked() {
        var state = loadedInbox(count: 10, selected: 8, top: 6)
        state.lists[allKey]!.pending = req(10, gen: 0, offset: 10, .prefetch)
        send(&state, .pageLoaded(req(10, gen: 0, offset: 10, .prefetch), page("a", 10..<12)), effects: []) {
            $0.lists[allKey] = loadedList(contacts("a", 0..<12), reachedEnd: true, selected: 8, top: 6)
        }
        send(&state, .key(.char("G")), effects: []) {
            $0.lists[allKey]!.selected = 11
            $0.lists[allKey]!.selectedID = "a11"
            $0.lists[allKey]!.top = 8
        }
    }

    @Test func bottomSelectsTheLastLoadedRowAndLoadsMore() {
        var state = loadedInbox(count: 10)
        send(&state, .key(.end), effects: [.fetch(req(10, gen: 0, offset: 10, .prefetch))]) {
            $0.lists[allKey]!.selected = 9
            $0.lists[allKey]!.selectedID = "a9"
            $0.lists[allKey]!.top = 6
            $0.lists[allKey]!.pending = req(10, gen: 0, offset: 10, .prefetch)
            $0.nextRequestID = 11
        }
    }

    @Test func aStalePageIsDropped() {
        var state = loadedInbox(count: 10)
        state.generation = 3
        state.lists[allKey]!.pending = req(10, gen: 3, offset: 10, .prefetch)
        send(&state, .pageLoaded(req(10, gen: 2, offset: 10, .prefetch), page("x", 0..<5)), effects: [])
        send(&state, .pageLoaded(req(9, gen: 3, offset: 10, .prefetch), page("x", 0..<5)), effects: [])
    }

    @Test func aDuplicatedAnswerIsAppliedOnce() {
        var state = loadedInbox(count: 10)
        state.lists[allKey]!.pending = req(10, gen: 0, offset: 10, .prefetch)
        _ = reduce(&state, .pageLoaded(req(10, gen: 0, offset: 10, .prefetch), page("a", 10..<15)))
        send(&state, .pageLoaded(req(10, gen: 0, offset: 10, .prefetch), page("b", 0..<5)), effects: [])
        #expect(state.shown.rows.map(\.id) == contacts("a", 0..<15).map(\.id))
    }
}
