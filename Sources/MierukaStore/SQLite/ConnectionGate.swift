/// Lets one task at a time use the store's single connection while it holds a transaction.
///
/// SQLite's BEGIN/COMMIT belong to the connection, not to a task: without the gate, a second task's BEGIN fails while
/// another transaction is open and its ROLLBACK ends that other transaction, whose remaining statements then commit one
/// by one; and a statement of another task (a login writing its session) would join someone else's transaction and be
/// lost with its rollback. The web server runs requests concurrently, so every statement waits here while a transaction
/// of another task is open; statements of the transaction's own task (and of tasks it starts, which inherit the task
/// local) pass through.
final class ConnectionGate: Sendable {
    @TaskLocal static var holding = false

    private let state = GateState()

    /// Runs `body` holding the gate, unless the current task already holds it.
    func run<T: Sendable>(_ body: () async throws -> T) async throws -> T {
        if Self.holding { return try await body() }
        await state.acquire()
        do {
            let result = try await Self.$holding.withValue(true) { try await body() }
            await state.release()
            return result
        } catch {
            await state.release()
            throw error
        }
    }
}

/// A FIFO lock for async code.
private actor GateState {
    private var busy = false
    private var waiters: [CheckedContinuation<Void, Never>] = []

    func acquire() async {
        if !busy {
            busy = true
            return
        }
        await withCheckedContinuation { waiters.append($0) }
    }

    func release() {
        if waiters.isEmpty {
            busy = false
        } else {
            // The gate passes straight to the next waiter: it stays busy.
            waiters.removeFirst().resume()
        }
    }
}
