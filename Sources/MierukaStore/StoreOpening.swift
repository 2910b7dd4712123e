import Foundation

/// Chooses and opens the store: PostgreSQL when a database URL is given, otherwise the SQLite file.
public enum StoreOpening {
    /// Opens PostgreSQL at `databaseURL` when it is set (and not empty), otherwise the SQLite file at `path`.
    public static func open(databaseURL: String?, path: String) async throws -> any Store {
        if let url = databaseURL, !url.isEmpty {
            return try await PostgresStore.open(url: url)
        }
        return try await SQLiteStore.open(path: path)
    }
}
