import Foundation
import MierukaCore

/// The organisation's alerts of the current minute, computed once and shared by every viewer (each then sees the ones
/// their role allows). Computing them reads a month of figures for every team and rep and three months of leads — the
/// largest part of a dashboard render — while a morning meeting opens the same dashboard dozens of times a minute.
///
/// An entry is used only under the same key: the store's answers version (any write to records, settings or reps in
/// any process), a digest of the targets (target writes do not change KPI answers, but they change pace alerts) and
/// the minute. Concurrent requests for a key not yet computed wait for the one computation (single flight).
actor AlertsCache {
    struct Key: Sendable, Equatable {
        var answersVersion: String
        var targets: Set<Target>
        /// The minute the alerts are computed as of (seconds since 1970, a multiple of 60).
        var minute: Int64
    }

    private var key: Key?
    private var computing: Task<[Alert], Error>?
    /// How many times the alerts were computed (tests: one computation per key).
    private(set) var computations = 0

    /// The alerts for `key`, computed by `compute` when no entry for `key` exists. Without an answers version (a
    /// database never written to by this version of Mieruka) nothing is kept.
    func alerts(key: Key, compute: @escaping @Sendable () async throws -> [Alert]) async throws -> [Alert] {
        guard !key.answersVersion.isEmpty else { return try await compute() }
        if self.key == key, let computing { return try await computing.value }
        computations += 1
        let task = Task { try await compute() }
        self.key = key
        computing = task
        do {
            return try await task.value
        } catch {
            // A failed computation is not kept: the next request tries again.
            if self.key == key { self.key = nil; computing = nil }
            throw error
        }
    }
}
