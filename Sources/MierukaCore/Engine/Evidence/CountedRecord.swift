/// One record a figure counted: its entity and id, and the value it contributed when the count adds values.
/// Costs have no id of their own; theirs is `month|channel|category`.
public struct CountedRecord: Sendable, Hashable {
    public var entity: Entity
    public var id: String
    public var value: Double?

    public init(entity: Entity, id: String, value: Double? = nil) {
        self.entity = entity
        self.id = id
        self.value = value
    }

    static func costId(_ c: Cost) -> String { "\(c.month)|\(c.channel ?? "")|\(c.category.rawValue)" }
    static func customerId(_ c: CustomerMonth) -> String { "\(c.customerId)|\(c.month)" }
}
