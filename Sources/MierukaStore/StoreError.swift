import MierukaCore

/// Store failures a user can act on.
public enum StoreError: Error, CustomStringConvertible {
    case cannotOpen(path: String, reason: String)
    case unknownSetting(String)
    case invalidSetting(key: String, value: String)
    case userExists(String)
    case unknownChecklistItem(String)
    case cannotConnect(url: String, reason: String)
    case invalidDatabaseURL(String)
    case notInTransaction(String)
    case query(reason: String)
    case rollupCorrupt

    public var description: String {
        switch self {
        case .cannotOpen(let path, let reason):
            return "cannot open the database \(path): \(reason) (check the path and that the folder is writable; --db PATH or MIERUKA_DB choose another file)"
        case .unknownSetting(let key):
            return "unknown setting \"\(key)\" (known: \(SettingDefinition.all.map(\.key).joined(separator: ", ")))"
        case .invalidSetting(let key, let value):
            return "\"\(value)\" is not a valid value for \(key)"
        case .userExists(let login):
            return "a user \"\(login)\" already exists (choose another login)"
        case .cannotConnect(let url, let reason):
            return "cannot connect to the database \(url): \(reason) (check that PostgreSQL runs there and the user, password and database name; "
                + "--database-url or MIERUKA_DATABASE_URL choose another)"
        case .invalidDatabaseURL(let url):
            return "\(url) is not a PostgreSQL URL (write postgres://user:password@host:port/database)"
        case .rollupCorrupt:
            return "a stored rollup cell cannot be read (run `mieruka rollup rebuild` to count them again from the records)"
        case .notInTransaction(let operation):
            return "\(operation) must run inside a store transaction (a bug in the caller)"
        case .query(let reason):
            return "the database refused a statement: \(reason)"
        case .unknownChecklistItem(let id):
            return "\"\(id)\" is not a phase checklist item (known: \(PhaseChecklist.items.map { "\($0.code) \($0.id)" }.joined(separator: ", ")))"
        }
    }
}
