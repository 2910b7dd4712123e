import MierukaCore

/// Receives the demo organisation record by record (a CSV writer, a store importer, a counter…).
///
/// Order: every rep; then lead by lead: the lead, its activities in time order, its opportunity if any;
/// then customer months, costs and targets.
public protocol DemoSink {
    mutating func rep(_ r: Rep) throws
    mutating func lead(_ l: Lead) throws
    mutating func activity(_ a: Activity) throws
    mutating func opportunity(_ o: Opportunity) throws
    mutating func customer(_ c: CustomerMonth) throws
    mutating func cost(_ c: Cost) throws
    mutating func target(_ t: Target) throws
}

/// A sink that only counts what it receives (progress bars, benchmarks, tests).
public struct DemoCountingSink: DemoSink, Sendable {
    public var reps = 0
    public var leads = 0
    public var activities = 0
    public var opportunities = 0
    public var customers = 0
    public var costs = 0
    public var targets = 0

    public init() {}

    public mutating func rep(_ r: Rep) throws { reps += 1 }
    public mutating func lead(_ l: Lead) throws { leads += 1 }
    public mutating func activity(_ a: Activity) throws { activities += 1 }
    public mutating func opportunity(_ o: Opportunity) throws { opportunities += 1 }
    public mutating func customer(_ c: CustomerMonth) throws { customers += 1 }
    public mutating func cost(_ c: Cost) throws { costs += 1 }
    public mutating func target(_ t: Target) throws { targets += 1 }
}
