/// One step of the call funnel 架電 → コネクト → 有効会話 → アポ → 商談 → 受注, named by the catalog rate that judges it.
public enum FunnelStep: String, Sendable, Hashable, Codable, CaseIterable {
    case connect = "connect_rate"
    case validConversation = "valid_conversation_rate"
    case appointment = "appointment_rate"
    case meeting = "meeting_rate"
    case win = "win_rate"

    /// The stages' count KPIs in order; step i goes from stage i to stage i + 1.
    public static let stageKPIs = ["calls", "connects", "valid_conversations", "appointments", "meetings", "wins"]

    /// The catalog KPI whose target or benchmark band judges this step.
    public var rateKPI: String { rawValue }

    /// The count the step starts from (its denominator).
    public var fromKPI: String { FunnelStep.stageKPIs[index] }

    /// The count the step reaches (its numerator).
    public var toKPI: String { FunnelStep.stageKPIs[index + 1] }

    /// Position in the funnel: 0 for calls → connects.
    public var index: Int { FunnelStep.allCases.firstIndex(of: self)! }
}
