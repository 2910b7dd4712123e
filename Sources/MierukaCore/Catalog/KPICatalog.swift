import Foundation

/// The agreed KPI definitions, loaded once from the bundled catalog data (kpi-catalog.md as data).
public struct KPICatalog: Sendable {
    public let definitions: [KPIDefinition]
    private let byId: [String: KPIDefinition]

    public init(definitions: [KPIDefinition]) {
        self.definitions = definitions
        self.byId = Dictionary(definitions.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The catalog shipped with the product.
    public static let standard: KPICatalog = {
        do {
            let definitions = try JSONDecoder().decode([KPIDefinition].self, from: Data(KPICatalog.bundledJSON.utf8))
            return KPICatalog(definitions: definitions)
        } catch {
            preconditionFailure("the bundled KPI catalog does not decode: \(error)")
        }
    }()

    public subscript(id: String) -> KPIDefinition? { byId[id] }
    public var ids: [String] { definitions.map(\.id) }
}
