import ChatzyAPI
import InboxCore
import InboxRuntime
import Synchronization

/// The runtime wired as the app wires it, on a manual clock and a scripted client: a store,
/// a worker, a mailbox. The test's own thread plays the UI thread (`pump`).
final class Rig {
    let clock = ManualClock()
    let client: ScriptedClient
    let mailbox = Mailbox()
    let worker: FetchWorker
    let store: Store
    /// Every effect the store handed to the worker, in order.
    var effects: [Effect] { log.effects }
    /// Every action the worker delivered, in order.
    var delivered: [Action] { deliveries.values }

    private final class EffectLog { var effects: [Effect] = [] }
    private let log = EffectLog()
    private let deliveries = Recorder<Action>()

    init(client: ScriptedClient = ScriptedClient(), settings: InboxState.Settings = .init(pageSize: 10)) {
        self.client = client
        let mailbox = self.mailbox
        let deliveries = self.deliveries
        let worker = FetchWorker(client: client, email: "me@example.com", clock: clock) { action in
            deliveries.append(action)
            mailbox.post(action)
        }
        self.worker = worker
        let log = self.log
        store = Store(state: InboxState(settings: settings), clock: clock) { effects in
            log.effects += effects
            worker.run(effects)
        }
    }

    deinit { worker.stop() }

    var state: InboxState { store.state }

    /// The UI thread's turn: when the wake-up pipe is readable, drains the mailbox into the
    /// store. Returns the number of actions reduced.
    @discardableResult
    func pump() -> Int {
        guard isReadable(mailbox.wakeFD) else { return 0 }
        let actions = mailbox.drain()
        if !actions.isEmpty { store.send(actions) }
        return actions.count
    }

    /// Pumps until `condition` holds on the state (bounded by real time).
    func pump(until condition: (InboxState) -> Bool) async -> Bool {
        await eventually { pump(); return condition(store.state) }
    }

    /// Moves the manual clock, once the worker has taken in every effect handed to it (so
    /// that the timers they arm count from now, as they would on the real clock).
    func advance(by milliseconds: Int) {
        _ = worker.snapshot()
        clock.advance(by: milliseconds)
    }

    func press(_ keys: Key...) { store.send(keys.map { .key($0) }) }

    func type(_ text: String) { store.send(text.map { .key(.char($0)) }) }

    /// Waits until the client has seen `count` calls.
    func calls(_ count: Int) async -> Bool { await eventually { client.calls.count >= count } }

    /// Opens the inbox on a 7-row terminal (4 list rows, prefetch within 4 rows of the end)
    /// and answers its first request with `first`; returns once the rows are on screen.
    func open(with first: ContactPage = page("a", 0..<10)) async -> Bool {
        store.send([.resize(rows: 7, cols: 80), .start])
        guard await calls(1) else { return false }
        client.answer(client.calls.count - 1, with: first)
        return await pump { $0.shown.rows.count == first.contacts.count }
    }

    /// The delays of the retry timers the store asked for, in order.
    var retryDelays: [Int] {
        effects.compactMap {
            if case .schedule(.retry, let milliseconds, _) = $0 { return milliseconds }
            return nil
        }
    }
}
