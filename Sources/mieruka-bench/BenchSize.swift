import Foundation
import MierukaCore
import MierukaDemo

/// How big the benchmark's organisation is: leads and reps for the demo generator, and the activities that gives.
struct BenchSize: CustomStringConvertible {
    let leads: Int
    let reps: Int
    let months = 6
    let today: LocalDate
    /// The generator's own estimate for these options.
    let estimatedActivities: Int

    init(leads: Int?, activities: Int?, reps: Int?, quick: Bool, today: LocalDate) throws {
        self.today = today
        let wanted = activities ?? (quick ? 100_000 : 10_000_000)
        guard wanted > 0, (leads ?? 1) > 0, (reps ?? 1) > 0 else { throw BenchError("--leads, --activities and --reps must be positive") }
        if let leads {
            self.leads = leads
        } else {
            // The generator's activities per lead for this window, from its own estimate.
            let sample = DemoGenerator(options: DemoOptions(leads: 100_000, months: 6, today: today)).estimatedActivities
            self.leads = max(1, Int((Double(wanted) * 100_000 / Double(max(sample, 1))).rounded()))
        }
        // About 3,300 leads a rep over six months (a 300-rep organisation at a million leads), at least the demo's 12.
        self.reps = reps ?? max(12, self.leads / 3_300)
        estimatedActivities = DemoGenerator(options: DemoOptions(reps: self.reps, leads: self.leads, months: months, today: today)).estimatedActivities
    }

    var description: String {
        "\(grouped(leads)) leads, ≈\(grouped(estimatedActivities)) activities, \(reps) reps, \(months) months to \(today)"
    }

    func demoArguments(csv: String) -> [String] {
        ["demo", "--csv", csv, "--csv-only", "--leads", "\(leads)", "--reps", "\(reps)", "--months", "\(months)", "--today", "\(today)"]
    }
}

/// 1234567 → "1,234,567".
func grouped(_ n: Int) -> String {
    let digits = String(abs(n))
    var out = ""
    for (i, c) in digits.enumerated() {
        if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
        out.append(c)
    }
    return n < 0 ? "-" + out : out
}
