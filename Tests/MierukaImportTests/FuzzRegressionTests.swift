import Foundation
import MierukaImport
import Testing

/// Inputs the fuzzers in Fuzz/ (scripts/fuzz.sh) found to break an invariant, kept so the fix stays fixed.
@Suite("Fuzzer findings in the mapping loader and date parsing")
struct FuzzRegressionTests {
    /// fuzz-mapping: a mapping naming two fields its entity lacks reported one or the other at random (the check walked
    /// a Set), so the CLI, the import page and a rerun could each name a different field.
    @Test func twoUnknownFieldsAlwaysReportTheSameOne() {
        let text = """
            entity: opportunities
            columns:
              opportunity_id: 商談 ID
              expecte: リード ID
              meeting_at:ost_reason: 失注理由

            """
        var messages: Set<String> = []
        for _ in 0..<50 {
            do {
                _ = try MappingLoader.parse(text, name: "m.yaml")
                Issue.record("the mapping loaded although it names fields opportunities do not have")
            } catch {
                messages.insert("\(error)")
            }
        }
        #expect(messages.count == 1, "\(messages.sorted())")
        #expect(messages.first?.contains("\"expecte\" is not a field of opportunities") == true, "\(messages.sorted())")
    }

    /// The same with both fields on one line (a flow mapping), where their line alone cannot order them.
    @Test func twoUnknownFieldsOnOneLineAlwaysReportTheSameOne() {
        let text = "entity: leads\ncolumns: {zeta: A, lead_id: B, alpha: C}\n"
        var messages: Set<String> = []
        for _ in 0..<50 {
            #expect(throws: ImportIssue.self) { try MappingLoader.parse(text, name: "m.yaml") }
            do { _ = try MappingLoader.parse(text, name: "m.yaml") } catch { messages.insert("\(error)") }
        }
        #expect(messages.count == 1, "\(messages.sorted())")
    }

    /// fuzz-mapping (1M-run): a file with keys given twice got Yams' message, which quotes the whole file and names a
    /// different position from one load to the next. The input as the fuzzer left it, mutated from an example mapping.
    @Test func duplicatedKeysAlwaysGiveTheSameShortMessage() {
        let text = #"""
            # Salesforce 商談レポートのエクスポート (日本語表示, UTF-8) → opportunities
            # Report columns: 商談 ID, リード ID, 作成者 ID, 所有者 ID,, フェーズ, 金額, 完了予定日, 完了日, 失注理由
            entitycoding: auto
            columns:
              opportunity_id: 商談 ID
              lead_id: リード ID
            ?  created_by: 作成者 IEOUT)e'.H:mm"
            date_format: osed,_at"{!=!uLaoKCm!OLUDz_SDK_VERSIONforCLOUDz_SDKormatlos"yyyy/M 作成日, 初回商談日, フェーズ, 金額, 完了予定日, 完了日, 失注理由
            entitycoding: auto
            columns:
              opportunity_id: 商談 ID
              lead_id: リード ID
            ?  created_by: 作成者 IEOUT)e'.H:mm"
            date_format: osed,_at"{!=!uLaoKCm!OLUDz_SDK_VERSIONforCLOUDz_SDKormatlos"yyyy/MM/dd"
            timezone: Asia/Tokyo
            """#
        var messages: Set<String> = []
        for _ in 0..<50 {
            do {
                _ = try MappingLoader.parse(text, name: "m.yaml")
                Issue.record("a mapping with duplicated keys loaded")
            } catch {
                messages.insert("\(error)")
            }
        }
        #expect(messages.count == 1, "\(messages.sorted())")
        let message = messages.first ?? ""
        #expect(message.contains("(a key that is not text) twice, \"columns\" twice, \"date_format\" twice, \"entitycoding\" twice in one mapping"), "\(message)")
        #expect(!message.contains("Asia/Tokyo"), "the message quotes the file: \(message)")
    }
}
