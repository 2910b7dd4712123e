import MierukaCore
import Testing

@Suite("KPI catalog data")
struct CatalogTests {
    @Test("every catalog id is present once, with names in both languages")
    func ids() {
        let ids = KPICatalog.standard.ids
        #expect(ids.count == 62)
        #expect(Set(ids).count == ids.count)
        for d in KPICatalog.standard.definitions {
            #expect(!d.ja.isEmpty && !d.en.isEmpty && !d.formula.isEmpty, "\(d.id)")
        }
    }

    @Test("the engine answers every id for org")
    func engineCoversCatalog() {
        let v = Fixture.compute()
        for id in KPICatalog.standard.ids { #expect(v[id] != nil, "\(id) missing") }
    }

    @Test("the definition sheet lists every KPI and the current settings")
    func sheet() {
        let md = DefinitionSheet.markdown(catalog: .standard, settings: ["valid_conversation_seconds": "90"], language: .ja)
        for id in KPICatalog.standard.ids { #expect(md.contains("`\(id)`")) }
        #expect(md.contains("| 90 |"))
        #expect(md.contains("KPI定義書"))
    }

    @Test("numbers read as our users write them")
    func numberFormat() {
        #expect(NumberFormat.grouped(1234567) == "1,234,567")
        #expect(NumberFormat.yen(-4235000) == "-¥4,235,000")
        #expect(NumberFormat.percent(0.29646840148698883) == "29.6%")
        #expect(NumberFormat.format(nil, unit: .ratio) == "—")
        #expect(NumberFormat.json(1076) == "1076")
        #expect(NumberFormat.json(0.1) == "0.1")
    }
}
