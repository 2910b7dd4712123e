import Foundation
import MierukaCore
import Testing

@Suite("Rollup cells")
struct RollupTallyTests {
    static func sample() -> RollupTally {
        var t = RollupTally()
        t[.calls] = 3
        t[.wonAmount] = 1_234_567
        t.worked[2] = 5
        t.responded[0] = 1
        t.dormantWorked[4] = 2
        t.firstResponseMinutes = [1.5, 30]
        t.recontactDays = [0.25]
        return t
    }

    @Test("bytes round-trip; truncated or padded bytes are refused, not misread")
    func bytes() {
        let t = Self.sample()
        #expect(RollupTally(bytes: t.bytes) == t)
        #expect(RollupTally(bytes: RollupTally().bytes) == RollupTally())
        #expect(RollupTally(bytes: Array(t.bytes.dropLast(8))) == nil)
        #expect(RollupTally(bytes: t.bytes + [0, 0, 0, 0, 0, 0, 0, 0]) == nil)
        #expect(RollupTally(bytes: Array(t.bytes.dropLast(3))) == nil)
        #expect(RollupTally(bytes: []) == nil)
    }

    @Test("adding a cell and taking it away again leaves the sum as it was, values and all")
    func addAndRemove() {
        var sum = Self.sample()
        var other = RollupTally()
        other[.calls] = 2
        other.worked[2] = 1
        other.firstResponseMinutes = [30, 7]
        sum.add(other)
        #expect(sum[.calls] == 5 && sum.worked[2] == 6 && sum.firstResponseMinutes.sorted() == [1.5, 7, 30, 30])
        sum.add(other, sign: -1)
        #expect(sum[.calls] == 3 && sum.worked[2] == 5 && sum.firstResponseMinutes.sorted() == [1.5, 30])
        var empty = RollupTally()
        empty.add(other)
        empty.add(other, sign: -1)
        #expect(empty.isEmpty)
    }

    @Test("a period is answered from cells when it starts a bucket and stays inside it")
    func fittingGrain() {
        func grain(_ from: String, _ to: String) -> PeriodGrain? {
            RollupGrain.fitting(from: LocalDate(from)!, to: LocalDate(to)!, fiscalYearStartMonth: 4)
        }
        #expect(grain("2026-05-20", "2026-05-21") == .day)
        #expect(grain("2026-05-18", "2026-05-25") == .week)  // Monday to Monday
        #expect(grain("2026-05-18", "2026-05-20") == .week)  // week to date
        #expect(grain("2026-05-01", "2026-05-24") == .month)  // month to date
        #expect(grain("2026-04-01", "2026-07-01") == .quarter)  // fiscal Q1
        #expect(grain("2026-04-01", "2027-04-01") == .fiscalYear)
        #expect(grain("2026-05-15", "2026-06-15") == nil)
        #expect(grain("2026-03-01", "2026-05-01") == nil)  // crosses the fiscal year
        #expect(grain("2026-05-01", "2026-05-01") == nil)
    }
}
