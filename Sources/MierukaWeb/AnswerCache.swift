import Foundation

/// JSON answers of /api/v1/kpis kept per viewer and question under the store's answers version: a morning meeting
/// asks the same questions again and again between writes. An entry is served only while the version it was computed
/// under is still current (any write changes it, in any process sharing the database), so a cached answer is always
/// the answer the records give now.
final class AnswerCache: @unchecked Sendable {
    private struct Entry {
        var version: String
        var body: String
        var used: UInt64
    }

    private var entries: [String: Entry] = [:]
    private var clock: UInt64 = 0
    private let lock = NSLock()
    let capacity: Int

    init(capacity: Int = 512) { self.capacity = capacity }

    func get(_ key: String, version: String) -> String? {
        lock.withLock {
            guard var entry = entries[key], entry.version == version, !version.isEmpty else { return nil }
            clock += 1
            entry.used = clock
            entries[key] = entry
            return entry.body
        }
    }

    func put(_ key: String, version: String, body: String) {
        guard !version.isEmpty else { return }
        lock.withLock {
            clock += 1
            entries[key] = Entry(version: version, body: body, used: clock)
            if entries.count > capacity {
                // Drop the least recently used quarter at once: eviction stays rare and cheap.
                let old = entries.sorted { $0.value.used < $1.value.used }.prefix(capacity / 4).map(\.key)
                for key in old { entries.removeValue(forKey: key) }
            }
        }
    }
}
