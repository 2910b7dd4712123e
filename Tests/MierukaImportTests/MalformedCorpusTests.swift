import Foundation
import MierukaCore
import MierukaImport
import MierukaStore
import MierukaTestSupport
import Testing

/// Every file of the malformed-input corpus (Tests/Corpus/malformed/expected.tsv), imported into a database that holds
/// the golden data: refused with the expected file:line:column and message, every table unchanged; the formula-looking
/// cells are accepted as text. On SQLite and PostgreSQL.
@Suite("Import: the malformed-input corpus")
struct MalformedCorpusTests {
    /// The golden data folder (../shared/fixtures/golden/data, found above this file).
    static func golden() throws -> String {
        var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        for _ in 0..<8 {
            let candidate = url.appendingPathComponent("shared/fixtures/golden/data").path
            if FileManager.default.fileExists(atPath: candidate + "/leads.csv") { return candidate }
            url.deleteLastPathComponent()
        }
        throw MalformedCorpus.CorpusError(description: "shared/fixtures/golden not found above \(#filePath)")
    }

    /// The corpus's message for a case: what the CLI would print (mapping problems are thrown before the import).
    static func attempt(_ c: MalformedCorpus.Case, store: any Store) async -> (accepted: Bool, text: String) {
        do {
            let mappings = try c.mappingPath.map { [try MappingLoader.load(path: $0)] } ?? []
            let sources = try ImportSource.resolve(paths: [c.path], mappings: mappings)
            let summary = try await Importer(store: store, timeZone: TimeZone(identifier: "Asia/Tokyo")!).run(sources)
            return (true, summary.lines.joined(separator: "\n"))
        } catch {
            return (false, "\(error)")
        }
    }

    @Test("the corpus has at least 50 committed files and every case names an existing file")
    func corpusIsComplete() throws {
        let cases = try MalformedCorpus.committed()
        let files = try FileManager.default.subpathsOfDirectory(atPath: MalformedCorpus.directory.path).filter { $0.contains(".") && $0 != "expected.tsv" }
        #expect(files.count >= 50, "\(files.count) files")
        #expect(cases.count >= 50)
        for c in cases {
            #expect(FileManager.default.fileExists(atPath: c.path), "\(c.file)")
            if let m = c.mappingPath { #expect(FileManager.default.fileExists(atPath: m), "\(m)") }
            #expect(c.accepted || !c.location.isEmpty, "\(c)")
        }
    }

    @Test("each bad file is refused with file:line:column and leaves every table unchanged", arguments: TestBackend.allCases)
    func corpus(_ backend: TestBackend) async throws {
        let cases = try MalformedCorpus.committed()
            + MalformedCorpus.generated(in: FileManager.default.temporaryDirectory.appendingPathComponent("mieruka-corpus-\(UUID().uuidString)"))
        try await ImportHarness.withStore(backend) { store in
            do {
                let sources = try ImportSource.resolve(paths: [try Self.golden()], mappings: [])
                _ = try await Importer(store: store, timeZone: TimeZone(identifier: "Asia/Tokyo")!).run(sources)
                var before = try await DatabaseSnapshot.take(store)
                for c in cases {
                    let (accepted, text) = await Self.attempt(c, store: store)
                    let after = try await DatabaseSnapshot.take(store)
                    if c.accepted {
                        #expect(accepted, "\(c): refused: \(text)")
                        let entity = try #require(Entity(fileName: c.file))
                        let stored = try await store.allRows(entity)
                        #expect(stored.contains { $0.contains(.text(c.fragment)) }, "\(c): \(c.fragment) not stored verbatim")
                    } else {
                        #expect(!accepted, "\(c): accepted: \(text)")
                        #expect(text.contains(c.location + ": "), "\(c): expected \(c.location): in\n\(text.prefix(2000))")
                        #expect(text.contains(c.fragment), "\(c): expected “\(c.fragment)” in\n\(text.prefix(2000))")
                        #expect(text.utf8.count < 20_000, "\(c): the message is \(text.utf8.count) bytes long")
                        #expect(after == before, "\(c): the database changed: \(after.changes(since: before))")
                    }
                    before = after
                }
            } catch {
                // PostgresNIO hides the server's message from `description`.
                Issue.record("\(String(reflecting: error))")
            }
        }
    }
}
