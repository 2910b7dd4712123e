import Foundation

/// Runs benchmarks/duckdb/run.py (python3 with the duckdb module, installed with pip when missing) and reads its JSON.
enum DuckDBReference {
    /// One KPI figure as DuckDB gives it.
    enum Answer: CustomStringConvertible {
        case count(Int)
        case ratio(Int, Int)

        var description: String {
            switch self {
            case .count(let n): return "\(n)"
            case .ratio(let n, let d): return "\(n)/\(d)"
            }
        }
    }

    struct Result {
        let version: String
        let seconds: [Double]
        /// rep id → kpi → answer.
        let reps: [String: [String: Answer]]
    }

    static func run(csv: String, from: String, to: String, validSeconds: Int, repeat: Int) throws -> Result {
        let script = try folder().appendingPathComponent("run.py").path
        let python = try Tool.required("python3", debianPackage: "python3")
        if try python.run(["-c", "import duckdb"]).status != 0 {
            say("      the duckdb module is missing: pip install duckdb")
            _ = try python.run(["-m", "pip", "install", "--quiet", "duckdb"])
            // Debian's own Python refuses pip installs outside a virtual environment (PEP 668) unless told.
            if try python.run(["-c", "import duckdb"]).status != 0 {
                _ = try python.run(["-m", "pip", "install", "--quiet", "--break-system-packages", "duckdb"])
            }
        }
        let output = try python.check([script, csv, from, to, "\(validSeconds)", "\(`repeat`)"], what: "DuckDB reference (\(script))")
        guard let json = try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any],
              let seconds = json["seconds"] as? [Double], let reps = json["reps"] as? [String: [String: Any]]
        else { throw BenchError("the DuckDB reference printed no JSON answer: \(output.stdout.prefix(500))") }
        var answers: [String: [String: Answer]] = [:]
        for (rep, kpis) in reps {
            for (kpi, value) in kpis {
                if let n = value as? Int {
                    answers[rep, default: [:]][kpi] = .count(n)
                } else if let pair = value as? [Int], pair.count == 2 {
                    answers[rep, default: [:]][kpi] = .ratio(pair[0], pair[1])
                }
            }
        }
        return Result(version: json["duckdb"] as? String ?? "?", seconds: seconds, reps: answers)
    }

    /// benchmarks/duckdb in the package: found upwards from the bench binary (…/.build/…/release), else from the
    /// current folder (`swift run` starts in the package root).
    static func folder() throws -> URL {
        var starts = [URL(fileURLWithPath: FileManager.default.currentDirectoryPath)]
        starts.insert(URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent(), at: 0)
        for start in starts {
            var dir = start
            for _ in 0..<8 {
                let candidate = dir.appendingPathComponent("benchmarks/duckdb")
                if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("run.py").path) { return candidate }
                dir.deleteLastPathComponent()
            }
        }
        throw BenchError("benchmarks/duckdb/run.py not found above \(starts[0].path): run the bench from the package (swift run -c release mieruka-bench)")
    }
}
