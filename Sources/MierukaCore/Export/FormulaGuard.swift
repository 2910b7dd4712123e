/// CSV (formula) injection: a cell that starts with = + - @ (or a tab or carriage return, which some spreadsheets strip
/// before looking) is read as a formula when the file is opened, e.g. `=HYPERLINK("http://evil","click")` in a lead's
/// company name. Exports prefix such text with an apostrophe, which every spreadsheet shows as plain text (OWASP's advice).
/// Numbers are never text cells, so a negative amount is not touched.
public enum FormulaGuard {
    static let triggers: Set<Character> = ["=", "+", "-", "@", "\t", "\r"]

    public static func neutralised(_ text: String) -> String {
        guard let first = text.first, triggers.contains(first) else { return text }
        return "'" + text
    }
}
