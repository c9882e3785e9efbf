import LVSInference

extension ReportPage {
    /// An observed path between two capture points: how many connections' requests or
    /// replies crossed it, and whether only replies did (asymmetric: they bypass a point
    /// the requests crossed, e.g. a NAT real server answering through another gateway).
    struct PathEdge {
        var from: String
        var to: String
        var requests: Int
        var replies: Int

        var flagged: Bool { requests == 0 }
    }

    /// The edges of every stitched connection, keyed by the unordered pair of points, in
    /// order of first appearance.
    func pathEdges(_ paths: [ConnectionPath]) -> [PathEdge] {
        var edges: [PathEdge] = []
        func add(_ a: String, _ b: String, request: Bool) {
            let i = edges.firstIndex { ($0.from == a && $0.to == b) || ($0.from == b && $0.to == a) }
            let index = i ?? edges.count
            if i == nil { edges.append(PathEdge(from: a, to: b, requests: 0, replies: 0)) }
            if request { edges[index].requests += 1 } else { edges[index].replies += 1 }
        }
        for path in paths {
            for (a, b) in zip(path.requestPoints, path.requestPoints.dropFirst()) { add(a, b, request: true) }
            for (a, b) in zip(path.replyPoints, path.replyPoints.dropFirst()) { add(a, b, request: false) }
        }
        return edges
    }

    static let roleColumns: [(CaptureRole, String)] = [
        (.client, "clients"), (.router, "routers"), (.segment, "segments"), (.director, "director"),
        (.realServer, "real servers"), (.unknown, "unknown role"),
    ]

    /// Hosts (capture points) in columns by role, edges for the paths the stitched
    /// connections took; paths only replies took are dashed red.
    func topology() -> [HTMLNode] {
        let paths = report.correlation.connections.map {
            ConnectionPath($0, records: records, offsets: offsets, role: report.inference.role)
        }
        let edges = pathEdges(paths)
        let columns = Self.roleColumns.map { role, title in
            (title, pointNames.filter { report.inference.role(of: $0) == role })
        }.filter { !$0.1.isEmpty }
        let (boxWidth, boxHeight, columnGap, rowGap) = (150.0, 30.0, 70.0, 26.0)
        let rows = columns.map(\.1.count).max() ?? 0
        let width = 20 + Double(columns.count) * (boxWidth + columnGap) - columnGap + 20
        let height = 50 + Double(rows) * (boxHeight + rowGap) + 10
        var centre: [String: (x: Double, y: Double)] = [:]
        var boxes: [HTMLNode] = []
        for (c, column) in columns.enumerated() {
            let x = 20 + Double(c) * (boxWidth + columnGap)
            boxes.append(SVG.text(x + boxWidth / 2, 24, column.0, anchor: "middle", className: "title"))
            for (r, point) in column.1.enumerated() {
                let y = 40 + Double(r) * (boxHeight + rowGap)
                centre[point] = (x + boxWidth / 2, y + boxHeight / 2)
                boxes.append(SVG.rect(x, y, boxWidth, boxHeight, className: "box"))
                boxes.append(SVG.text(x + boxWidth / 2, y + 19, SVG.clip(point, 20), anchor: "middle"))
            }
        }
        var lines: [HTMLNode] = []
        for edge in edges {
            guard let a = centre[edge.from], let b = centre[edge.to] else { continue }
            lines.append(SVG.line(a.x, a.y, b.x, b.y, className: edge.flagged ? "flagged" : "path"))
        }
        let picture = SVG.picture(width: max(width, 300), height: max(height, 80),
                                  label: "Capture points by role and the paths connections took", lines + boxes)
        return Self.section("topology", "Topology", [
            .element("figure", [], [picture, .element("figcaption", text: "Solid blue: a path requests took "
                + "(replies too when they came back the same way). Dashed red: a path only replies took — they "
                + "bypass a point the requests crossed (asymmetric routing, a real server's gateway that is not the "
                + "director).")]),
            edgeTable(edges),
        ])
    }

    func edgeTable(_ edges: [PathEdge]) -> HTMLNode {
        guard !edges.isEmpty else {
            return Self.paragraph("No connection was seen at two capture points, so no path is drawn.", muted: true)
        }
        let header = HTMLNode.element("tr", [], ["From", "To", "Requests", "Replies", "Path"]
            .map { .element("th", text: $0) })
        let rows = edges.map { edge in
            HTMLNode.element("tr", [], [
                .element("td", [("class", "mono")], text: edge.from),
                .element("td", [("class", "mono")], text: edge.to),
                .element("td", [("class", "num")], text: String(edge.requests)),
                .element("td", [("class", "num")], text: String(edge.replies)),
                .element("td", text: edge.flagged ? "replies only (asymmetric)"
                    : edge.replies > 0 ? "requests and replies" : "requests"),
            ])
        }
        return .element("table", [], [.element("thead", [], [header]), .element("tbody", [], rows)])
    }
}
