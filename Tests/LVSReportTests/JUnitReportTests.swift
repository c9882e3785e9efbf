import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import LVSInference
import LVSReport
import LVSRules
import LVSWire
import Testing

/// The JUnit mapping (Reports/schema/junit-mapping.md) on hand-made findings: a suite
/// per service plus the general one, a test case per rule in each, failures only at or
/// above --fail-on, lower findings in system-out, escaping that survives a parser.
@Suite struct JUnitReportTests {
    static let web = VirtualServiceID(vip: IPAddress("198.51.100.10")!, port: 80, protocolNumber: .tcp)
    static let dns = VirtualServiceID(vip: IPAddress("198.51.100.10")!, port: 53, protocolNumber: .udp)

    static func finding(_ rule: String, _ severity: Severity, _ service: VirtualServiceID?, _ subject: String,
                        message: String = "broken") -> Finding {
        Finding(rule: rule, category: .noResponse, severity: severity, service: service, subject: subject,
                message: message, remediation: "`ip route replace default via 192.0.2.1`",
                evidence: [PacketReference(capture: "rs2", frame: 3, time: Timestamp(seconds: 1_700_000_000, nanoseconds: 0))])
    }

    static let findings = [
        finding("real-server-not-responding", .error, web, "192.0.2.12", message: "rs <2> & \"friends\""),
        finding("real-server-not-responding", .error, web, "192.0.2.13"),
        finding("fullnat-toa-missing", .warning, dns, "192.0.2.100"),
        finding("capture-cut-short", .notice, nil, "client"),
    ]

    static func parse(_ failOn: Severity) throws -> XMLElement {
        let report = JUnitReport(findings: findings, services: [web], failOn: failOn)
        return try #require(try XMLDocument(xmlString: report.document()).rootElement())
    }

    @Test func suitesPerServiceAndOneGeneral() throws {
        let root = try Self.parse(.error)
        let suites = root.elements(forName: "testsuite")
        // Sorted by protocol name: tcp before udp; the service only a finding named is included.
        #expect(suites.compactMap { $0.attribute(forName: "name")?.stringValue }
                == ["tcp 198.51.100.10:80", "udp 198.51.100.10:53", JUnitReport.generalSuite])
        for suite in suites {
            let cases = suite.elements(forName: "testcase")
            #expect(cases.compactMap { $0.attribute(forName: "name")?.stringValue } == RuleCatalog.all.map(\.id))
            #expect(suite.attribute(forName: "tests")?.stringValue == String(RuleCatalog.all.count))
        }
        #expect(root.attribute(forName: "tests")?.stringValue == String(3 * RuleCatalog.all.count))
    }

    @Test func failuresOnlyAtOrAboveFailOn() throws {
        let root = try Self.parse(.error)
        #expect(root.attribute(forName: "failures")?.stringValue == "1")
        let web = root.elements(forName: "testsuite")[0]
        let failing = web.elements(forName: "testcase").filter { !$0.elements(forName: "failure").isEmpty }
        #expect(failing.compactMap { $0.attribute(forName: "name")?.stringValue } == ["real-server-not-responding"])
        let failure = try #require(failing.first?.elements(forName: "failure").first)
        #expect(failure.attribute(forName: "message")?.stringValue == "2 findings; first: rs <2> & \"friends\"")
        #expect(failure.attribute(forName: "type")?.stringValue == "error")
        #expect(failure.stringValue?.contains("evidence: rs2#3 ") == true)
        // The warning and the notice stay in system-out.
        let dns = root.elements(forName: "testsuite")[1]
        let toa = dns.elements(forName: "testcase").first { $0.attribute(forName: "name")?.stringValue == "fullnat-toa-missing" }
        #expect(toa?.elements(forName: "failure").isEmpty == true)
        #expect(toa?.elements(forName: "system-out").first?.stringValue?.hasPrefix("warning fullnat-toa-missing") == true)
    }

    @Test func failOnNoticeFailsEverything() throws {
        let root = try Self.parse(.notice)
        #expect(root.attribute(forName: "failures")?.stringValue == "3")
    }

    @Test func deterministic() {
        let a = JUnitReport(findings: Self.findings, services: [Self.web, Self.dns], failOn: .warning).document()
        let b = JUnitReport(findings: Self.findings.reversed(), services: [Self.dns, Self.web], failOn: .warning).document()
        #expect(a == b)
    }

    @Test func verdictLine() {
        #expect(CheckVerdict(findings: Self.findings, failOn: .error).line
                == "check: FAIL (2 findings at or above error; 2 errors, 1 warning, 1 notice)")
        #expect(CheckVerdict(findings: Array(Self.findings.suffix(1)), failOn: .warning).passed)
    }
}
