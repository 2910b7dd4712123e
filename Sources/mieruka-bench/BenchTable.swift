import Foundation

/// The figures of one run, printed as a table at the end: measured value, reference, ratio and the target.
struct BenchTable {
    private(set) var rows: [[String]] = []
    private(set) var notes: [String] = []

    mutating func row(_ what: String, _ value: String, reference: String = "", ratio: String = "", target: String = "") {
        rows.append([what, value, reference, ratio, target])
    }

    mutating func note(_ text: String) { notes.append(text) }

    func render() -> String {
        let header = ["figure", "mieruka", "reference (same run)", "ratio", "target"]
        let all = [header] + rows
        let widths = (0..<header.count).map { column in all.map { $0[column].count }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            zip(cells, widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }.joined(separator: " | ")
        }
        var out = [line(header), widths.map { String(repeating: "-", count: $0) }.joined(separator: "-|-")]
        out += rows.map(line)
        out += notes.map { "· " + $0 }
        return out.joined(separator: "\n")
    }
}
