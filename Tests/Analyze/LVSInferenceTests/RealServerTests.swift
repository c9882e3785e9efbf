import Foundation
import LVScope
import LVSInference
import LVSTestSupport
import LVSWire
import Testing

/// The real servers, their MACs and connection counts, the FULL-NAT local addresses and
/// each capture point's role, with every capture point of a lab scenario given.
@Suite struct RealServerTests {
    static let scenarios: [String] = (try? ScenarioCatalog.names()) ?? []

    static func allPoints(_ scenario: Scenario) throws -> AnalysisResult {
        try ScenarioView(scenario: scenario, kind: .all, points: scenario.captures.map(\.point), withConfig: false)
            .analyze()
    }

    @Test("real servers, MACs and connections per real server", arguments: scenarios)
    func realServers(_ name: String) throws {
        let scenario = try ScenarioCatalog.load(name)
        let inference = try Self.allPoints(scenario).inference
        for service in scenario.services {
            let verdict = try #require(inference.services.first {
                $0.service.vip.description == service.vip && Int($0.service.port) == service.port
                    && $0.service.protocolName == service.protocol
            })
            let observed = verdict.realServers.map { "\($0.address.withPort($0.port))" }.sorted()
            let mapsPorts = service.mode == "nat" || service.mode == "fullnat"
            let expected = service.realServers.map { server in
                (IPAddress(server.address) ?? .v4(IPv4Address(rawValue: 0)))
                    .withPort(UInt16(mapsPorts ? server.port : service.port))
            }.sorted()
            #expect(observed == expected, "\(name): real servers")
            for server in service.realServers {
                guard let host = scenario.hosts.first(where: { $0.name == server.host }),
                      let found = verdict.realServers.first(where: { $0.address.description == server.address }),
                      let capture = scenario.captures.first(where: { $0.host == server.host }) else {
                    Issue.record("\(name): \(server.host) missing")
                    continue
                }
                #expect(found.mac?.description == host.interfaces.first { $0.name == "eth0" }?.mac,
                        "\(name): \(server.host)'s MAC")
                var seen = service.protocol == "tcp" ? capture.expect.tcpConnections : capture.expect.udpFlows
                // A server answering from its RIP starts a second flow per exchange (to the
                // client's port), which the capture's count includes.
                if scenario.misconfigurations.contains(where: {
                    $0.category == "wrong-source" && $0.subject == server.address
                }) {
                    seen /= 2
                }
                #expect(found.connections + Self.bypassing(verdict, found.mac) == seen,
                        "\(name): \(server.host) got \(found.connections) connections, its capture shows \(seen)")
            }
            #expect(verdict.realServers.reduce(0) { $0 + $1.connections } <= verdict.connections)
        }
    }

    /// Connections that reached a real server without the director (an ARP leak), from
    /// the evidence: they are in the server's capture but not the director's doing.
    static func bypassing(_ verdict: ServiceVerdict, _ mac: MACAddress?) -> Int {
        guard let mac else { return 0 }
        for evidence in verdict.evidence where evidence.text.contains("went straight to real server MAC \(mac)") {
            return Int(evidence.text.prefix { $0.isNumber }) ?? 0
        }
        return 0
    }

    @Test("healthy scenarios: every client connection is counted", arguments: scenarios)
    func connections(_ name: String) throws {
        let scenario = try ScenarioCatalog.load(name)
        guard scenario.isHealthy || scenario.misconfigurations.allSatisfy({ $0.category == "toa" }) else { return }
        let inference = try Self.allPoints(scenario).inference
        let client = try #require(scenario.captures.first { $0.point == "client" })
        let total = inference.services.reduce(0) { $0 + $1.connections }
        let protocols = Set(scenario.services.map(\.protocol))
        let expected = (protocols.contains("tcp") ? client.expect.tcpConnections : 0)
            + (protocols.contains("udp") ? client.expect.udpFlows : 0)
        #expect(total == expected, "\(name): \(total) connections, the client capture shows \(expected)")
    }

    @Test("FULL-NAT local addresses", arguments: scenarios)
    func localAddresses(_ name: String) throws {
        let scenario = try ScenarioCatalog.load(name)
        let inference = try Self.allPoints(scenario).inference
        for service in scenario.services {
            let verdict = inference.services.first { $0.service.vip.description == service.vip }
            #expect(verdict?.localAddresses.map(\.description) == service.localAddresses.sorted(), "\(name)")
        }
    }

    @Test("roles of every capture point", arguments: scenarios)
    func roles(_ name: String) throws {
        let scenario = try ScenarioCatalog.load(name)
        let inference = try Self.allPoints(scenario).inference
        for capture in scenario.captures {
            #expect(inference.role(of: capture.point).rawValue == capture.role, "\(name): \(capture.point)")
        }
        #expect(inference.roles.map(\.point) == scenario.captures.map(\.point), "roles in capture order")
    }

    @Test("the director's MACs and the VIP's", arguments: scenarios)
    func macs(_ name: String) throws {
        let scenario = try ScenarioCatalog.load(name)
        let inference = try Self.allPoints(scenario).inference
        for service in scenario.services {
            let verdict = try #require(inference.services.first { $0.service.vip.description == service.vip })
            #expect(verdict.directorMACs.first?.description == service.directorMAC, "\(name): director ingress MAC")
            #expect(verdict.vipMACs.contains { $0.description == service.directorMAC }, "\(name): VIP at the director")
            let leaking = scenario.misconfigurations.filter { $0.category == "arp-leak" }.map(\.subject)
            let leakMACs = scenario.hosts.filter { host in
                host.interfaces.contains { $0.addresses.contains { leaking.contains(String($0.prefix { $0 != "/" })) } }
            }.compactMap { $0.interfaces.first { $0.name == "eth0" }?.mac }
            // The director's other MAC carries the VIP too for a client on the real
            // servers' network (nat-client-on-rs-subnet's client2).
            let vipMACs = Set(verdict.vipMACs.map(\.description))
            #expect(vipMACs.isSuperset(of: leakMACs), "\(name): the leaking server's MAC")
            #expect(vipMACs.subtracting(leakMACs).isSubset(of: verdict.directorMACs.map(\.description)),
                    "\(name): the VIP's MACs \(verdict.vipMACs)")
        }
    }
}
