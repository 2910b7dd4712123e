import MierukaCore

/// How leads of one source behave: their share of new leads and the rates that shape their activities.
struct DemoChannel: Sendable {
    enum FirstTouch: Sendable {
        /// Web forms: first response within minutes to hours (the 初動スピード the seeds stress).
        case minutes
        /// Event lists: followed up one to a few business days after the event.
        case afterEvent
        /// Lists worked through over the next business days.
        case withinDays(Int)
    }

    let name: String
    let share: Double
    /// Inquiries (SLA scope) as opposed to lists.
    let inbound: Bool
    /// Leads arrive in batches on event days (seminars, trade shows).
    let eventDriven: Bool
    let connect: Double
    let appointment: Double
    let emailShare: Double
    let neverWorked: Double
    let firstTouch: FirstTouch
    let touches: ClosedRange<Int>
    /// 今すぐ / 情報収集 / 将来検討 weights.
    let temperature: (now: Double, researching: Double, future: Double)
    /// Marketing cost per lead in yen (0 = no marketing cost row).
    let costPerLead: ClosedRange<Double>
    /// Landing-page conversion rate, for channels with visits.
    let conversion: ClosedRange<Double>?

    var sourceWeights: [(OpportunitySource, Double)] {
        switch name {
        case "referral": return [(.partner, 0.6), (.insideSales, 0.4)]
        case "existing_customer": return [(.fieldSales, 0.5), (.insideSales, 0.5)]
        case "seminar", "trade_show": return [(.marketing, 0.15), (.insideSales, 0.85)]
        default: return [(.insideSales, 1)]
        }
    }

    static let all: [DemoChannel] = [
        DemoChannel(
            name: "outbound_list", share: 0.35, inbound: false, eventDriven: false, connect: 0.20, appointment: 0.17,
            emailShare: 0.25, neverWorked: 0.05, firstTouch: .withinDays(12), touches: 16...28,
            temperature: (0.06, 0.3, 0.64), costPerLead: 400...900, conversion: nil),
        DemoChannel(
            name: "document_request", share: 0.20, inbound: true, eventDriven: false, connect: 0.30, appointment: 0.2,
            emailShare: 0.32, neverWorked: 0.03, firstTouch: .minutes, touches: 14...24,
            temperature: (0.15, 0.45, 0.40), costPerLead: 7_000...11_000, conversion: 0.05...0.08),
        DemoChannel(
            name: "web_inquiry", share: 0.10, inbound: true, eventDriven: false, connect: 0.40, appointment: 0.32,
            emailShare: 0.28, neverWorked: 0.015, firstTouch: .minutes, touches: 12...20,
            temperature: (0.3, 0.45, 0.25), costPerLead: 10_000...16_000, conversion: 0.015...0.03),
        DemoChannel(
            name: "seminar", share: 0.10, inbound: true, eventDriven: true, connect: 0.30, appointment: 0.09,
            emailShare: 0.35, neverWorked: 0.05, firstTouch: .afterEvent, touches: 14...24,
            temperature: (0.1, 0.45, 0.45), costPerLead: 6_000...10_000, conversion: 0.08...0.12),
        DemoChannel(
            name: "trade_show", share: 0.10, inbound: true, eventDriven: true, connect: 0.24, appointment: 0.05,
            emailShare: 0.35, neverWorked: 0.08, firstTouch: .afterEvent, touches: 14...24,
            temperature: (0.06, 0.34, 0.6), costPerLead: 12_000...20_000, conversion: nil),
        DemoChannel(
            name: "referral", share: 0.05, inbound: true, eventDriven: false, connect: 0.40, appointment: 0.25,
            emailShare: 0.25, neverWorked: 0.02, firstTouch: .minutes, touches: 12...20,
            temperature: (0.3, 0.45, 0.25), costPerLead: 3_000...6_000, conversion: nil),
        DemoChannel(
            name: "dormant", share: 0.07, inbound: false, eventDriven: false, connect: 0.22, appointment: 0.06,
            emailShare: 0.3, neverWorked: 0.06, firstTouch: .withinDays(15), touches: 15...26,
            temperature: (0.06, 0.3, 0.64), costPerLead: 0...0, conversion: nil),
        DemoChannel(
            name: "existing_customer", share: 0.03, inbound: false, eventDriven: false, connect: 0.45, appointment: 0.28,
            emailShare: 0.3, neverWorked: 0.02, firstTouch: .withinDays(5), touches: 12...20,
            temperature: (0.2, 0.45, 0.35), costPerLead: 0...0, conversion: nil),
    ]
}
