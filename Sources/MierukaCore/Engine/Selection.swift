/// The k-th smallest value of a list (0-based) in expected linear time (quickselect, Hoare partition with the middle
/// element as pivot). Afterwards `values[..<rank]` holds values ≤ the answer and `values[rank...]` values ≥ it.
enum Selection {
    static func select(_ values: inout [Double], rank: Int) -> Double {
        precondition(rank >= 0 && rank < values.count)
        var low = 0
        var high = values.count - 1
        while low < high {
            let pivot = values[low + (high - low) / 2]
            var i = low
            var j = high
            while i <= j {
                while values[i] < pivot { i += 1 }
                while values[j] > pivot { j -= 1 }
                if i <= j {
                    values.swapAt(i, j)
                    i += 1
                    j -= 1
                }
            }
            // Now values[low...j] ≤ pivot ≤ values[i...high], and values[j+1..<i] == pivot.
            if rank <= j {
                high = j
            } else if rank >= i {
                low = i
            } else {
                return values[rank]
            }
        }
        return values[rank]
    }
}
