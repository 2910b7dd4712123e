import Foundation

/// A lost or disqualified reason that says "not now" rather than "never", so the lead is worth a call again later
/// (004: 検討を一時中断したリードも、半年後や翌年度に再度チャンスが訪れる; 「3か月後に再架電」).
///
/// Timing and budget change with the customer's calendar and fiscal year (000: 導入時期や予算感; 002: BANT's Budget and
/// Timeline); a paused evaluation (保留) resumes. Other reasons are left out on purpose: a competitor chosen or no need
/// do not change by waiting, unreachable leads are already listed as dormant, and a price objection asks for a different
/// proposal (004 records 価格 to sharpen the next proposal), not for a later call.
public enum RetryReason: String, Sendable, Hashable, Codable, CaseIterable {
    case timing
    case budget
    case onHold = "on_hold"

    /// Words that mark each kind in a free-text reason, Japanese and English, matched case-insensitively.
    static let keywords: [(RetryReason, [String])] = [
        (.timing, ["時期", "タイミング", "尚早", "来期", "来年度", "timing", "too early", "next year"]),
        (.budget, ["予算", "budget"]),
        (.onHold, ["保留", "中断", "on hold", "on_hold", "paused"]),
    ]

    /// The kind a recorded reason falls under, or nil when it is not one worth a retry.
    public static func classify(_ reason: String?) -> RetryReason? {
        guard let text = reason?.lowercased(), !text.isEmpty else { return nil }
        return keywords.first { _, words in words.contains { text.contains($0) } }?.0
    }

    public func label(_ language: Language) -> String {
        switch (self, language) {
        case (.timing, .ja): return "時期"
        case (.budget, .ja): return "予算"
        case (.onHold, .ja): return "保留"
        case (.timing, .en): return "timing"
        case (.budget, .en): return "budget"
        case (.onHold, .en): return "on hold"
        }
    }
}
