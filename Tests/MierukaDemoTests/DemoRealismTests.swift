import Foundation
import MierukaCore
import MierukaDemo
import Testing

@Suite("Demo generator: realistic proportions (seed benchmarks), checked through the KPI engine")
struct DemoRealismTests {
    let run = Fixture.run

    /// Org KPIs over the whole generated window.
    func kpis() -> [String: KPIValue] {
        let engine = KPIEngine()
        let period = Fixture.eventWindow
        let facts = KPIFacts.fromHistory(
            period: period, reps: run.reps, leads: run.leads, allActivities: run.activities, opportunities: run.opportunities,
            customers: run.customers, costs: run.costs)
        return Dictionary(uniqueKeysWithValues: engine.compute(facts, period: period, grouping: .org).map { ($0.kpi, $0.value) })
    }

    @Test("funnel and email rates fall in the seeds' ranges")
    func rates() throws {
        let k = kpis()
        func value(_ id: String) throws -> Double { try #require(k[id]?.value, "\(id) undefined") }
        let ranges: [(String, ClosedRange<Double>)] = [
            ("connect_rate", 0.15...0.35), ("valid_conversation_rate", 0.50...0.70), ("appointment_rate", 0.15...0.25),
            ("email_open_rate", 0.15...0.25), ("email_click_rate", 0.02...0.05), ("email_reply_rate", 0.02...0.06),
            ("opportunity_rate", 0.10...0.30), ("meeting_rate", 0.6...0.9), ("win_rate", 0.15...0.40),
            ("valid_opportunity_rate", 0.45...0.75), ("mql_rate", 0.10...0.30), ("followups_per_lead", 8...13),
            ("appointment_per_approach_rate", 0.015...0.035), ("first_call_connect_rate", 0.2...0.45),
            ("avg_deal_size", 600_000...3_000_000), ("nrr", 0.95...1.30), ("cpl", 3_000...15_000),
        ]
        for (id, range) in ranges {
            let v = try value(id)
            #expect(range.contains(v), "\(id) = \(v), expected \(range)")
        }
    }

    @Test("channels come in the intended proportions, about ten activities per lead")
    func proportions() {
        let shares = [
            "outbound_list": 0.35, "document_request": 0.20, "web_inquiry": 0.10, "seminar": 0.10, "trade_show": 0.10,
            "referral": 0.05, "dormant": 0.07, "existing_customer": 0.03,
        ]
        var counts: [String: Int] = [:]
        for l in run.leads { counts[l.channel, default: 0] += 1 }
        #expect(Set(counts.keys) == Set(shares.keys))
        for (channel, share) in shares {
            let actual = Double(counts[channel] ?? 0) / Double(run.leads.count)
            #expect(abs(actual - share) < 0.03, "\(channel): \(actual) vs \(share)")
        }
        let perLead = Double(run.activities.count) / Double(run.leads.count)
        #expect(perLead > 8.5 && perLead < 11.5, "activities per lead \(perLead)")
        let unassigned = run.leads.filter { $0.assignedTo == nil }.count
        #expect(unassigned > 0 && unassigned < run.leads.count / 20)
        let inbound = run.activities.filter { !$0.isOutbound }.count
        #expect(inbound > 0 && inbound < run.activities.count / 10)
        let owner = Dictionary(uniqueKeysWithValues: run.leads.map { ($0.id, $0.assignedTo) })
        let covered = run.activities.count { owner[$0.leadId] != $0.repId }
        #expect(covered > 0 && covered < run.activities.count / 8)
    }

    @Test("calls and emails carry only their own fields; durations match connection")
    func activityFields() {
        var connectedCalls = 0
        var valid = 0
        var emails = 0
        var bounced = 0
        for a in run.activities {
            switch a.type {
            case .call:
                #expect(a.opened == nil && a.clicked == nil && a.replied == nil && a.bounced == nil)
                let duration = a.durationSeconds ?? -1
                #expect(a.connected != nil && a.decisionMaker != nil)
                if a.connected == true {
                    #expect(duration > 0)
                    if a.isOutbound {
                        connectedCalls += 1
                        if duration >= 120 { valid += 1 }
                    }
                } else {
                    #expect(duration == 0 && a.decisionMaker == false)
                }
            case .email:
                #expect(a.durationSeconds == nil && a.connected == nil && a.decisionMaker == nil)
                #expect(a.opened != nil && a.clicked != nil && a.replied != nil && a.bounced != nil)
                emails += 1
                if a.bounced == true {
                    bounced += 1
                    #expect(a.opened == false && a.clicked == false && a.replied == false)
                }
            }
        }
        let validShare = Double(valid) / Double(connectedCalls)
        #expect(validShare > 0.5 && validShare < 0.7, "valid conversations \(validShare) of connects")
        let bounceRate = Double(bounced) / Double(emails)
        #expect(bounceRate > 0.01 && bounceRate < 0.06, "bounce rate \(bounceRate)")
    }

    @Test("MQL for a fifth to a third of inbound leads; SQL for a fraction of MQLs; statuses match what happened")
    func leadLifecycle() {
        let inbound = run.leads.filter { Fixture.inbound.contains($0.channel) }
        let mqlShare = Double(inbound.filter { $0.mqlAt != nil }.count) / Double(inbound.count)
        #expect(mqlShare > 0.18 && mqlShare < 0.35, "MQL share of inbound leads \(mqlShare)")
        let mqls = run.leads.filter { $0.mqlAt != nil }.count
        let sqls = run.leads.filter { $0.sqlAt != nil }.count
        #expect(sqls > 0 && sqls < mqls)
        let worked = Set(run.activities.filter(\.isOutbound).map(\.leadId))
        let withOpportunity = Set(run.opportunities.compactMap(\.leadId))
        for l in run.leads {
            let isWorked = worked.contains(l.id)
            let hasOpportunity = withOpportunity.contains(l.id)
            if hasOpportunity { #expect(l.status == .converted) }
            if l.status == .new { #expect(!isWorked, "\(l.id) is new but was worked") }
            if l.status == .disqualified { #expect(l.lostReason != nil) }
            if [.working, .nurturing, .disqualified, .dormant].contains(l.status) { #expect(isWorked, "\(l.id) \(l.status) never worked") }
            #expect(l.company?.isEmpty == false && l.industry != nil && l.tags != nil)
        }
        #expect(run.leads.contains { $0.nextFollowUpOn != nil })
        // Varied company names (a few repeat, as companies do across sources).
        #expect(Set(run.leads.compactMap(\.company)).count > run.leads.count * 85 / 100)
    }

    @Test("opportunities: mostly inside-sales sourced, amounts in yen ranges, Japanese lost reasons, BANT filled")
    func opportunities() {
        let o = run.opportunities
        #expect(o.count > 300)
        let inside = Double(o.filter { $0.source == .insideSales }.count) / Double(o.count)
        #expect(inside > 0.75 && inside < 0.97)
        #expect(o.contains { $0.source == .partner } && o.contains { $0.source == .marketing })
        let amounts = o.compactMap(\.amount)
        #expect(amounts.count < o.count && amounts.allSatisfy { (300_000...5_000_000).contains($0) })
        let reasons = Set(o.compactMap(\.lostReason))
        #expect(reasons.isSubset(of: ["予算不足", "時期尚早", "競合採用", "導入効果が不明確", "社内稟議否決", "現状維持", "担当者異動", "音信不通"]))
        #expect(reasons.count >= 4)
        for stage in OpportunityStage.allCases { #expect(o.contains { $0.stage == stage }, "no opportunity in stage \(stage)") }
        #expect(o.contains { $0.isReactivation == true })
        let qualityAverage = Double(o.map(QualityScore.of).reduce(0, +)) / Double(o.count)
        #expect(qualityAverage > 50 && qualityAverage < 80)
    }

    @Test("customers: a row per month from the month before the first, growth, churn and dormancy")
    func customers() {
        var byCustomer: [String: [CustomerMonth]] = [:]
        for c in run.customers { byCustomer[c.customerId, default: []].append(c) }
        let first = Fixture.options.startMonth.adding(months: -1)
        #expect(byCustomer.values.filter { $0.first?.month == first }.count >= 100)
        #expect(byCustomer.values.contains { $0.first!.month > first }, "no customer came from a win")
        for rows in byCustomer.values {
            for (a, b) in zip(rows, rows.dropFirst()) { #expect(b.month == a.month.adding(months: 1)) }
            for r in rows { #expect(r.dormant == true ? r.mrr == 0 : r.mrr > 0) }
        }
        #expect(run.customers.contains { $0.dormant == true })
        #expect(byCustomer.values.contains { $0.last!.month < Fixture.options.endMonth }, "nobody churned")
        #expect(byCustomer.values.contains { rows in zip(rows, rows.dropFirst()).contains { $1.mrr > $0.mrr && $0.mrr > 0 } })
    }

    @Test("costs each month: marketing per paid channel with visits for web channels, payroll, tools, other")
    func costs() {
        for m in 0..<6 {
            let month = Fixture.options.startMonth.adding(months: m)
            let rows = run.costs.filter { $0.month == month }
            for category in CostCategory.allCases { #expect(rows.contains { $0.category == category }, "\(month) lacks \(category)") }
            for channel in ["document_request", "web_inquiry", "seminar"] {
                let row = rows.first { $0.channel == channel }
                #expect(row?.visits.map { $0 > 0 } == true, "\(month) \(channel) without visits")
            }
            #expect(!rows.contains { $0.channel == "dormant" || $0.channel == "existing_customer" })
            #expect(rows.allSatisfy { $0.amount > 0 })
        }
    }

    @Test("targets: org = Σ reps, a rep's first month is 70 % of the role's target")
    func targets() throws {
        let t = run.targets
        #expect(Set(t.map(\.kpi)) == ["calls", "connects", "appointments", "wins", "won_amount"])
        for month in Set(t.map(\.periodStart)) {
            for kpi in ["calls", "appointments", "won_amount"] {
                let org = try #require(t.first { $0.kpi == kpi && $0.scope == .org && $0.periodStart == month })
                let reps = t.filter { $0.kpi == kpi && $0.scope == .rep && $0.periodStart == month }.map(\.value).reduce(0, +)
                #expect(org.value == reps)
            }
        }
        // The recent SDR joins in March: 70 % of a veteran SDR's calls target that month, full in April.
        let sdrs = run.reps.filter { $0.role == .sdr }
        let newcomer = try #require(sdrs.max { $0.startedOn! < $1.startedOn! })
        let veteran = try #require(sdrs.first { $0.startedOn! < Fixture.options.startMonth.firstDay })
        let march = LocalDate(year: 2026, month: 3, day: 1)
        #expect(newcomer.startedOn!.yearMonth == march.yearMonth)
        func calls(_ rep: Rep, _ start: LocalDate) -> Double? {
            t.first { $0.kpi == "calls" && $0.scopeId == rep.id && $0.periodStart == start }?.value
        }
        let new = try #require(calls(newcomer, march))
        let full = try #require(calls(veteran, march))
        #expect(abs(new / full - 0.7) < 0.05, "first-month target \(new) vs \(full)")
        #expect(calls(newcomer, LocalDate(year: 2026, month: 4, day: 1)) == calls(veteran, LocalDate(year: 2026, month: 4, day: 1)))
        #expect(calls(newcomer, LocalDate(year: 2026, month: 2, day: 1)) == nil)
    }
}
