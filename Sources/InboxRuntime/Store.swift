import Foundation
import InboxCore

/// Owns the inbox state on the UI thread: reduces actions (keys, and results the UI thread
/// drained from the `Mailbox`) and hands their effects to the worker. It is deliberately
/// not `Sendable`, so the compiler keeps it on the thread that made it.
public final class Store {
    public private(set) var state: InboxState
    /// Set once an action asked to leave.
    public private(set) var wantsQuit = false
    /// The injected clock (a `ManualClock` in tests): what "now" is for the screen.
    public let clock: any InboxClock
    private let perform: ([Effect]) -> Void

    /// `perform` receives the effects of each batch of actions (normally `FetchWorker.run`).
    public init(state: InboxState, clock: any InboxClock = SystemClock(), perform: @escaping ([Effect]) -> Void) {
        self.state = state
        self.clock = clock
        self.perform = perform
    }

    /// The time the screen is rendered for (relative times such as "3m").
    public var now: Date { clock.now }

    /// Reduces a batch of actions, then performs all their effects at once, in order.
    public func send(_ actions: [Action]) {
        var effects: [Effect] = []
        for action in actions { effects += reduce(&state, action) }
        if effects.contains(.quit) { wantsQuit = true }
        let work = effects.filter { $0 != .quit }
        if !work.isEmpty { perform(work) }
    }

    /// Reduces one action.
    public func send(_ action: Action) { send([action]) }
}

@available(*, unavailable, message: "the store lives on the UI thread")
extension Store: Sendable {}
