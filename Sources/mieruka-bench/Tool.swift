import Foundation

/// A program the benchmark runs: the `mieruka` binary next to the bench, sqlite3, python3, wrk.
struct Tool {
    let path: String

    /// The result of one run: exit status, both outputs and the wall time it took.
    struct Run {
        let status: Int32
        let stdout: String
        let stderr: String
        let seconds: Double
    }

    /// Runs to completion; standard input gets `input` (then end of file).
    func run(_ arguments: [String], input: String? = nil, currentDirectory: String? = nil) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        if let currentDirectory { process.currentDirectoryURL = URL(fileURLWithPath: currentDirectory) }
        let out = Pipe(), err = Pipe(), inPipe = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = inPipe
        let started = DispatchTime.now()
        try process.run()
        if let input { inPipe.fileHandleForWriting.write(Data(input.utf8)) }
        try? inPipe.fileHandleForWriting.close()
        // Read both pipes while the child runs so neither fills up and blocks it.
        let group = DispatchGroup()
        let errData = DataBox()
        group.enter()
        DispatchQueue.global().async {
            errData.data = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
        return Run(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                   stderr: String(decoding: errData.data, as: UTF8.self), seconds: seconds)
    }

    /// Runs and fails with the program's own error output when it exits non-zero.
    func check(_ arguments: [String], input: String? = nil, what: String) throws -> Run {
        let result = try run(arguments, input: input)
        guard result.status == 0 else {
            throw BenchError("\(what) failed (exit \(result.status)): \((result.stderr + result.stdout).suffix(2_000))")
        }
        return result
    }

    /// The first executable called `name` on PATH.
    static func onPath(_ name: String) -> Tool? {
        let dirs = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":")
        for dir in dirs {
            let candidate = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return Tool(path: candidate) }
        }
        return nil
    }

    /// A program the benchmark needs, installed from Debian's packages when it is missing (root only).
    static func required(_ name: String, debianPackage: String) throws -> Tool {
        if let tool = onPath(name) { return tool }
        say("  \(name) is missing: apt-get install -y \(debianPackage)")
        if let apt = onPath("apt-get") {
            _ = try? apt.run(["update", "-qq"])
            _ = try? apt.run(["install", "-y", "-qq", debianPackage])
        }
        guard let tool = onPath(name) else {
            throw BenchError("\(name) is required: install the Debian package \(debianPackage) (apt-get install \(debianPackage))")
        }
        return tool
    }

    /// The `mieruka` binary built next to this one (`swift build -c release` builds both).
    static func mieruka() throws -> Tool {
        let own = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        let candidates = [
            own.deletingLastPathComponent().appendingPathComponent("mieruka").path,
            Bundle.main.executableURL?.deletingLastPathComponent().appendingPathComponent("mieruka").path,
        ].compactMap { $0 }
        for candidate in candidates where FileManager.default.isExecutableFile(atPath: candidate) { return Tool(path: candidate) }
        throw BenchError("the mieruka binary is not next to mieruka-bench (\(candidates[0])): run `swift build -c release` first")
    }
}

/// Why the benchmark stopped: the whole message, with what to do.
struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ text: String) { description = text }
}

/// Prints a line at once (progress must show while a step runs, also through a pipe).
func say(_ text: String) {
    FileHandle.standardOutput.write(Data((text + "\n").utf8))
}

/// Seconds since `start`.
func elapsed(since start: DispatchTime) -> Double {
    Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
}

/// Standard error read on another thread; read only after that thread is done (DispatchGroup.wait).
private final class DataBox: @unchecked Sendable {
    var data = Data()
}
