import LVSInference
import LVSRules

extension ReportPage {
    /// The verdict first: healthy or the counts, the services' modes, and the most severe
    /// finding with its subject and fix, so an on-call engineer reads what to do without
    /// scrolling.
    func banner() -> [HTMLNode] {
        let s = report.summary
        let headline = s.errors + s.warnings == 0 ? "Healthy" : "Not healthy"
        var children: [HTMLNode] = [
            .element("h1", text: "\(headline): \(Self.counts(s))"),
            Self.paragraph(servicesLine()),
        ]
        if let worst = report.findings.first, worst.severity > .notice {
            children.append(.element("p", [], [
                .element("strong", text: "First to fix: "),
                .element("a", [("href", "#finding-1")], text: "\(worst.severity.rawValue) \(worst.rule)"),
                .text(" on \(worst.subject): \(worst.message)"),
            ]))
            if !worst.remediation.isEmpty {
                children.append(.element("pre", [], [.element("code", text: worst.remediation)]))
            }
        }
        children.append(.element("nav", [("class", "toc")], [
            .element("a", [("href", "#services")], text: "Services"),
            .element("a", [("href", "#findings")], text: "Findings"),
            .element("a", [("href", "#topology")], text: "Topology"),
            .element("a", [("href", "#ladders")], text: "Connections"),
            .element("a", [("href", "#claims")], text: "ARP/ND"),
            .element("a", [("href", "#captures")], text: "Captures"),
        ]))
        return children
    }

    func servicesLine() -> String {
        let services = report.inference.services.map {
            "\($0.service) \(AnalysisReport.modeName($0.mode)) (\($0.confidence))"
        }
        let points = report.flows.points.count
        return (services.isEmpty ? "No virtual service found" : services.joined(separator: ", "))
            + " — \(points) capture point\(points == 1 ? "" : "s"), \(report.summary.packets) packets, "
            + "\(report.summary.flows) flows"
    }

    func services() -> [HTMLNode] {
        guard !report.inference.services.isEmpty else {
            return Self.section("services", "Services", [Self.paragraph("No virtual service found.", muted: true)])
        }
        let header = HTMLNode.element("tr", [], ["Service", "Mode", "Confidence", "Connections", "Real servers",
                                                 "Local addresses", "Evidence"].map { .element("th", text: $0) })
        let rows = report.inference.services.map(serviceRow)
        return Self.section("services", "Services", [
            .element("table", [], [.element("thead", [], [header]), .element("tbody", [], rows)]),
        ])
    }

    func serviceRow(_ verdict: ServiceVerdict) -> HTMLNode {
        let servers: [HTMLNode] = verdict.realServers.map { server in
            .element("li", [], [
                .element("span", [("class", "mono")], text: server.address.withPort(server.port)),
                .text(" " + (server.mac?.description ?? "MAC unknown") + ", \(server.connections) connection"
                    + (server.connections == 1 ? "" : "s")),
            ])
        }
        let evidence: [HTMLNode] = verdict.evidence.map { item in
            var children: [HTMLNode] = [.text(item.text)]
            for (i, packet) in item.packets.enumerated() {
                children += [.text(i == 0 ? " (" : ", "), reference(packet)]
            }
            if !item.packets.isEmpty { children.append(.text(")")) }
            return .element("li", [], children)
        }
        let locals = verdict.localAddresses.map(\.description).joined(separator: ", ")
        return .element("tr", [], [
            .element("td", [("class", "mono")], text: verdict.service.description),
            .element("td", text: AnalysisReport.modeName(verdict.mode)),
            .element("td", [("class", "num")], text: String(verdict.confidence)),
            .element("td", [("class", "num")], text: String(verdict.connections)),
            .element("td", [], servers.isEmpty ? [.text("none seen")] : [.element("ul", [], servers)]),
            .element("td", [("class", "mono")], text: locals.isEmpty ? "-" : locals),
            .element("td", [], evidence.isEmpty ? [.text("-")] : [.element("ul", [("class", "evidence")], evidence)]),
        ])
    }
}
