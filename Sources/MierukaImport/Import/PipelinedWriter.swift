import MierukaCore
import MierukaStore

/// Writes batches to the store while the importer parses the next ones: the database works on one core while the
/// parser uses the other. At most one batch is in flight, so the store still sees its calls one after another.
final class PipelinedWriter: @unchecked Sendable {
    private let store: any Store
    private let entity: Entity
    private var inFlight: Task<Void, Error>?
    private var error: Error?

    init(store: any Store, entity: Entity) {
        self.store = store
        self.entity = entity
    }

    /// True once a write has failed; `finish()` then throws its error.
    var failed: Bool { error != nil }

    func stage(_ rows: [[DBValue]]) async throws {
        try await finish()
        let store = self.store
        let entity = self.entity
        inFlight = Task { try await store.stage(entity, rows: rows) }
    }

    /// Waits for the batch in flight; rethrows its error.
    func finish() async throws {
        if let task = inFlight {
            inFlight = nil
            do { try await task.value } catch { self.error = error }
        }
        if let error { throw error }
    }
}
