import Foundation

/// What a backup or a restore wrote: where, how large, and how many rows each table of the written copy holds.
public struct BackupSummary: Sendable {
    /// One table of the copy and its row count.
    public struct TableCount: Sendable, Equatable {
        public let table: String
        public let rows: Int64
    }

    /// A file path, or a database URL without its password.
    public let location: String
    /// The size of the written file; nil for a restore into a PostgreSQL server.
    public let bytes: Int64?
    public let tables: [TableCount]
}

/// Why a backup or a restore did not happen, in Japanese and English, with what to do next. Nothing was changed.
public struct BackupProblem: Error, CustomStringConvertible, Sendable {
    public let japanese: String
    public let english: String

    public init(_ japanese: String, _ english: String) {
        self.japanese = japanese
        self.english = english
    }

    public var description: String { japanese + "\n" + english }
}

enum BackupFiles {
    static func size(_ path: String) -> Int64 {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.int64Value ?? 0
    }

    /// A backup file may be written at `output`: not there yet (or `force`), in a folder that exists.
    static func checkTarget(_ output: String, force: Bool) throws {
        let manager = FileManager.default
        if manager.fileExists(atPath: output) && !force {
            throw BackupProblem(
                "\(output) は既にあります。上書きするには --force を付けてください。",
                "\(output) already exists: choose another name, or add --force to overwrite it")
        }
        let folder = URL(fileURLWithPath: output).deletingLastPathComponent().path
        var isFolder: ObjCBool = false
        guard manager.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw BackupProblem("フォルダ \(folder) がありません。先に作成してください。", "the folder \(folder) does not exist: create it first")
        }
    }

    /// A fresh name in the same folder as `path`, so that the final rename stays on one file system (and is atomic).
    static func temporaryBeside(_ path: String) -> String {
        let url = URL(fileURLWithPath: path)
        return url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).tmp-\(UUID().uuidString.prefix(8))").path
    }

    static func removeSQLiteFiles(_ path: String) {
        for suffix in ["", "-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }
}
