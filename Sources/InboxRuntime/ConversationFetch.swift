import ChatzyAPI
import InboxCore

/// Runs one `.fetchConversation` effect: fetches a page of a contact's messages and
/// delivers `.conversationLoaded` or `.conversationFailed` with the same request. A client
/// that cannot fetch conversations answers with a configuration error instead of hanging.
enum ConversationFetch {
    static func start(
        _ request: ConversationRequest, client: any ContactsFetching,
        deliver: @escaping @Sendable (Action) -> Void, finished: @escaping @Sendable () -> Void
    ) -> Task<Void, Never> {
        let fetcher = client as? any ConversationsFetching
        return Task {
            let action: Action
            do throws(APIError) {
                guard let fetcher else { throw .invalidConfiguration("This client cannot fetch conversations") }
                action = .conversationLoaded(request, try await fetcher.conversations(request.query))
            } catch {
                action = .conversationFailed(request, error)
            }
            deliver(action)
            finished()
        }
    }
}
