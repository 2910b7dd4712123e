import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import ZIPFoundation

/// Reads a workbook we wrote back the way a spreadsheet program would: the ZIP parts, each sheet's cells with their
/// type and style, and the number format each style names. Independent of the writer's code.
public struct XLSXReadBack {
    public struct Cell: Equatable, Sendable {
        public var reference: String
        /// "n" for numbers, "inlineStr" for text.
        public var type: String
        public var value: String
        public var style: Int
    }

    public var parts: [String: Data] = [:]
    public var sheetNames: [String] = []
    public var sheets: [[Cell]] = []
    /// Style index → number format code ("General" when the style has none).
    public var formats: [Int: String] = [:]

    public init(_ data: Data) throws {
        let archive = try Archive(data: data, accessMode: .read)
        for entry in archive {
            var bytes = Data()
            _ = try archive.extract(entry) { bytes.append($0) }
            parts[entry.path] = bytes
        }
        let workbook = Elements(parts["xl/workbook.xml"] ?? Data())
        sheetNames = workbook.elements.filter { $0.name == "sheet" }.compactMap { $0.attributes["name"] }
        for i in sheetNames.indices { sheets.append(Self.cells(parts["xl/worksheets/sheet\(i + 1).xml"] ?? Data())) }
        let styles = Elements(parts["xl/styles.xml"] ?? Data())
        var codes: [String: String] = [:]
        for e in styles.elements where e.name == "numFmt" { codes[e.attributes["numFmtId"] ?? ""] = e.attributes["formatCode"] }
        var inCellXfs = false
        var index = 0
        for e in styles.elements {
            if e.name == "cellXfs" { inCellXfs = true; continue }
            if e.name == "cellStyles" { inCellXfs = false }
            if inCellXfs && e.name == "xf" {
                formats[index] = codes[e.attributes["numFmtId"] ?? "0"] ?? "General"
                index += 1
            }
        }
    }

    /// The cell at an A1 reference of a sheet.
    public func cell(_ sheet: Int, _ reference: String) -> Cell? { sheets[sheet].first { $0.reference == reference } }

    public static func cells(_ xml: Data) -> [Cell] {
        final class Delegate: NSObject, XMLParserDelegate {
            var cells: [Cell] = []
            var current: Cell?
            var text = ""
            var inText = false
            func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String]) {
                if name == "c" { current = Cell(reference: attributes["r"] ?? "", type: attributes["t"] ?? "n", value: "", style: Int(attributes["s"] ?? "0") ?? 0) }
                if name == "t" || name == "v" { inText = true; text = "" }
            }
            func parser(_ parser: XMLParser, foundCharacters string: String) { if inText { text += string } }
            func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
                if name == "t" || name == "v" { inText = false; current?.value += text }
                if name == "c", let c = current { cells.append(c); current = nil }
            }
        }
        let delegate = Delegate()
        let parser = XMLParser(data: xml)
        parser.delegate = delegate
        _ = parser.parse()
        return delegate.cells
    }

    /// Every element with its attributes, in document order (enough for workbook.xml and styles.xml).
    public struct Elements {
        public struct Element { public var name: String; public var attributes: [String: String] }
        public var elements: [Element] = []
        public var wellFormed: Bool

        public init(_ xml: Data) {
            final class Delegate: NSObject, XMLParserDelegate {
                var elements: [Element] = []
                func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String]) {
                    elements.append(Element(name: name, attributes: attributes))
                }
            }
            let delegate = Delegate()
            let parser = XMLParser(data: xml)
            parser.delegate = delegate
            wellFormed = parser.parse()
            elements = delegate.elements
        }
    }
}
