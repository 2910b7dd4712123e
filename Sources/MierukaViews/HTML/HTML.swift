/// A tiny typed HTML/SVG tree: element and attribute names come from code, every text and attribute value is escaped on output.
public indirect enum HTML: Sendable, Hashable {
    /// An element with attributes (in order) and children.
    case element(String, [Attribute], [HTML])
    /// Text from data or code; always escaped.
    case text(String)
    /// Markup written in this module (the style sheet, the doctype). Never pass data here.
    case trusted(String)
    /// Several nodes side by side.
    case group([HTML])

    public struct Attribute: Sendable, Hashable {
        public var name: String
        public var value: String
        public init(_ name: String, _ value: String) {
            self.name = name
            self.value = value
        }
    }

    /// `<name a="v">children</name>`; attributes whose value is nil are left out.
    public static func el(_ name: String, _ attributes: KeyValuePairs<String, String?> = [:], _ children: [HTML] = []) -> HTML {
        .element(name, attributes.compactMap { key, value in value.map { Attribute(key, $0) } }, children)
    }

    public static func el(_ name: String, _ attributes: KeyValuePairs<String, String?> = [:], _ text: String) -> HTML {
        el(name, attributes, [.text(text)])
    }

    /// Elements that have no end tag in HTML.
    static let voidElements: Set<String> = ["meta", "br", "hr", "img", "input", "link", "col", "wbr"]
    /// SVG elements written as `<x/>` when empty, so each `<svg>` fragment is also well-formed XML.
    static let svgElements: Set<String> = ["svg", "g", "line", "polyline", "polygon", "path", "rect", "circle", "text", "tspan", "title", "a"]

    /// The markup.
    public var rendered: String {
        var out = ""
        write(to: &out, inSVG: false)
        return out
    }

    func write(to out: inout String, inSVG: Bool) {
        switch self {
        case .text(let s): out += HTML.escape(s)
        case .trusted(let s): out += s
        case .group(let nodes): for n in nodes { n.write(to: &out, inSVG: inSVG) }
        case .element(let name, let attributes, let children):
            let svg = inSVG || name == "svg"
            out += "<" + name
            for a in attributes { out += " " + a.name + "=\"" + HTML.escape(a.value) + "\"" }
            if children.isEmpty && svg && HTML.svgElements.contains(name) {
                out += "/>"
                return
            }
            out += ">"
            if HTML.voidElements.contains(name) && !svg { return }
            for c in children { c.write(to: &out, inSVG: svg) }
            out += "</" + name + ">"
        }
    }

    /// Escapes text for element content and quoted attribute values: & < > " '.
    public static func escape(_ text: String) -> String {
        guard text.contains(where: { $0 == "&" || $0 == "<" || $0 == ">" || $0 == "\"" || $0 == "'" }) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for ch in text {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(ch)
            }
        }
        return out
    }
}
