import Foundation
import LVSTestSupport
import Testing

/// Each committed lab capture shows what its `scenario.json` claims — addresses seen,
/// connection and flow counts, pings, who answered and who asked ARP/ND for a VIP —
/// when read by lvscope's own decoder.
@Suite struct ScenarioCatalogTests {
    static let scenarios: [String] = (try? ScenarioCatalog.names()) ?? []

    @Test func catalogHasTheRequiredScenarios() throws {
        let required = [
            "nat-ok", "nat-ok-v6", "fullnat-ok", "fullnat-ok-v6", "dr-ok", "dr-ok-v6", "nat-udp", "fullnat-udp",
            "dr-udp", "nat-port-map", "two-vips-mixed", "nat-wrong-gateway", "dr-gateway-is-director",
            "dr-arp-leak", "dr-missing-vip", "nat-rs-down",
        ]
        #expect(Set(required).isSubset(of: Set(Self.scenarios)))
    }

    @Test(arguments: scenarios)
    func capturesShowWhatTheScenarioClaims(_ name: String) throws {
        let scenario = try ScenarioCatalog.load(name)
        #expect(!scenario.captures.isEmpty)
        for capture in scenario.captures {
            let facts = try ScenarioFacts.read(scenario.path(of: capture), vips: scenario.vips)
            #expect(facts.matches(capture.expect), "\(name)/\(capture.file): \(facts)")
        }
    }

    @Test(arguments: scenarios)
    func groundTruthUsesTheContractVocabulary(_ name: String) throws {
        let scenario = try ScenarioCatalog.load(name)
        let categories: Set<String> = [
            "arp-leak", "wrong-gateway", "asymmetric-path", "wrong-source", "no-response", "refused",
            "unsupported-config", "config-mismatch", "toa", "icmp", "mtu", "checksum", "scheduling", "persistence",
            "capture-quality",
        ]
        for misconfiguration in scenario.misconfigurations {
            #expect(categories.contains(misconfiguration.category), "\(name): \(misconfiguration.category)")
        }
        for service in scenario.services {
            #expect(["nat", "dr", "tun", "fullnat"].contains(service.mode))
        }
    }
}
