import LVSCapture
import LVSFlows

extension ReportPage {
    /// The capture inventory (file, role, link types, interfaces, counts, span, clock
    /// offset), then per capture the packets this page cites, each with its anchor.
    func captures() -> [HTMLNode] {
        let header = HTMLNode.element("tr", [], ["Point", "Role", "File", "Link", "Interfaces", "Packets", "Bytes",
                                                 "First packet", "Last packet", "Clock offset", "Comments"]
            .map { .element("th", text: $0) })
        let rows = report.pointsByName.map { index, point in inventoryRow(index, point) }
        var children: [HTMLNode] = [.element("table", [], [.element("thead", [], [header]),
                                                           .element("tbody", [], rows)])]
        for role in report.inference.roles.sorted(by: { $0.point < $1.point }) {
            children.append(.element("p", [], [.element("span", [("class", "mono")], text: role.point),
                                               .text(": \(role.role.rawValue)" + (role.forced ? " (forced)" : "")
                                                   + " — \(role.reason)")]))
        }
        children.append(.element("h3", text: "Cited packets"))
        for (i, name) in pointNames.enumerated() {
            let cited = packets.packets(of: name)
            guard !cited.isEmpty else { continue }
            children.append(.element("h4", [("class", "mono")], text: name))
            children.append(.element("ul", [("class", "packets mono")], cited.map { packet in
                .element("li", [("id", "p\(i)-\(packet.frame)")], text: packet.summary)
            }))
        }
        return Self.section("captures", "Captures", children)
    }

    /// The pcapng comments operators wrote: the section's, then each interface's.
    func comments(_ point: FlowCollection.Point) -> [String] {
        point.info.comments + point.info.interfaces.flatMap { interface in
            interface.comments.map { "\(interface.name ?? "#\(interface.index)"): \($0)" }
        }
    }

    func inventoryRow(_ index: Int, _ point: FlowCollection.Point) -> HTMLNode {
        let interfaces = point.info.interfaces.map { interface in
            interface.name.map { "\($0) (\(interface.linkType.libpcapName))" } ?? "#\(interface.index)"
        }.joined(separator: ", ")
        let offset = report.correlation.clockOffsets.first { $0.input == index }
        let offsetText = offset?.seconds.map { AnalysisReport.seconds($0) + " (\(offset?.pairs ?? 0) pairs"
            + (offset?.via.map { " via \($0)" } ?? "") + ")" } ?? "unknown"
        return .element("tr", [], [
            .element("td", [("class", "mono")], text: point.input.point),
            .element("td", text: report.inference.role(of: point.input.point).rawValue),
            .element("td", [("class", "mono")], text: point.input.path),
            .element("td", text: AnalysisReport.linkType(point)),
            .element("td", [("class", "mono")], text: interfaces),
            .element("td", [("class", "num")], text: String(point.packets)),
            .element("td", [("class", "num")], text: String(point.bytes)),
            .element("td", [("class", "mono")], text: point.start.map(Self.clock) ?? "-"),
            .element("td", [("class", "mono")], text: point.end.map(Self.clock) ?? "-"),
            .element("td", [("class", "mono")], text: offsetText),
            .element("td", [], comments(point).map { .element("p", text: $0) }),
        ])
    }
}
