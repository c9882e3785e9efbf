/// An XML element built as a value and rendered with escaping by construction (W3C XML
/// 1.0 §2.4 character data, §3.1 attribute values): text and attribute values can hold
/// any string, and characters XML 1.0 cannot carry (controls other than tab, newline and
/// carriage return) are replaced, so the document is always well-formed.
public struct XMLTree: Equatable, Sendable {
    public var name: String
    /// In the order given (reports are deterministic).
    public var attributes: [(String, String)]
    public var children: [XMLTree]
    public var text: String?

    public init(_ name: String, _ attributes: [(String, String)] = [], children: [XMLTree] = [], text: String? = nil) {
        self.name = name
        self.attributes = attributes
        self.children = children
        self.text = text
    }

    public static func == (lhs: XMLTree, rhs: XMLTree) -> Bool { lhs.rendered() == rhs.rendered() }

    /// The document: XML declaration, then this element, two spaces per level.
    public func document() -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + rendered() + "\n"
    }

    public func rendered(level: Int = 0) -> String {
        let pad = String(repeating: "  ", count: level)
        var out = pad + "<" + name
        for (key, value) in attributes { out += " \(key)=\"\(XMLTree.escape(value, attribute: true))\"" }
        if children.isEmpty, text == nil { return out + "/>" }
        out += ">"
        if let text { out += XMLTree.escape(text, attribute: false) }
        if !children.isEmpty {
            out += "\n" + children.map { $0.rendered(level: level + 1) }.joined(separator: "\n") + "\n" + pad
        }
        return out + "</\(name)>"
    }

    static func escape(_ text: String, attribute: Bool) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where attribute: out += "&quot;"
            case "\n" where attribute: out += "&#10;"
            case "\t" where attribute: out += "&#9;"
            case "\r": out += "&#13;"
            case "\t", "\n": out.unicodeScalars.append(scalar)
            default:
                out.unicodeScalars.append(isAllowed(scalar) ? scalar : "\u{FFFD}")
            }
        }
        return out
    }

    /// XML 1.0 `Char` (§2.2): no controls but tab/newline/CR, no U+FFFE/U+FFFF.
    static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x20 { return false }
        return value != 0xFFFE && value != 0xFFFF
    }
}
