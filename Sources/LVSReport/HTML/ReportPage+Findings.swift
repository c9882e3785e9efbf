import LVSRules

extension ReportPage {
    /// Findings grouped by severity (most severe first), each with its message, subject,
    /// remediation as code, and its evidence linked to the packets.
    func findings() -> [HTMLNode] {
        guard !report.findings.isEmpty else {
            return Self.section("findings", "Findings", [Self.paragraph("No findings.", muted: true)])
        }
        var children: [HTMLNode] = []
        var number = 0
        for severity in Severity.allCases.reversed() {
            let group = report.findings.filter { $0.severity == severity }
            guard !group.isEmpty else { continue }
            let title = severity.rawValue.prefix(1).uppercased() + severity.rawValue.dropFirst() + "s (\(group.count))"
            children.append(.element("h3", text: title))
            for finding in group {
                number += 1
                children.append(article(finding, number: number))
            }
        }
        return Self.section("findings", "Findings", children)
    }

    func article(_ finding: Finding, number: Int) -> HTMLNode {
        var children: [HTMLNode] = [
            .element("p", [], [
                .element("span", [("class", "sev " + finding.severity.rawValue)], text: finding.severity.rawValue),
                .text(" "), .element("strong", text: finding.rule),
                .text(" [\(finding.category.rawValue)] on "),
                .element("span", [("class", "mono")], text: finding.subject),
                .text(finding.service.map { " (\($0))" } ?? ""),
            ]),
            .element("p", text: finding.message),
        ]
        if !finding.remediation.isEmpty {
            children.append(.element("pre", [], [.element("code", text: finding.remediation)]))
        }
        if !finding.evidence.isEmpty {
            let items = finding.evidence.map { HTMLNode.element("li", [], [reference($0)]) }
            children.append(.element("ul", [("class", "evidence")], items))
        }
        return .element("article", [("class", "finding " + finding.severity.rawValue), ("id", "finding-\(number)")],
                        children)
    }
}
