import Foundation
import MierukaCore
import MierukaDemo

/// Everything one run emitted, in order.
struct DemoRecords: DemoSink, Sendable {
    enum Event: Sendable, Equatable {
        case rep(String)
        case lead(String)
        case activity(lead: String)
        case opportunity(lead: String?)
        case customer, cost, target
    }

    var events: [Event] = []
    var reps: [Rep] = []
    var leads: [Lead] = []
    var activities: [Activity] = []
    var opportunities: [Opportunity] = []
    var customers: [CustomerMonth] = []
    var costs: [Cost] = []
    var targets: [Target] = []

    mutating func rep(_ r: Rep) throws {
        reps.append(r)
        events.append(.rep(r.id))
    }
    mutating func lead(_ l: Lead) throws {
        leads.append(l)
        events.append(.lead(l.id))
    }
    mutating func activity(_ a: Activity) throws {
        activities.append(a)
        events.append(.activity(lead: a.leadId))
    }
    mutating func opportunity(_ o: Opportunity) throws {
        opportunities.append(o)
        events.append(.opportunity(lead: o.leadId))
    }
    mutating func customer(_ c: CustomerMonth) throws {
        customers.append(c)
        events.append(.customer)
    }
    mutating func cost(_ c: Cost) throws {
        costs.append(c)
        events.append(.cost)
    }
    mutating func target(_ t: Target) throws {
        targets.append(t)
        events.append(.target)
    }

    static func generate(_ options: DemoOptions) -> DemoRecords {
        var records = DemoRecords()
        try! DemoGenerator(options: options).generate(into: &records)
        return records
    }
}

enum Fixture {
    static let tokyo = TimeZone(identifier: "Asia/Tokyo")!
    static let clock = OrgClock(timeZone: tokyo)
    /// A mid-month "today": the end month is generated up to this day.
    static let today = LocalDate(year: 2026, month: 4, day: 15)
    static let options = DemoOptions(seed: 7, leads: 3_000, today: today)
    /// The mid-size run most tests read (generated once).
    static let run = DemoRecords.generate(options)

    static let inbound: Set<String> = ["document_request", "web_inquiry", "seminar", "trade_show", "referral"]

    /// [window start 00:00, the end of `today`) in Tokyo.
    static var eventWindow: Period {
        Period(from: options.startMonth.firstDay, to: today.adding(days: 1), timeZone: tokyo)
    }
}
