import LVSRules
import LVSTestSupport
import Testing

/// Every lab scenario through the inference and every rule, in four kinds of view: all
/// capture points, the director's captures alone, each real server's capture alone, the
/// clients' alone. Where a view cannot tell the mode (clients), the configured one stands in.
/// Each view must find every misconfiguration of scenario.json (category and subject, for
/// its service) unless the table below says why that view cannot see it, and must give no
/// other error or warning (healthy scenarios: none at all). The configuration of
/// `Fixtures/config/NAME.ipvsadm` is given, as `check --config` would.
///
/// | scenario | blind views (why) |
/// |---|---|
/// | nat-wrong-gateway | rs1 (healthy; rs2's replies never reach rs1's NIC) |
/// | nat-rs-down, nat-rs-blackhole | rs1 (healthy); client (the RST/ICMP come from the VIP after the rewrite, an unanswered SYN names no server) |
/// | nat-client-on-rs-subnet | none: the servers' replies, the director's ARP and the client's own view all show it |
/// | nat-capture-offload | director, rs2, client (offload is a property of rs1's own capture only) |
/// | fullnat-ok, fullnat-ok-v6, fullnat-udp | client (the client leg carries no local address or TOA) |
/// | dr-gateway-is-director | rs1 (its NIC never sees rs2's replies); client (only unanswered SYNs) |
/// | dr-arp-leak | client (behind the router: the segment's ARP never reaches it) |
/// | dr-missing-vip, dr-rs-down | director (DR replies bypass it: its capture cannot tell an answer from silence or see the RST); rs1 (healthy); client (nothing names rs2) |
/// | dr-udp-wrong-source | director (replies bypass it); rs1 (healthy) |
/// | dr-port-map | none: found from the configuration, with the refusals as evidence where seen |
@Suite struct ScenarioRulesTests {
    static let blind: [String: [String: String]] = [
        "nat-wrong-gateway": ["rs1": "rs1 is healthy and its NIC never sees rs2's replies"],
        "nat-rs-down": [
            "rs1": "rs1 is healthy",
            "client": "the RSTs and ICMP errors reach the client from the VIP, after the director's rewrite",
        ],
        "nat-rs-blackhole": [
            "rs1": "rs1 is healthy",
            "client": "the client sees only unanswered SYNs to the VIP; nothing names rs2",
        ],
        "nat-capture-offload": [
            "director": "offload is a property of rs1's own capture",
            "rs2": "offload is a property of rs1's own capture",
            "client": "offload is a property of rs1's own capture",
        ],
        "fullnat-ok": ["client": "the client leg carries no local address and no TOA"],
        "fullnat-ok-v6": ["client": "the client leg carries no local address and no TOA"],
        "fullnat-udp": ["client": "the client leg carries no local address and no UOA"],
        "dr-gateway-is-director": [
            "rs1": "rs1's NIC never sees rs2's replies",
            "client": "the client sees only unanswered SYNs; nothing names rs2",
        ],
        "dr-arp-leak": ["client": "the client is behind the router: the segment's ARP never reaches it"],
        "dr-missing-vip": [
            "director": "DR replies bypass the director: its capture cannot tell an answer from silence",
            "rs1": "rs1 is healthy",
            "client": "the client sees only unanswered SYNs; nothing names rs2",
        ],
        "dr-rs-down": [
            "director": "rs2's RSTs go straight to the router, never past the director",
            "rs1": "rs1 is healthy",
            "client": "the RSTs reach the client from the VIP through the router; nothing names rs2",
        ],
        "dr-udp-wrong-source": [
            "director": "rs2's replies go straight to the router, never past the director",
            "rs1": "rs1 is healthy",
        ],
    ]

    /// `scenario/view` for every scenario and each of its views.
    static let cases: [String] = {
        guard let scenarios = try? ScenarioCatalog.all() else { return [] }
        return scenarios.flatMap { scenario in
            (["all", "director", "client"] + ScenarioRun.realServerPoints(scenario)).map { "\(scenario.scenario)/\($0)" }
        }
    }()

    static func points(_ view: String, of scenario: Scenario) -> [String]? {
        switch view {
        case "all": nil
        case "director": ScenarioRun.directorPoints(scenario)
        case "client": scenario.captures.filter { $0.role == "client" }.map(\.point)
        default: [view]
        }
    }

    @Test("each view finds what it can see and nothing else", arguments: cases)
    func view(_ name: String) throws {
        let parts = name.split(separator: "/").map(String.init)
        let scenario = try ScenarioCatalog.load(parts[0])
        let view = parts[1]
        let findings = try ScenarioRun.findings(scenario, points: Self.points(view, of: scenario), config: .ipvsadm)
        let blindReason = Self.blind[scenario.scenario]?[view]
        let expected = blindReason == nil ? scenario.misconfigurations : []
        for misconfiguration in expected {
            #expect(findings.contains { matches($0, misconfiguration, in: scenario) },
                    "\(name): \(misconfiguration.category) \(misconfiguration.subject) not found")
        }
        let unexpected = findings.filter { finding in
            finding.severity >= .warning && !scenario.misconfigurations.contains { matches(finding, $0, in: scenario) }
        }
        #expect(unexpected.isEmpty, "\(name): unexpected \(unexpected.map { "\($0.rule) \($0.subject)" })")
        if blindReason != nil {
            #expect(findings.allSatisfy { $0.severity == .notice }, "\(name) is blind but found \(findings.map(\.rule))")
        }
    }

    /// The blind table names only real scenarios and views.
    @Test func blindTableNamesRealViews() throws {
        for (scenario, views) in Self.blind {
            for view in views.keys { #expect(Self.cases.contains("\(scenario)/\(view)"), "\(scenario)/\(view)") }
        }
    }

    /// The subject names the host at fault: by its address, or by its MAC where the view
    /// never shows which address that MAC has (rs1 sees rs2's ARP for the VIP, nothing else).
    private func names(_ subject: String, _ misconfiguration: Scenario.Misconfiguration, in scenario: Scenario) -> Bool {
        if subject == misconfiguration.subject { return true }
        let interfaces = scenario.hosts.flatMap(\.interfaces)
        return interfaces.contains { interface in
            interface.mac == subject && interface.addresses.contains {
                $0.split(separator: "/").first.map(String.init) == misconfiguration.subject
            }
        }
    }

    private func matches(_ finding: Finding, _ misconfiguration: Scenario.Misconfiguration, in scenario: Scenario)
        -> Bool {
        guard finding.category.rawValue == misconfiguration.category,
              names(finding.subject, misconfiguration, in: scenario) else {
            return false
        }
        guard let service = misconfiguration.service, let found = finding.service else { return true }
        return found.vip.description == service.vip && Int(found.port) == service.port
            && found.protocolName == service.protocol
    }
}
