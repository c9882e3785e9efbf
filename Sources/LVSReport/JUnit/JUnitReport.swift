import LVSInference
import LVSRules

/// `lvscope check --junit FILE`: the findings as JUnit XML (the Ant/Jenkins schema CI
/// systems read; mapping in `Reports/schema/junit-mapping.md`). One `<testsuite>` per
/// virtual service and one for findings that belong to none; in each, one `<testcase>`
/// per rule of the catalogue, failed when the rule found something at or above
/// `--fail-on` for that service. Findings below it are listed in the test case's
/// `<system-out>`.
public struct JUnitReport: Sendable {
    public let findings: [Finding]
    public let services: [VirtualServiceID]
    public let rules: [any Rule]
    public let failOn: Severity

    /// The suite for findings without a service.
    public static let generalSuite = "captures and configuration"

    public init(findings: [Finding], services: [VirtualServiceID], rules: [any Rule] = RuleCatalog.all,
                failOn: Severity) {
        self.findings = RuleCatalog.sorted(findings)
        self.services = Array(Set(services + findings.compactMap(\.service))).sorted()
        self.rules = rules
        self.failOn = failOn
    }

    public func document() -> String { root().document() }

    public func root() -> XMLTree {
        var suites = services.map { service in
            suite(name: service.description, findings: findings.filter { $0.service == service })
        }
        suites.append(suite(name: Self.generalSuite, findings: findings.filter { $0.service == nil }))
        let tests = suites.count * rules.count
        let failures = suites.reduce(0) { $0 + (Int($1.attributes.first { $0.0 == "failures" }?.1 ?? "0") ?? 0) }
        return XMLTree("testsuites", [("name", "lvscope check"), ("tests", String(tests)),
                                         ("failures", String(failures)), ("errors", "0"), ("time", "0")],
                          children: suites)
    }

    private func suite(name: String, findings: [Finding]) -> XMLTree {
        let cases = rules.map { rule in testCase(rule, findings.filter { $0.rule == rule.id }, suite: name) }
        let failures = cases.filter { $0.children.contains { $0.name == "failure" } }.count
        return XMLTree("testsuite", [("name", name), ("tests", String(cases.count)),
                                        ("failures", String(failures)), ("errors", "0"), ("skipped", "0"),
                                        ("time", "0")],
                          children: cases)
    }

    private func testCase(_ rule: any Rule, _ findings: [Finding], suite: String) -> XMLTree {
        var element = XMLTree("testcase", [("name", rule.id), ("classname", "lvscope.\(rule.category.rawValue)"),
                                              ("time", "0")])
        let failing = findings.filter { $0.severity >= failOn }
        let below = findings.filter { $0.severity < failOn }
        if let first = failing.first {
            let message = failing.count == 1 ? first.message : "\(failing.count) findings; first: \(first.message)"
            element.children.append(XMLTree("failure", [("message", message), ("type", first.severity.rawValue)],
                                               text: failing.map(Self.describe).joined(separator: "\n\n")))
        }
        if !below.isEmpty {
            element.children.append(XMLTree("system-out", text: below.map(Self.describe).joined(separator: "\n\n")))
        }
        return element
    }

    /// A finding as plain text: severity, subject, message, remediation, evidence.
    static func describe(_ finding: Finding) -> String {
        var lines = ["\(finding.severity.rawValue) \(finding.rule) \(finding.subject): \(finding.message)",
                     "remediation: \(finding.remediation)"]
        if !finding.evidence.isEmpty {
            lines.append("evidence: " + finding.evidence.map { "\($0.capture)#\($0.frame) \($0.time)" }
                .joined(separator: ", "))
        }
        return lines.joined(separator: "\n")
    }
}
