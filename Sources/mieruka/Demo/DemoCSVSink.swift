import Foundation
import MierukaCSV
import MierukaCore
import MierukaDemo

/// Writes the demo organisation as canonical CSV files, one per entity, streaming.
struct DemoCSVSink: DemoSink {
    private var writers: [Entity: CSVWriter] = [:]
    private var handles: [Entity: FileHandle] = [:]
    private let row: CanonicalRow
    private(set) var counts: [Entity: Int] = [:]
    /// Called every 100,000 activities (progress).
    var onProgress: ((Int) -> Void)?

    init(directory: String, timeZone: TimeZone) throws {
        row = CanonicalRow(timeZone: timeZone)
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        for entity in Entity.allCases {
            let path = (directory as NSString).appendingPathComponent("\(entity.rawValue).csv")
            guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forWritingAtPath: path) else {
                throw ValidationErrorText("cannot write \(path) (check that the folder is writable)")
            }
            handles[entity] = handle
            // No BOM: these files are for machines (import, benchmarks); exports for Excel carry one.
            var writer = CSVWriter(handle: handle, bom: false)
            try writer.write(entity.headers)
            writers[entity] = writer
        }
    }

    private mutating func put(_ entity: Entity, _ cells: [String]) throws {
        try writers[entity]!.write(cells)
        counts[entity, default: 0] += 1
    }

    mutating func rep(_ r: Rep) throws { try put(.reps, row.cells(r)) }
    mutating func lead(_ l: Lead) throws { try put(.leads, row.cells(l)) }
    mutating func activity(_ a: Activity) throws {
        try put(.activities, row.cells(a))
        if let onProgress, counts[.activities]! % 100_000 == 0 { onProgress(counts[.activities]!) }
    }
    mutating func opportunity(_ o: Opportunity) throws { try put(.opportunities, row.cells(o)) }
    mutating func customer(_ c: CustomerMonth) throws { try put(.customers, row.cells(c)) }
    mutating func cost(_ c: Cost) throws { try put(.costs, row.cells(c)) }
    mutating func target(_ t: Target) throws { try put(.targets, row.cells(t)) }

    mutating func close() throws {
        for entity in Entity.allCases {
            try writers[entity]!.flush()
            try handles[entity]!.close()
        }
    }
}

/// An error whose text is the whole message.
struct ValidationErrorText: Error, CustomStringConvertible {
    let description: String
    init(_ text: String) { description = text }
}
