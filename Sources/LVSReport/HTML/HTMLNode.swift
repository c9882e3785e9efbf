/// A node of an HTML5 page (WHATWG HTML §13 "The HTML syntax"), rendered with escaping by
/// construction: element names are `StaticString`s of our own source, attribute names are
/// checked to be plain names (anything else is dropped), text and attribute values are
/// always escaped (with `XMLTree`'s XML 1.0 escaper, which the
/// HTML parser reads back unchanged), and the only raw markup is a `StaticString` too (the
/// page's constant style sheet). No string from a capture can become markup.
///
/// The output is also well-formed XML: void elements close themselves (`<br/>`), every
/// other element has an end tag, so both an HTML and an XML parser can check a page.
public struct HTMLNode: Sendable {
    enum Content: Sendable {
        case element(name: StaticString, attributes: [(String, String)], children: [HTMLNode])
        case text(String)
        case constant(StaticString)
    }

    let content: Content

    /// An element with its attributes (in this order) and children.
    public static func element(_ name: StaticString, _ attributes: [(String, String)] = [],
                               _ children: [HTMLNode] = []) -> HTMLNode {
        HTMLNode(content: .element(name: name, attributes: attributes, children: children))
    }

    /// An element holding one text node.
    public static func element(_ name: StaticString, _ attributes: [(String, String)] = [],
                               text: String) -> HTMLNode {
        element(name, attributes, [.text(text)])
    }

    /// Character data, escaped when rendered.
    public static func text(_ text: String) -> HTMLNode { HTMLNode(content: .text(text)) }

    /// Markup written in our own source (a style sheet), rendered as is.
    public static func constant(_ markup: StaticString) -> HTMLNode { HTMLNode(content: .constant(markup)) }

    /// `<!DOCTYPE html>` then this node (the `html` element) and a final newline.
    public func document() -> String {
        var out = "<!DOCTYPE html>\n"
        render(into: &out)
        return out + "\n"
    }

    public func rendered() -> String {
        var out = ""
        render(into: &out)
        return out
    }

    func render(into out: inout String) {
        switch content {
        case let .text(text): out += XMLTree.escape(text, attribute: false)
        case let .constant(markup): out += markup.description
        case let .element(name, attributes, children):
            let tag = name.description
            out += "<" + tag
            for (key, value) in attributes where Self.isPlainName(key) {
                out += " \(key)=\"\(XMLTree.escape(value, attribute: true))\""
            }
            if children.isEmpty, Self.selfClosing.contains(tag) {
                out += "/>"
                return
            }
            out += ">"
            let breaks = Self.blockContainers.contains(tag)
            for child in children {
                if breaks { out += "\n" }
                child.render(into: &out)
            }
            if breaks, !children.isEmpty { out += "\n" }
            out += "</" + tag + ">"
        }
    }

    /// ASCII letters, digits, `-` and `:`, starting with a letter: an attribute name that
    /// cannot close the tag or start another attribute.
    static func isPlainName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first.properties.isAlphabetic, first.isASCII else { return false }
        return name.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)
            || $0 == "-" || $0 == ":") }
    }

    /// HTML void elements, and the SVG shapes (foreign elements may close themselves).
    static let selfClosing: Set<String> = [
        "meta", "br", "hr", "img", "input", "link", "wbr",
        "circle", "line", "path", "polyline", "polygon", "rect", "ellipse", "stop",
    ]

    /// Elements whose children are blocks: a newline between them keeps the page's source
    /// readable (and goldens diffable) without changing what is displayed.
    static let blockContainers: Set<String> = [
        "html", "head", "body", "header", "footer", "main", "nav", "section", "article", "div", "details",
        "table", "thead", "tbody", "tr", "ul", "ol", "dl", "svg", "g", "defs", "marker",
    ]
}
