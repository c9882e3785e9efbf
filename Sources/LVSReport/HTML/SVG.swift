/// Small builders for the report's inline SVG 1.1 pictures (W3C SVG 1.1 §9 basic shapes,
/// §10 text): every coordinate is written with one fixed decimal, so the same layout
/// arithmetic always gives the same bytes.
enum SVG {
    /// `value` with exactly one decimal (`12.0`, `-3.5`). Coordinates come from capture
    /// times, which broken files can put anywhere: they are held within ±10⁹ (and NaN is
    /// 0) rather than trap converting to an integer.
    static func number(_ value: Double) -> String {
        let held = value.isNaN ? 0 : min(max(value, -1e9), 1e9)
        let tenths = Int((held * 10).rounded())
        let sign = tenths < 0 ? "-" : ""
        let magnitude = tenths.magnitude
        return "\(sign)\(magnitude / 10).\(magnitude % 10)"
    }

    static func picture(width: Double, height: Double, label: String, _ children: [HTMLNode]) -> HTMLNode {
        // No xmlns: the HTML parser puts `svg` in the SVG namespace itself, and the page
        // keeps no URL at all.
        .element("svg", [("width", number(width)),
                         ("height", number(height)), ("viewBox", "0 0 \(number(width)) \(number(height))"),
                         ("role", "img"), ("aria-label", label)],
                 [.element("title", text: label)] + children)
    }

    static func text(_ x: Double, _ y: Double, _ content: String, anchor: String = "start",
                     className: String? = nil) -> HTMLNode {
        var attributes: [(String, String)] = [("x", number(x)), ("y", number(y)), ("text-anchor", anchor)]
        if let className { attributes.append(("class", className)) }
        return .element("text", attributes, text: content)
    }

    static func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, className: String) -> HTMLNode {
        .element("line", [("x1", number(x1)), ("y1", number(y1)), ("x2", number(x2)), ("y2", number(y2)),
                          ("class", className)])
    }

    static func rect(_ x: Double, _ y: Double, _ width: Double, _ height: Double, className: String) -> HTMLNode {
        .element("rect", [("x", number(x)), ("y", number(y)), ("width", number(width)), ("height", number(height)),
                          ("rx", "3.0"), ("class", className)])
    }

    /// A line from (x1, y1) to (x2, y2) with a filled triangular head at the end.
    static func arrow(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, className: String) -> [HTMLNode] {
        let dx = x2 - x1
        let dy = y2 - y1
        let length = max((dx * dx + dy * dy).squareRoot(), 0.001)
        let (ux, uy) = (dx / length, dy / length)
        let (bx, by) = (x2 - ux * 8, y2 - uy * 8)
        let points = [(x2, y2), (bx - uy * 4, by + ux * 4), (bx + uy * 4, by - ux * 4)]
            .map { "\(number($0.0)),\(number($0.1))" }.joined(separator: " ")
        let fill = className == "flagged" ? "#b3261e" : "#3b6fb6"
        return [line(x1, y1, bx, by, className: className),
                .element("polygon", [("points", points), ("fill", fill)])]
    }

    /// `text` cut to `limit` characters, the cut marked with `…`.
    static func clip(_ text: String, _ limit: Int) -> String {
        text.count <= limit ? text : String(text.prefix(max(limit - 1, 0))) + "…"
    }
}
