import Foundation
import Testing

@testable import MierukaCore

@Suite("Median by selection")
struct MedianTests {
    @Test("equals the median of the sorted list, for odd and even counts, ties and random lists")
    func agreesWithSorting() {
        var generator = SystemRandomNumberGenerator()
        var cases: [[Double]] = [[], [5], [2, 1], [3, 3, 3], [1, 2, 2, 2, 9], [4, 1, 3, 2], [0.5, -1, 7.25, 7.25, 0.5, 3]]
        for n in [7, 8, 100, 101, 1_000] {
            cases.append((0..<n).map { _ in Double(Int.random(in: 0..<20, using: &generator)) })
            cases.append((0..<n).map { _ in Double.random(in: -1_000...1_000, using: &generator) })
        }
        for values in cases {
            let sorted = values.sorted()
            let n = sorted.count
            let expected: Double? = n == 0 ? nil : n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2
            let got = KPIValue.median(of: values)
            #expect(got.value == expected, "\(values)")
            #expect(got.denominator == Double(n))
        }
    }

    @Test("selection: every rank of a list with ties")
    func everyRank() {
        let values: [Double] = [5, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5]
        for rank in values.indices {
            var work = values
            #expect(Selection.select(&work, rank: rank) == values.sorted()[rank])
            #expect(work[..<rank].allSatisfy { $0 <= work[rank] } && work[rank...].allSatisfy { $0 >= work[rank] })
        }
    }
}
