import Foundation
import InboxCore

/// Owns the state on the UI thread: reduces actions and hands their effects to the worker.
public final class Store {
    public private(set) var state: InboxState
    public private(set) var wantsQuit = false
    private let perform: ([Effect]) -> Void

    /// `perform` receives the effects of each action (normally `FetchWorker.run`).
    public init(state: InboxState, perform: @escaping ([Effect]) -> Void) {
        self.state = state
        self.perform = perform
    }

    /// Reduces a batch of actions, then performs all their effects at once.
    public func send(_ actions: [Action]) {
        var effects: [Effect] = []
        for action in actions { effects += reduce(&state, action) }
        if effects.contains(.quit) { wantsQuit = true }
        perform(effects.filter { $0 != .quit })
    }

    public func send(_ action: Action) { send([action]) }
}
