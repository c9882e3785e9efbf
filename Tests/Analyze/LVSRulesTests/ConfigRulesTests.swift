import LVSConfig
import LVSInference
import LVSRules
import LVSTestSupport
import Testing

/// The rules that compare the captures with `--config`, on the lab's `nat-ok` traffic
/// (20 connections from 203.0.113.10, alternating rs1 192.0.2.11 and rs2 192.0.2.12)
/// against configurations that differ from what ran.
@Suite struct ConfigRulesTests {
    static func findings(_ scenarioName: String = "nat-ok", config text: String) throws -> [Finding] {
        let scenario = try ScenarioCatalog.load(scenarioName)
        var context = try ScenarioRun.context(scenario)
        context.deployment = try Deployment.parse(text, file: "test.ipvsadm")
        return RuleCatalog.evaluate(context)
    }

    static let natOK = """
        -A -t 198.51.100.10:80 -s rr
        -a -t 198.51.100.10:80 -r 192.0.2.11:80 -m -w 1
        -a -t 198.51.100.10:80 -r 192.0.2.12:80 -m -w 1
        """

    @Test func matchingConfigurationGivesNothing() throws {
        #expect(try Self.findings(config: Self.natOK).isEmpty)
    }

    /// nat-ok's traffic against dr-ok's configuration (same VIP, `-g`).
    @Test func modeMismatch() throws {
        let dr = try String(contentsOfFile: FixturePaths.repositoryRoot().appendingPathComponent(
            "Fixtures/config/dr-ok.ipvsadm").path, encoding: .utf8)
        let findings = try Self.findings(config: dr)
        #expect(findings.map(\.rule) == ["mode-mismatch"])
        #expect(findings.first?.subject == "198.51.100.10")
        #expect(findings.first?.message.contains("nat mode on the wire") == true)
        #expect(findings.first?.message.contains("dr (-g)") == true)
    }

    @Test func serviceNotConfigured() throws {
        let findings = try Self.findings("two-vips-mixed", config: """
            -A -t 198.51.100.10:80 -s rr
            -a -t 198.51.100.10:80 -r 192.0.2.131:80 -m -w 1
            -a -t 198.51.100.10:80 -r 192.0.2.132:80 -m -w 1
            """)
        #expect(findings.map(\.rule) == ["service-not-configured"])
        #expect(findings.first?.subject == "198.51.100.20")
        #expect(findings.first?.severity == .warning)
    }

    @Test func realServerNotConfigured() throws {
        let findings = try Self.findings(config: """
            -A -t 198.51.100.10:80 -s rr
            -a -t 198.51.100.10:80 -r 192.0.2.11:80 -m -w 1
            """)
        #expect(findings.map(\.rule) == ["real-server-not-configured"])
        #expect(findings.first?.subject == "192.0.2.12")
    }

    /// A third configured server that the director never used.
    @Test func idleRealServer() throws {
        let findings = try Self.findings(config: Self.natOK + "\n-a -t 198.51.100.10:80 -r 192.0.2.13:80 -m -w 1")
        #expect(findings.map(\.rule) == ["real-server-idle"])
        #expect(findings.first?.subject == "192.0.2.13")
        #expect(findings.first?.message.contains("none of the 20 new connections") == true)
    }

    /// Hashing schedulers may legitimately leave a server unused.
    @Test func idleServerUnderSourceHashingIsNotJudged() throws {
        let config = Self.natOK.replacingOccurrences(of: "-s rr", with: "-s sh")
            + "\n-a -t 198.51.100.10:80 -r 192.0.2.13:80 -m -w 1"
        #expect(try Self.findings(config: config).isEmpty)
    }

    @Test func weightZeroReceivesNewConnections() throws {
        let config = Self.natOK.replacingOccurrences(of: "192.0.2.12:80 -m -w 1", with: "192.0.2.12:80 -m -w 0")
        let findings = try Self.findings(config: config)
        #expect(findings.map(\.rule) == ["weight-zero-receives-new-connections"])
        #expect(findings.first?.subject == "192.0.2.12")
        #expect(findings.first?.message.hasPrefix("10 new connections") == true)
    }

    /// One client alternating between two servers within 300 s.
    @Test func persistenceBroken() throws {
        let config = Self.natOK.replacingOccurrences(of: "-s rr", with: "-s rr -p 300")
        let findings = try Self.findings(config: config)
        #expect(findings.map(\.rule) == ["persistence-broken"])
        #expect(findings.first?.subject == "203.0.113.10")
        #expect(findings.first?.category == .persistence)
    }

    /// With persistence a weight-0 server's returning clients are the template's: only a
    /// client new to it counts (here the one client, once).
    @Test func persistentWeightZeroCountsNewClientsOnly() throws {
        let config = Self.natOK.replacingOccurrences(of: "-s rr", with: "-s rr -p 300")
            .replacingOccurrences(of: "192.0.2.12:80 -m -w 1", with: "192.0.2.12:80 -m -w 0")
        let weightZero = try Self.findings(config: config).filter { $0.rule == "weight-zero-receives-new-connections" }
        #expect(weightZero.first?.message.hasPrefix("1 new connections") == true)
    }

    /// dr-port-map through keepalived (port kept) and ipvsadm (port replaced, remembered).
    @Test(arguments: [ScenarioRun.Config.keepalived, .ipvsadm])
    func drPortMapping(_ config: ScenarioRun.Config) throws {
        let findings = try ScenarioRun.findings(try ScenarioCatalog.load("dr-port-map"), config: config)
        #expect(findings.map(\.rule) == ["dr-port-mapping", "dr-port-mapping"])
        #expect(findings.map(\.subject) == ["192.0.2.11", "192.0.2.12"])
        #expect(findings.allSatisfy { $0.message.contains("10 of 10 connections seen were refused") })
    }

    /// Without the configuration the wire shows only what happens: both servers refuse.
    @Test func drPortMapWithoutConfigurationIsRefusals() throws {
        let findings = try ScenarioRun.findings(try ScenarioCatalog.load("dr-port-map"))
        #expect(findings.map(\.rule) == ["real-server-refuses", "real-server-refuses"])
        #expect(findings.map(\.subject) == ["192.0.2.11", "192.0.2.12"])
    }
}
