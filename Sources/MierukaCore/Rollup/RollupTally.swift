import Foundation

/// What one rollup cell (one group of one kind on one day) holds: additive counters, distinct counters per grain, and the
/// values whose medians the catalog asks for. Cells add up; a cell subtracted from a sum that holds it leaves the rest.
public struct RollupTally: Sendable, Equatable {
    public var counters: [Double]
    /// Per grain (RollupGrain order): (group, lead) pairs first worked on this day within the grain's bucket.
    public var worked: [Double]
    /// Per grain: pairs whose later of "first worked" and "first reaction by anyone" in the bucket falls on this day.
    public var responded: [Double]
    /// Per grain: as `worked`, for leads of the dormant channel.
    public var dormantWorked: [Double]
    public var firstResponseMinutes: [Double]
    public var assignmentToContactMinutes: [Double]
    public var recontactDays: [Double]

    public init() {
        counters = Array(repeating: 0, count: RollupCounter.count)
        worked = Array(repeating: 0, count: RollupGrain.grains.count)
        responded = worked
        dormantWorked = worked
        firstResponseMinutes = []
        assignmentToContactMinutes = []
        recontactDays = []
    }

    public subscript(_ counter: RollupCounter) -> Double {
        get { counters[counter.rawValue] }
        set { counters[counter.rawValue] = newValue }
    }

    public var isEmpty: Bool {
        counters.allSatisfy { $0 == 0 } && worked.allSatisfy { $0 == 0 } && responded.allSatisfy { $0 == 0 }
            && dormantWorked.allSatisfy { $0 == 0 } && firstResponseMinutes.isEmpty && assignmentToContactMinutes.isEmpty
            && recontactDays.isEmpty
    }

    /// Adds `other` (sign +1) or takes it away (sign −1; its values leave the lists one occurrence each).
    public mutating func add(_ other: RollupTally, sign: Double = 1) {
        for i in counters.indices { counters[i] += sign * other.counters[i] }
        for i in worked.indices {
            worked[i] += sign * other.worked[i]
            responded[i] += sign * other.responded[i]
            dormantWorked[i] += sign * other.dormantWorked[i]
        }
        if sign > 0 {
            firstResponseMinutes += other.firstResponseMinutes
            assignmentToContactMinutes += other.assignmentToContactMinutes
            recontactDays += other.recontactDays
        } else {
            Self.remove(other.firstResponseMinutes, from: &firstResponseMinutes)
            Self.remove(other.assignmentToContactMinutes, from: &assignmentToContactMinutes)
            Self.remove(other.recontactDays, from: &recontactDays)
        }
    }

    private static func remove(_ values: [Double], from list: inout [Double]) {
        for v in values {
            if let i = list.firstIndex(of: v) { list.remove(at: i) }
        }
    }

    // MARK: - Bytes

    /// Little-endian doubles: counters, the three grain rows, then each list as a count and its values.
    public var bytes: [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(8 * (counters.count + 3 * worked.count + 3 + firstResponseMinutes.count
            + assignmentToContactMinutes.count + recontactDays.count))
        func put(_ v: Double) { withUnsafeBytes(of: v.bitPattern.littleEndian) { out.append(contentsOf: $0) } }
        for v in counters { put(v) }
        for row in [worked, responded, dormantWorked] { for v in row { put(v) } }
        for list in [firstResponseMinutes, assignmentToContactMinutes, recontactDays] {
            put(Double(list.count))
            for v in list { put(v) }
        }
        return out
    }

    /// Reads what `bytes` wrote; nil when the bytes are not a tally of this version (the caller rebuilds).
    public init?(bytes: [UInt8]) {
        let fixed = RollupCounter.count + 3 * RollupGrain.grains.count
        guard bytes.count >= 8 * (fixed + 3), bytes.count % 8 == 0 else { return nil }
        // Whole doubles at once: a month of cells is read for every answer.
        var values = [Double](repeating: 0, count: bytes.count / 8)
        values.withUnsafeMutableBytes { target in bytes.withUnsafeBytes { target.copyMemory(from: $0) } }
        if UInt64(1).littleEndian != 1 { values = values.map { Double(bitPattern: UInt64(littleEndian: $0.bitPattern)) } }
        let g = RollupGrain.grains.count
        self.init()
        counters = Array(values[0..<RollupCounter.count])
        worked = Array(values[RollupCounter.count..<(RollupCounter.count + g)])
        responded = Array(values[(RollupCounter.count + g)..<(RollupCounter.count + 2 * g)])
        dormantWorked = Array(values[(RollupCounter.count + 2 * g)..<fixed])
        var offset = fixed
        var lists: [[Double]] = []
        for _ in 0..<3 {
            guard offset < values.count else { return nil }
            let n = values[offset]
            guard n >= 0, n == n.rounded(), offset + 1 + Int(n) <= values.count else { return nil }
            lists.append(Array(values[(offset + 1)..<(offset + 1 + Int(n))]))
            offset += 1 + Int(n)
        }
        guard offset == values.count else { return nil }
        firstResponseMinutes = lists[0]
        assignmentToContactMinutes = lists[1]
        recontactDays = lists[2]
    }
}
