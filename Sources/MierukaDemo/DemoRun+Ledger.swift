import Foundation
import MierukaCore

extension DemoRun {
    private func month(_ m: Int) -> YearMonth { startMonth.adding(months: m) }

    private func lastDay(ofMonth m: Int) -> Int {
        let ym = month(m)
        return ym.firstDay.dayNumber + LocalDate.daysIn(year: ym.year, month: ym.month) - 1
    }

    // MARK: - Customers

    /// Existing customers' MRR from the month before the first generated month, plus one new customer per win.
    /// Each month a paying customer may churn (~0.8 %), go dormant (~1.2 %), upsell (~8 %) or downsell (~1 %);
    /// a dormant one may come back (~12 %) or leave.
    mutating func customers<S: DemoSink>(into sink: inout S) throws {
        var number = 0
        let existing = max(12, options.leads / 25)
        let planCumulative = cumulative([35, 40, 20, 5])
        let planRanges: [ClosedRange<Int>] = [30...60, 80...160, 200...400, 500...1_200]
        for _ in 0..<existing {
            number += 1
            let mrr = Int64(rng.int(planRanges[rng.index(cumulative: planCumulative)])) * 1_000
            try customer(number: number, from: -1, mrr: mrr, dormant: rng.chance(0.08), into: &sink)
        }
        for m in 0..<monthCount {
            for amount in winsByMonth[m] {
                number += 1
                let mrr = amount > 0 ? max(30, Int64((Double(amount) / 12_000).rounded())) * 1_000 : Int64(rng.int(50, 150)) * 1_000
                try customer(number: number, from: m, mrr: mrr, dormant: false, into: &sink)
            }
        }
    }

    private mutating func customer<S: DemoSink>(number: Int, from first: Int, mrr start: Int64, dormant startDormant: Bool, into sink: inout S) throws
    {
        let id = demoID(UInt8(ascii: "C"), number, width: 7)
        var mrr = start
        var dormant = startDormant
        for m in first..<monthCount {
            try sink.customer(
                CustomerMonth(customerId: id, month: month(m), mrr: dormant ? 0 : mrr, plan: DemoVocabulary.plan(forMRR: mrr), dormant: dormant))
            let u = rng.unit()
            if dormant {
                if u < 0.12 {
                    dormant = false
                } else if u < 0.16 {
                    return
                }
            } else if u < 0.008 {
                return
            } else if u < 0.02 {
                dormant = true
            } else if u < 0.10 {
                mrr = Int64((Double(mrr) * rng.double(1.2, 1.7) / 1_000).rounded()) * 1_000
            } else if u < 0.11 {
                mrr = max(10_000, Int64((Double(mrr) * rng.double(0.6, 0.9) / 1_000).rounded()) * 1_000)
            }
        }
    }

    // MARK: - Costs

    /// Per month: marketing per paid channel (with landing-page visits for web channels), inside-sales payroll,
    /// tools per seat, and other costs.
    mutating func costs<S: DemoSink>(into sink: inout S) throws {
        for m in 0..<monthCount {
            let ym = month(m)
            for (c, channel) in channels.enumerated() where channel.costPerLead.upperBound > 0 {
                let leads = leadsByMonthChannel[m][c]
                guard leads > 0 else { continue }
                var amount = Double(leads) * rng.double(channel.costPerLead.lowerBound, channel.costPerLead.upperBound)
                if channel.name == "seminar" { amount += 150_000 }
                let visits = channel.conversion.map { Int64((Double(leads) / rng.double($0.lowerBound, $0.upperBound)).rounded()) }
                try sink.cost(Cost(month: ym, channel: channel.name, category: .marketing, amount: roundYen(amount, to: 1_000), visits: visits))
            }
            let end = lastDay(ofMonth: m)
            let active = roster.members.filter { $0.startDay <= end }
            let payroll = active.filter { $0.isInsideSales || $0.role == .manager }.reduce(Int64(0)) { $0 + $1.monthlyCost }
            try sink.cost(Cost(month: ym, category: .insideSales, amount: payroll))
            try sink.cost(Cost(month: ym, category: .tools, amount: Int64(active.count) * 15_000 + 120_000))
            try sink.cost(Cost(month: ym, category: .other, amount: Int64(rng.int(50, 150)) * 1_000))
        }
    }

    private func roundYen(_ amount: Double, to step: Double) -> Int64 { Int64((amount / step).rounded() * step) }

    // MARK: - Targets

    static let targetKPIs = ["calls", "connects", "appointments", "wins", "won_amount"]

    /// Monthly targets per inside-sales rep, team and org for calls, connects, appointments, wins and won_amount.
    /// A role's target is its full-month reps' pace (projected to the whole month) stretched a little, so some reps
    /// reach it and some do not; a rep's first month is 70 % of it (ramp-up).
    mutating func targets<S: DemoSink>(into sink: inout S) throws {
        let stretch = [1.05, 1.05, 1.1, 1.1, 1.1]
        var previous: [RepRole: [Double]] = [:]
        for m in 0..<monthCount {
            let first = month(m).firstDay.dayNumber
            let last = lastDay(ofMonth: m)
            let businessDays = (first...last).filter { clock.isBusinessDay($0) }.count
            let elapsed = (first...min(last, cutoffDay)).filter { clock.isBusinessDay($0) }.count
            let projection = elapsed > 0 ? Double(businessDays) / Double(elapsed) : 0

            func pace(_ members: [Int]) -> [Double]? {
                guard !members.isEmpty, projection > 0 else { return nil }
                return (0..<5).map { k in
                    let sum = members.reduce(0.0) { total, i in
                        let r = repMonths[i][m]
                        return total + [r.calls, r.connects, r.appointments, r.wins, r.wonAmount][k]
                    }
                    return sum / Double(members.count) * projection * stretch[k]
                }
            }
            let veterans = roster.insideSales.filter { roster.members[$0].startDay < first }
            var standard: [RepRole: [Double]] = [:]
            for role in [RepRole.sdr, .bdr, .isr] {
                standard[role] = pace(veterans.filter { roster.members[$0].role == role }) ?? pace(veterans) ?? previous[role]
            }
            previous = standard

            var values: [(rep: Int, value: [Double])] = []
            for i in roster.insideSales where roster.members[i].startDay <= last {
                let member = roster.members[i]
                guard let base = standard[member.role] else { continue }
                let ramp = member.startDay >= first ? 0.7 : 1
                values.append((i, base.enumerated().map { Self.targetValue(kpi: $0.offset, $0.element * ramp) }))
            }
            guard !values.isEmpty else { continue }
            let start = month(m).firstDay
            func emit(_ scope: TargetScope, _ id: String?, _ rows: [[Double]]) throws {
                for (k, kpi) in Self.targetKPIs.enumerated() {
                    let value = rows.reduce(0) { $0 + $1[k] }
                    try sink.target(Target(kpi: kpi, scope: scope, scopeId: id, period: .month, periodStart: start, value: value))
                }
            }
            try emit(.org, nil, values.map(\.value))
            var teams: [String] = []
            for v in values {
                if let team = roster.members[v.rep].rep.team, !teams.contains(team) { teams.append(team) }
            }
            for team in teams {
                try emit(.team, team, values.filter { roster.members[$0.rep].rep.team == team }.map(\.value))
            }
            for v in values { try emit(.rep, roster.members[v.rep].rep.id, [v.value]) }
        }
    }

    /// Round figures people would set: calls to tens, connects to fives, at least one appointment and one win,
    /// won amount to ¥100,000.
    static func targetValue(kpi k: Int, _ x: Double) -> Double {
        switch k {
        case 0: return max(10, (x / 10).rounded() * 10)
        case 1: return max(5, (x / 5).rounded() * 5)
        case 2, 3: return max(1, x.rounded())
        default: return max(100_000, (x / 100_000).rounded() * 100_000)
        }
    }
}
