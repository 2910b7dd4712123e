/// 商談品質スコア (100 points, seed 002): BANT, need, decision process and next action.
public enum QualityScore {
    public static func of(_ o: Opportunity) -> Int {
        // An empty bool is not confirmed (catalog rule 10).
        let bantItems = [o.budget == true, o.authority == true, o.timeline == true, o.need == .clear || o.need == .outline]
        let confirmed = bantItems.filter { $0 }.count
        let bant = confirmed == 4 ? 30 : confirmed == 3 ? 20 : 10
        let need: Int
        switch o.need {
        case .clear: need = 25
        case .outline: need = 15
        default: need = 5
        }
        let process: Int
        switch o.decisionProcess {
        case .detailed: process = 25
        case .outline: process = 15
        default: process = 5
        }
        let next: Int
        switch o.nextAction {
        case .scheduled: next = 20
        case .monthOnly: next = 10
        default: next = 0
        }
        return bant + need + process + next
    }
}
