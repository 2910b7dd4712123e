import Foundation

/// Computations kept while the data stays the same — the dashboard's figures, weekly trend and phase badge and today's
/// alerts (shared by every viewer), the JSON answers of /api/v1/kpis (per viewer and question) — kept
/// under the store's answers version (any write to records, settings or reps, by any process, changes it), so a kept
/// value is never older than the data. A morning meeting opens the same dashboards dozens of times a minute; each was a
/// fresh read and computation of a month of records.
///
/// Single flight: requests for a key being computed wait for that one computation. A failed computation is not kept.
/// Values of an older version are dropped when a newer one is asked for (versions never come back), and at most
/// `capacity` keys are kept, the least recently used going first.
actor SharedComputations<Key: Hashable & Sendable, Value: Sendable> {
    private struct Entry {
        var task: Task<Value, Error>
        var used: UInt64
    }

    private var version = ""
    private var entries: [Key: Entry] = [:]
    private var clock: UInt64 = 0
    let capacity: Int
    /// How many times a value was computed (tests: one computation per key and version).
    private(set) var computations = 0

    init(capacity: Int) { self.capacity = max(1, capacity) }

    /// The value for `key` under the answers `version` (read before computing): kept, being computed, or computed now by
    /// `compute`. An empty version (a database no write has versioned yet) computes without keeping.
    func value(_ key: Key, version: String, compute: @escaping @Sendable () async throws -> Value) async throws -> Value {
        guard !version.isEmpty else {
            computations += 1
            return try await compute()
        }
        if version != self.version {
            // A request that read the version just before a write may still come after one that read it after: it
            // computes its own value for the old version, kept until the next request of the new one.
            entries.removeAll()
            self.version = version
        }
        clock += 1
        if var entry = entries[key] {
            entry.used = clock
            entries[key] = entry
            return try await entry.task.value
        }
        computations += 1
        let task = Task { try await compute() }
        entries[key] = Entry(task: task, used: clock)
        if entries.count > capacity, let oldest = entries.min(by: { $0.value.used < $1.value.used })?.key, oldest != key {
            entries.removeValue(forKey: oldest)
        }
        do {
            return try await task.value
        } catch {
            if entries[key]?.task == task { entries.removeValue(forKey: key) }
            throw error
        }
    }
}
