/// A JSON document with object keys in the order they were written.
///
/// Reports promise byte-identical output for identical inputs (DESIGN.md §2) and a key
/// order that reads like the schema; Foundation's encoders offer only sorted or
/// unspecified orders, so documents are built from this value and rendered here.
public indirect enum JSONValue: Equatable, Sendable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        lhs.rendered() == rhs.rendered()
    }

    /// Compact (`indent` nil, one line) or pretty-printed with `indent` spaces per level.
    public func rendered(indent: Int? = nil) -> String {
        var out = ""
        write(into: &out, indent: indent, level: 0)
        return out
    }

    func write(into out: inout String, indent: Int?, level: Int) {
        switch self {
        case .null: out += "null"
        case let .bool(value): out += value ? "true" : "false"
        case let .int(value): out += String(value)
        case let .double(value): out += JSONValue.format(value)
        case let .string(value): JSONValue.quote(value, into: &out)
        case let .array(items):
            writeContainer("[", "]", count: items.count, into: &out, indent: indent, level: level) { i, out in
                items[i].write(into: &out, indent: indent, level: level + 1)
            }
        case let .object(members):
            writeContainer("{", "}", count: members.count, into: &out, indent: indent, level: level) { i, out in
                JSONValue.quote(members[i].0, into: &out)
                out += indent == nil ? ":" : ": "
                members[i].1.write(into: &out, indent: indent, level: level + 1)
            }
        }
    }

    private func writeContainer(_ open: String, _ close: String, count: Int, into out: inout String, indent: Int?,
                                level: Int, _ element: (Int, inout String) -> Void) {
        out += open
        guard count > 0 else {
            out += close
            return
        }
        for i in 0..<count {
            if i > 0 { out += "," }
            if let indent { out += "\n" + String(repeating: " ", count: indent * (level + 1)) }
            element(i, &out)
        }
        if let indent { out += "\n" + String(repeating: " ", count: indent * level) }
        out += close
    }

    /// Shortest round-tripping form; integral values keep one decimal (`0.0`), and
    /// non-finite values (never produced by lvscope) become null.
    static func format(_ value: Double) -> String {
        guard value.isFinite else { return "null" }
        return value == value.rounded() && abs(value) < 1e15 ? String(format1: value) : "\(value)"
    }

    /// RFC 8259 §7 string escaping; non-ASCII is written as UTF-8.
    static func quote(_ text: String, into out: inout String) {
        out += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case let c where c.value < 0x20:
                let hex = String(c.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }
}

extension String {
    fileprivate init(format1 value: Double) {
        self = String(Int64(value)) + ".0"
    }
}

extension JSONValue {
    /// `.string` of an optional, or `.null`.
    public static func optional(_ text: String?) -> JSONValue { text.map(JSONValue.string) ?? .null }
    public static func optional(_ number: Int?) -> JSONValue { number.map(JSONValue.int) ?? .null }
}
