/// A month's spending (コスト). Cost rows have no id: every row counts.
public struct Cost: Sendable, Hashable, Codable {
    public var month: YearMonth
    public var channel: String?
    public var category: CostCategory
    public var amount: Int64
    public var visits: Int64?

    public init(month: YearMonth, channel: String? = nil, category: CostCategory, amount: Int64, visits: Int64? = nil) {
        self.month = month
        self.channel = channel
        self.category = category
        self.amount = amount
        self.visits = visits
    }
}

public enum CostCategory: String, Sendable, Hashable, Codable, CaseIterable {
    case marketing
    case insideSales = "inside_sales"
    case tools
    case other
}
