import ChatzyAPI
import Synchronization

/// A client whose every call waits until the test answers it, and which records what it was
/// asked and whether the caller cancelled it. With `honoursCancellation` (the real client's
/// behaviour) a cancelled call throws `.cancelled` at once; without, it still records the
/// cancellation but keeps waiting for its scripted answer (a server that answers anyway).
final class ScriptedClient: ContactsFetching {
    /// What the test can see of one call.
    struct Call: Sendable {
        var query: ContactQuery
        /// The caller's task was cancelled while the call was waiting.
        var cancelled = false
        /// The call has returned or thrown.
        var returned = false
    }

    private struct Slot {
        var call: Call
        var continuation: CheckedContinuation<Result<ContactPage, APIError>, Never>?
        var answer: Result<ContactPage, APIError>?
    }

    private let slots = Mutex<[Slot]>([])
    let honoursCancellation: Bool

    init(honoursCancellation: Bool = true) {
        self.honoursCancellation = honoursCancellation
    }

    /// Every call so far, in the order they were made.
    var calls: [Call] { slots.withLock { $0.map(\.call) } }

    func contacts(_ query: ContactQuery) async throws(APIError) -> ContactPage {
        let index = slots.withLock { slots in
            slots.append(Slot(call: Call(query: query)))
            return slots.count - 1
        }
        let result = await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                slots.withLock { slots in
                    if let answer = slots[index].answer {
                        continuation.resume(returning: answer)
                    } else if slots[index].call.cancelled, honoursCancellation {
                        continuation.resume(returning: .failure(.cancelled))
                    } else {
                        slots[index].continuation = continuation
                    }
                }
            }
        } onCancel: {
            slots.withLock { slots in
                slots[index].call.cancelled = true
                guard honoursCancellation, let continuation = slots[index].continuation else { return }
                slots[index].continuation = nil
                continuation.resume(returning: .failure(.cancelled))
            }
        }
        slots.withLock { $0[index].call.returned = true }
        return try result.get()
    }

    /// Answers call number `index` (0-based) with a page or an error.
    func answer(_ index: Int, with result: Result<ContactPage, APIError>) {
        slots.withLock { slots in
            precondition(slots.indices.contains(index), "no call \(index) yet")
            if let continuation = slots[index].continuation {
                slots[index].continuation = nil
                continuation.resume(returning: result)
            } else {
                slots[index].answer = result
            }
        }
    }

    func answer(_ index: Int, with page: ContactPage) { answer(index, with: .success(page)) }
    func fail(_ index: Int, with error: APIError) { answer(index, with: .failure(error)) }
}

/// A client that answers every query at once with one contact named after its offset.
struct InstantClient: ContactsFetching {
    func contacts(_ query: ContactQuery) async throws(APIError) -> ContactPage {
        ContactPage(contacts: [Contact(id: "c\(query.offset)")])
    }
}

/// A page of contacts `prefix<n>` for `numbers`.
func page(_ prefix: String, _ numbers: Range<Int>) -> ContactPage {
    ContactPage(contacts: numbers.map { Contact(id: "\(prefix)\($0)", name: "Name \(prefix)\($0)") })
}
