import Foundation
import MierukaCore

/// One file to import with the entity and the mapping it is read with.
public struct ImportSource: Sendable {
    public var path: String
    public var entity: Entity
    public var mapping: Mapping

    public var name: String { (path as NSString).lastPathComponent }

    public init(path: String, entity: Entity, mapping: Mapping) {
        self.path = path
        self.entity = entity
        self.mapping = mapping
    }

    /// Expands paths (files and directories) into sources in dependency order, matching mappings to files:
    /// a mapping applies to files of its entity; a file with a foreign name takes the one mapping given,
    /// or the mapping whose columns its header has.
    public static func resolve(paths: [String], mappings: [Mapping]) throws -> [ImportSource] {
        var sources: [ImportSource] = []
        let fm = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw ImportIssue(file: path, line: nil, column: nil, message: "no such file or directory")
            }
            if isDirectory.boolValue {
                let names = (try? fm.contentsOfDirectory(atPath: path)) ?? []
                for name in names.sorted() {
                    let lower = name.lowercased()
                    guard lower.hasSuffix(".csv") || lower.hasSuffix(".tsv") || lower.hasSuffix(".txt") else { continue }
                    let full = (path as NSString).appendingPathComponent(name)
                    if let entity = Entity(fileName: name) {
                        sources.append(ImportSource(path: full, entity: entity, mapping: mappings.first { $0.entity == entity } ?? .canonical(for: entity)))
                    } else if let mapping = try? pickMapping(for: full, among: mappings) {
                        sources.append(ImportSource(path: full, entity: mapping.entity!, mapping: mapping))
                    }
                }
            } else {
                sources.append(try source(forFile: path, mappings: mappings))
            }
        }
        let order = Dictionary(uniqueKeysWithValues: Entity.allCases.enumerated().map { ($1, $0) })
        return sources.enumerated().sorted { (order[$0.element.entity]!, $0.offset) < (order[$1.element.entity]!, $1.offset) }.map(\.element)
    }

    public static func source(forFile path: String, mappings: [Mapping]) throws -> ImportSource {
        let nameEntity = Entity(fileName: path)
        if let entity = nameEntity {
            if let mapping = mappings.first(where: { $0.entity == entity }) { return ImportSource(path: path, entity: entity, mapping: mapping) }
            // A mapping without entity: applies to the file its name identifies.
            if let mapping = mappings.first(where: { $0.entity == nil }) { return ImportSource(path: path, entity: entity, mapping: mapping) }
            return ImportSource(path: path, entity: entity, mapping: .canonical(for: entity))
        }
        let mapping = try pickMapping(for: path, among: mappings)
        return ImportSource(path: path, entity: mapping.entity!, mapping: mapping)
    }

    static func pickMapping(for path: String, among mappings: [Mapping]) throws -> Mapping {
        let name = (path as NSString).lastPathComponent
        let withEntity = mappings.filter { $0.entity != nil }
        if withEntity.count == 1 { return withEntity[0] }
        if withEntity.isEmpty {
            throw ImportIssue(
                file: name, line: nil, column: nil,
                message: "cannot tell what this file holds: name it reps.csv, leads.csv, activities.csv, opportunities.csv, customers.csv, costs.csv or targets.csv, or pass --mapping FILE with an entity:")
        }
        // Several mappings: the one whose named source headers all appear in this file's header.
        let header = Set(HeaderPeek.header(of: path, mappings: withEntity))
        let fitting = withEntity.filter { m in !m.columns.isEmpty && m.columns.values.allSatisfy { $0.allSatisfy(header.contains) } }
        guard fitting.count == 1 else {
            throw ImportIssue(
                file: name, line: 1, column: nil,
                message: fitting.isEmpty
                    ? "none of the mapping files fits this file's header; check the column names in the mappings"
                    : "several mapping files fit this file's header (\(fitting.map(\.source).joined(separator: ", "))); import it with one --mapping")
        }
        return fitting[0]
    }
}
