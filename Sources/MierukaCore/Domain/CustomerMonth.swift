/// One existing customer's recurring revenue in one month (既存顧客の売上). Key: (customerId, month).
public struct CustomerMonth: Sendable, Hashable, Codable {
    public var customerId: String
    public var month: YearMonth
    public var mrr: Int64
    public var plan: String?
    public var dormant: Bool?

    public init(customerId: String, month: YearMonth, mrr: Int64, plan: String? = nil, dormant: Bool? = nil) {
        self.customerId = customerId
        self.month = month
        self.mrr = mrr
        self.plan = plan
        self.dormant = dormant
    }

    /// "Paying" in the catalog's sense: MRR above zero and not marked dormant.
    public var isPaying: Bool { mrr > 0 && dormant != true }
}
