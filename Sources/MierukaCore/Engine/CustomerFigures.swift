/// The existing-customer KPIs (org only) from monthly MRR rows, following catalog rule 11.
struct CustomerFigures {
    var nrr: KPIValue
    var expansionMRRShare: KPIValue
    var upsellRate: KPIValue
    var winBackRate: KPIValue
    var ltv: KPIValue

    init(customers: [CustomerMonth], period: Period, margin: Double) {
        var rows: [YearMonth: [String: CustomerMonth]] = [:]
        for c in customers { rows[c.month, default: [:]][c.customerId] = c }
        func mrr(_ id: String, _ month: YearMonth) -> Double { Double(rows[month]?[id]?.mrr ?? 0) }
        let before = period.monthBefore
        let last = period.lastMonth
        let months = period.months

        // NRR and upsell: the month before P against P's last month; "had MRR" = mrr > 0.
        let continuingBefore = (rows[before] ?? [:]).values.filter { $0.mrr > 0 }.map(\.customerId)
        let baseMRR = continuingBefore.reduce(0.0) { $0 + mrr($1, before) }
        let keptMRR = continuingBefore.reduce(0.0) { $0 + mrr($1, last) }
        nrr = .ratio(keptMRR, baseMRR)
        // Continuing = paying (mrr > 0) in both the month before P and P's last month.
        let continuing = continuingBefore.filter { mrr($0, last) > 0 }
        let upsold = continuing.filter { mrr($0, last) > mrr($0, before) }.count
        upsellRate = .ratio(Double(upsold), Double(continuing.count))

        // Expansion: month-over-month increases of customers paying (mrr > 0) in both months, over each month of P.
        var expansion = 0.0
        var totalMRR = 0.0
        for month in months {
            let previous = month.adding(months: -1)
            for row in (rows[month] ?? [:]).values {
                totalMRR += Double(row.mrr)
                let prior = mrr(row.customerId, previous)
                if row.mrr > 0, prior > 0, Double(row.mrr) > prior { expansion += Double(row.mrr) - prior }
            }
        }
        expansionMRRShare = .ratio(expansion, totalMRR)

        // Win-back: dormant in the month before P; back when a month of P has mrr > 0 and not dormant.
        let dormantAtStart = (rows[before] ?? [:]).values.filter { $0.dormant == true }.map(\.customerId)
        let wonBack = dormantAtStart.filter { id in
            months.contains { m in rows[m]?[id].map { $0.mrr > 0 && $0.dormant != true } ?? false }
        }.count
        winBackRate = .ratio(Double(wonBack), Double(dormantAtStart.count))

        // LTV = ARPA × margin ÷ monthly churn.
        var mrrSum = 0.0
        var payingMonths = 0.0
        var churned = 0.0
        var payingBefore = 0.0
        for month in months {
            let current = rows[month] ?? [:]
            for row in current.values where row.isPaying {
                mrrSum += Double(row.mrr)
                payingMonths += 1
            }
            for row in (rows[month.adding(months: -1)] ?? [:]).values where row.isPaying {
                payingBefore += 1
                if !(current[row.customerId]?.isPaying ?? false) { churned += 1 }
            }
        }
        if payingMonths == 0 {
            ltv = KPIValue(numerator: nil, denominator: payingBefore == 0 ? nil : churned / payingBefore, value: nil)
        } else {
            let arpa = mrrSum / payingMonths * margin
            let churn: Double? = payingBefore == 0 ? nil : churned / payingBefore
            ltv = KPIValue(numerator: arpa, denominator: churn, value: churn.flatMap { $0 == 0 ? nil : arpa / $0 })
        }
    }
}
