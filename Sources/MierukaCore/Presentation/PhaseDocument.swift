import Foundation

/// The phase diagnosis and its transition plan as one JSON document (`mieruka phase --format json`, and for the API).
/// Texts come in both languages so a client can pick one without asking again.
public struct PhaseDocument: Encodable, Sendable {
    public var scope: String
    public var team: String?
    public var month: String
    public var monthsOfData: Int
    public var phase: Phase
    public var qualifying: [Phase]
    /// "none" or "several" when the seed's rule alone does not decide; nil when it does.
    public var ambiguity: String?
    public var reasonJa: String
    public var reasonEn: String
    public var tallies: [Tally]
    public var items: [Item]
    /// nil from 成熟期 (no next phase).
    public var transition: Transition?

    public struct Tally: Encodable, Sendable {
        public var phase: Phase
        public var yes: Int
        public var no: Int
        public var unknown: Int
        public var threshold: Int
        public var qualifies: Bool
    }

    public struct Item: Encodable, Sendable {
        public var id: String
        public var code: String
        public var phase: Phase
        public var ja: String
        public var en: String
        public var source: AnswerSource
        public var answer: ItemAnswer
        public var evidenceJa: String
        public var evidenceEn: String
    }

    public struct Transition: Encodable, Sendable {
        public var from: Phase
        public var to: Phase
        public var start: String
        public var steps: [Step]
    }

    public struct Step: Encodable, Sendable {
        public var stage: TransitionStage
        public var first: String
        public var last: String?
        public var leading: [String]
        public var reference: [String]
        public var demoted: [String]
        public var actionsJa: [String]
        public var actionsEn: [String]
    }

    public init(_ d: PhaseDiagnosis, team: String?, month: YearMonth, plan: TransitionPlan?) {
        scope = team == nil ? "org" : "team"
        self.team = team
        self.month = month.description
        monthsOfData = d.monthsOfData
        phase = d.phase
        qualifying = d.qualifying
        ambiguity = d.ambiguity?.rawValue
        reasonJa = d.reasonJa
        reasonEn = d.reasonEn
        tallies = d.tallies.map {
            Tally(phase: $0.phase, yes: $0.yes, no: $0.no, unknown: $0.unknown, threshold: $0.threshold, qualifies: $0.qualifies)
        }
        items = d.items.map {
            Item(id: $0.item.id, code: $0.item.code, phase: $0.item.phase, ja: $0.item.ja, en: $0.item.en, source: $0.source, answer: $0.answer,
                 evidenceJa: $0.evidenceJa, evidenceEn: $0.evidenceEn)
        }
        transition = plan.map { p in
            Transition(from: p.from, to: p.to, start: p.start.description, steps: p.steps.map {
                Step(stage: $0.stage, first: $0.first.description, last: $0.last?.description, leading: $0.leading, reference: $0.reference,
                     demoted: $0.demoted, actionsJa: $0.actionsJa, actionsEn: $0.actionsEn)
            })
        }
    }

    /// Snake-case keys in a fixed order, Japanese unescaped.
    public func json() throws -> String { try JSONDocument.encode(self) }
}

/// The one JSON encoder setting the phase and SMART documents share.
public enum JSONDocument {
    public static func encode(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
