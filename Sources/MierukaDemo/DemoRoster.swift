import MierukaCore

/// The demo organisation's people: who they are, when they started, what they cost, and who gets which lead.
struct DemoRoster: Sendable {
    struct Member: Sendable {
        let rep: Rep
        let startDay: Int
        /// Loaded monthly cost in yen (salary, insurance, seat).
        let monthlyCost: Int64
        var role: RepRole { rep.role }
        var isInsideSales: Bool { role == .sdr || role == .bdr || role == .isr }
    }

    static let team1 = "インサイドセールス1課"
    static let team2 = "インサイドセールス2課"
    static let fieldTeam = "フィールドセールス部"

    let members: [Member]
    /// Indices of SDR/BDR/ISR members: they own leads.
    let insideSales: [Int]
    let fieldSales: [Int]

    init(count: Int, startMonth: YearMonth, endMonth: YearMonth, rng: inout DemoRandom) {
        let n = max(1, count)
        let fs = n >= 2 ? max(1, Int((Double(n) / 6).rounded())) : 0
        let managers = n >= 5 ? 1 : 0
        let isr = n >= 7 ? max(1, n / 12) : 0
        let rest = n - fs - managers - isr
        let sdr = (rest + 1) / 2
        let bdr = rest / 2
        var roles: [RepRole] = Array(repeating: .manager, count: managers)
        roles += Array(repeating: .sdr, count: sdr) + Array(repeating: .isr, count: isr)
        roles += Array(repeating: .bdr, count: bdr) + Array(repeating: .fs, count: fs)

        // Two recent joiners (the last SDR and the last BDR when there are at least two of them) show the 70 % ramp-up.
        let lastSDR = sdr >= 2 ? roles.lastIndex(of: .sdr) : nil
        let lastBDR = bdr >= 2 ? roles.lastIndex(of: .bdr) : nil
        let windowStart = startMonth.firstDay.dayNumber
        func firstBusinessDay(of month: YearMonth) -> Int {
            var day = max(month, startMonth).firstDay.dayNumber
            let closed = JapaneseHolidays.closedDays(year: LocalDate(dayNumber: day).year)
            while LocalDate(dayNumber: day).isoWeekday > 5 || closed.contains(day) { day += 1 }
            return day
        }

        var usedNames = Set<String>()
        var members: [Member] = []
        var isTeamSize = 0
        for (i, role) in roles.enumerated() {
            var name = ""
            for attempt in 0..<50 {
                name = rng.pick(DemoVocabulary.familyNames) + " " + rng.pick(DemoVocabulary.givenNames)
                if !usedNames.contains(name) { break }
                if attempt == 49 { name += " \(i + 1)" }
            }
            usedNames.insert(name)

            let team: String
            switch role {
            case .fs: team = DemoRoster.fieldTeam
            case .bdr: team = DemoRoster.team2
            case .sdr, .isr:
                // Large organisations split the inbound section into several of at most eight people.
                isTeamSize += 1
                team = isTeamSize <= 8 ? DemoRoster.team1 : "インサイドセールス\(3 + (isTeamSize - 9) / 8)課"
            default: team = DemoRoster.team1
            }

            let startDay: Int
            if i == lastBDR {
                startDay = firstBusinessDay(of: endMonth.adding(months: -3))
            } else if i == lastSDR {
                startDay = firstBusinessDay(of: endMonth.adding(months: -1))
            } else {
                var day = windowStart - rng.int(120, 2_000)
                while LocalDate(dayNumber: day).isoWeekday > 5 { day += 1 }
                startDay = day
            }
            let cost: Int64
            switch role {
            case .manager: cost = 650_000
            case .isr: cost = 480_000
            case .fs: cost = 600_000
            default: cost = Int64(rng.int(38, 46)) * 10_000
            }
            let rep = Rep(
                id: demoID(UInt8(ascii: "R"), i + 1, width: 3), name: name, team: team, role: role,
                startedOn: LocalDate(dayNumber: startDay))
            members.append(Member(rep: rep, startDay: startDay, monthlyCost: cost))
        }
        self.members = members
        insideSales = members.indices.filter { members[$0].isInsideSales }
        fieldSales = members.indices.filter { members[$0].role == .fs }
    }

    /// How much a role takes leads of a channel: SDR inbound, BDR lists, ISR nurturing and existing customers.
    static func affinity(_ role: RepRole, channel: String) -> Double {
        switch (channel, role) {
        case ("outbound_list", .bdr): return 1
        case ("outbound_list", _): return 0.04
        case ("dormant", .bdr): return 0.6
        case ("dormant", .isr): return 1
        case ("dormant", _): return 0.1
        case ("existing_customer", .isr): return 1
        case ("existing_customer", .sdr): return 0.3
        case ("existing_customer", _): return 0.2
        case (_, .sdr): return 1
        case (_, .isr): return 0.35
        default: return 0.05
        }
    }

    /// Per channel: cumulative assignment weights over `insideSales` for leads arriving on `day`.
    /// A rep in the first 30 days gets 70 % of a full share; reps who have not started get none.
    func assignmentTable(day: Int, channels: [DemoChannel]) -> [[Double]] {
        channels.map { channel in
            var weights = insideSales.map { i -> Double in
                let m = members[i]
                guard m.startDay <= day else { return 0 }
                return DemoRoster.affinity(m.role, channel: channel.name) * (day - m.startDay < 30 ? 0.7 : 1)
            }
            if weights.allSatisfy({ $0 == 0 }) {
                weights = insideSales.map { members[$0].startDay <= day ? 1 : 0 }
            }
            if weights.allSatisfy({ $0 == 0 }) { weights = insideSales.map { _ in 1 } }
            return cumulative(weights)
        }
    }

    /// Members who may cover another rep's lead on `day` (inside sales and the manager).
    func coverPool(day: Int) -> [Int] {
        members.indices.filter { i in
            let m = members[i]
            return (m.isInsideSales || m.role == .manager) && m.startDay <= day
        }
    }
}
