import ChatzyAPI
import InboxCore
import Testing

/// A contact whose id is `id` (names do not matter to the reducer).
func contact(_ id: String) -> Contact { Contact(id: id, name: "Name of \(id)") }

/// Contacts `prefix0`, `prefix1`, … for the given numbers.
func contacts(_ prefix: String, _ numbers: Range<Int>) -> [Contact] { numbers.map { contact("\(prefix)\($0)") } }

/// A page of the contacts `prefix<n>` for `numbers`.
func page(_ prefix: String, _ numbers: Range<Int>, skipped: Int = 0) -> ContactPage {
    ContactPage(contacts: contacts(prefix, numbers), skipped: skipped)
}

/// A request as the reducer should make it (page size 5 unless told).
func req(
    _ id: Int, gen: Int, _ filter: ConversationFilter = .all, search: String = "",
    offset: Int = 0, limit: Int = 5, _ priority: PageRequest.Priority = .visible
) -> PageRequest {
    PageRequest(id: id, generation: gen, key: ListKey(filter: filter, search: search),
                offset: offset, limit: limit, priority: priority)
}

let allKey = ListKey(filter: .all, search: "")
let unreadKey = ListKey(filter: .unread, search: "")

/// A fresh inbox with pages of 5 on a 7-row terminal: 4 list rows, a scroll margin of 1 (2 asked
/// for, as far as 4 rows allow; the default is none, tested on its own),
/// and a prefetch distance of 4.
func smallInbox(_ settings: InboxState.Settings = .init(pageSize: 5, scrollMargin: 2)) -> InboxState {
    var state = InboxState(settings: settings)
    state.screenRows = 7
    state.screenCols = 40
    return state
}

/// A loaded list as the reducer builds it from `rows`, with `nextOffset` defaulting to the
/// row count and the selection on row `selected`.
func loadedList(_ rows: [Contact], nextOffset: Int? = nil, reachedEnd: Bool = false,
                selected: Int = 0, top: Int = 0) -> ListState {
    var list = ListState()
    list.rows = ContactRows(rows)
    list.nextOffset = nextOffset ?? rows.count
    list.reachedEnd = reachedEnd
    list.selected = selected
    list.selectedID = rows.isEmpty ? nil : rows[selected].id
    list.top = top
    return list
}

/// `smallInbox` with All loaded as `a0…a(count-1)` in generation 0, nothing pending,
/// the selection on row `selected`.
func loadedInbox(count: Int = 10, selected: Int = 0, top: Int = 0,
                 _ settings: InboxState.Settings = .init(pageSize: 5, scrollMargin: 2)) -> InboxState {
    var state = smallInbox(settings)
    state.lists[allKey] = loadedList(contacts("a", 0..<count), selected: selected, top: top)
    state.nextRequestID = 10
    return state
}

/// Sends `action` and checks the exact effects and the whole new state: the expected state
/// is the old one changed by `update`, so each test names every field the rule changes.
func send(
    _ state: inout InboxState, _ action: Action, effects expected: [Effect],
    sourceLocation: SourceLocation = #_sourceLocation,
    _ update: (inout InboxState) -> Void = { _ in }
) {
    var expectedState = state
    update(&expectedState)
    let effects = reduce(&state, action)
    #expect(effects == expected, sourceLocation: sourceLocation)
    #expect(state == expectedState, sourceLocation: sourceLocation)
}
