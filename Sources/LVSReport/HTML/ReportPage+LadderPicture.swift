import LVSFlows
import LVSInference

extension ReportPage {
    /// One connection as a sequence diagram: a column per capture point in path order,
    /// each packet an arrow stepping down from point to point; where a hop starts a new
    /// leg the fields the director rewrote label the arrow. A reply that skips a NAT or
    /// FULL-NAT director the request crossed is dashed red. A table gives each hop's
    /// addresses, ports and MACs with links to the packets.
    func ladder(_ path: ConnectionPath, mode: InferredMode) -> [HTMLNode] {
        let hops = path.hops
        let rows = Self.rows(path)
        let spacing = hops.count > 1 ? min(190, 1000 / Double(hops.count - 1)) : 190
        func x(_ i: Int) -> Double { 110 + Double(i) * spacing }
        let step = 16.0
        let band = 26 + step * Double(max(hops.count - 1, 1))
        let top = 56.0
        let height = top + band * Double(rows.count) + 10
        var nodes: [HTMLNode] = []
        for (i, hop) in hops.enumerated() {
            nodes.append(SVG.text(x(i), 18, SVG.clip(hop.point.description, Int(spacing / 7)), anchor: "middle",
                                  className: "title"))
            nodes.append(SVG.text(x(i), 34, "leg \(hop.leg + 1)", anchor: "middle"))
            nodes.append(SVG.line(x(i), 42, x(i), height - 6, className: "lifeline"))
        }
        for (r, row) in rows.enumerated() {
            let y0 = top + band * Double(r) + 14
            nodes.append(SVG.text(8, y0 + 4, row.name, className: "title"))
            nodes += rowArrows(row, path: path, mode: mode, y0: y0, step: step, x: x)
        }
        let width = x(max(hops.count - 1, 0)) + 100
        let picture = SVG.picture(width: width, height: height, label: "Connection \(path.connection.id)", nodes)
        return [.element("figure", [], [picture, .element("figcaption", text: "Connection \(path.connection.id) "
            + "(matched by \(path.connection.evidence)): \(path.connection.legs.count) legs, "
            + "\(hops.count) observations")]), hopTable(path, rows: rows)]
    }

    func rowArrows(_ row: LadderRow, path: ConnectionPath, mode: InferredMode, y0: Double, step: Double,
                   x: (Int) -> Double) -> [HTMLNode] {
        let order = row.forward ? Array(path.hops.indices) : path.hops.indices.reversed()
        let seen = order.filter { row.frames[$0] != nil }
        var nodes: [HTMLNode] = []
        func y(_ i: Int) -> Double { y0 + step * Double(order.firstIndex(of: i) ?? 0) }
        for (a, b) in zip(seen, seen.dropFirst()) {
            let skipped = order.drop { $0 != a }.dropFirst().prefix { $0 != b }
            let bypass = !row.forward && (mode == .nat || mode == .fullnat) && skipped.contains {
                report.inference.role(of: path.hops[$0].point.point) == .director
            }
            nodes += SVG.arrow(x(a), y(a), x(b), y(b), className: bypass ? "flagged" : "path")
            let (later, earlier) = row.forward ? (b, a) : (a, b)
            if path.hops[later].leg != path.hops[earlier].leg {
                let rewrites = path.connection.legs[path.hops[later].leg].rewrites
                let label = row.forward ? rewrites.description : Self.mirrored(rewrites)
                nodes.append(SVG.text((x(a) + x(b)) / 2, (y(a) + y(b)) / 2 - 4, label, anchor: "middle",
                                      className: "changed"))
            }
            if bypass {
                nodes.append(SVG.text((x(a) + x(b)) / 2, (y(a) + y(b)) / 2 + 12, "bypasses the director",
                                      anchor: "middle", className: "changed"))
            }
        }
        for i in seen {
            nodes.append(.element("circle", [("cx", SVG.number(x(i))), ("cy", SVG.number(y(i))), ("r", "3.0"),
                                             ("fill", "#1c1f24")]))
            if let frame = row.frames[i], frame > 0 {
                nodes.append(SVG.text(x(i) + 6, y(i) + 12, "#\(frame)"))
            }
        }
        return nodes
    }

    /// A reply's view of a request's rewrites: what was the destination is now the source.
    static func mirrored(_ rewrites: Rewrite) -> String {
        let swaps: [(Rewrite, Rewrite)] = [(.srcIP, .dstIP), (.srcPort, .dstPort), (.srcMAC, .dstMAC)]
        var out = rewrites
        for (a, b) in swaps {
            out.remove([a, b])
            if rewrites.contains(a) { out.insert(b) }
            if rewrites.contains(b) { out.insert(a) }
        }
        return out.description
    }

    func hopTable(_ path: ConnectionPath, rows: [LadderRow]) -> HTMLNode {
        let header = HTMLNode.element("tr", [], (["Hop", "Capture point", "Leg (originator > responder)", "MACs",
                                                  "Changed on this leg"] + rows.map(\.name))
            .map { .element("th", text: $0) })
        let body = path.hops.enumerated().map { i, hop in
            let leg = path.connection.legs[hop.leg]
            let frames: [HTMLNode] = rows.map { row in
                guard let frame = row.frames[i] else { return .element("td", text: "-") }
                guard frame > 0 else { return .element("td", text: "seen") }
                let label = "#\(frame)"
                guard let id = anchor(capture: hop.point.point, frame: frame) else {
                    return .element("td", text: label)
                }
                return .element("td", [], [.element("a", [("href", "#" + id)], text: label)])
            }
            return HTMLNode.element("tr", [], [
                .element("td", [("class", "num")], text: String(i + 1)),
                .element("td", [("class", "mono")], text: hop.point.description),
                .element("td", [("class", "mono")], text: leg.tupleDescription),
                .element("td", [("class", "mono")], text: hop.link?.description ?? "-"),
                .element("td", [("class", "mono")], text: leg.rewrites.description),
            ] + frames)
        }
        return .element("table", [], [.element("thead", [], [header]), .element("tbody", [], body)])
    }

    /// The frames the ladders cite, for `CitedPackets`.
    func ladderFrames() -> [(capture: String, frame: Int)] {
        report.inference.services.flatMap { verdict in
            representatives(of: verdict.service).flatMap { path in
                Self.rows(path).flatMap { row in
                    path.hops.indices.compactMap { i in row.frames[i].map { (path.hops[i].point.point, $0) } }
                }
            }
        }
    }
}
