import LVSConfig
import LVSTestSupport
import LVSWire
import Testing
@testable import LVSForwarding

/// Persistence templates (`ip_vs_sched_persist`, §5.5) with rr, so a pick that skips the
/// scheduler shows as "not the next rr destination".
@Suite struct PersistenceTests {
    typealias F = DirectorFixtures

    static func director(granularity: PersistenceGranularity = .ipv4Netmask(IPv4Address(255, 255, 255, 0)),
                         port: UInt16 = 80, vip: String = F.vip, servers: [RealServer]? = nil,
                         settings: ((inout DirectorSettings) -> Void)? = nil) -> Director {
        let persistence = Persistence(timeout: 300, granularity: granularity)
        let servers = servers ?? [F.server("10.1.0.11", port: 8080, .nat), F.server("10.1.0.12", port: 8080, .nat)]
        return F.director([F.service(vip: vip, port: port, persistence: persistence, servers: servers)], settings: settings)
    }

    static func syn(_ client: String, _ port: UInt16, to vip: String = "192.0.2.10:80") -> PacketBuilder {
        PacketBuilder.tcp("\(client):\(port)", vip, flags: [.syn])
    }

    /// The last octet of the destination address of the emitted frame (11 or 12).
    static func server(_ out: [Emitted]) -> UInt8? {
        guard let bytes = out.first?.bytes, bytes.count > 33 else { return nil }
        return bytes[33]
    }

    /// Same /24: one template, every connection to A; another network gets rr's next (B).
    @Test func netmaskGroupsClients() {
        var director = Self.director()
        #expect(Self.server(director.run(Self.syn("198.51.100.7", 40000))) == 11)
        #expect(Self.server(director.run(Self.syn("198.51.100.7", 40001), at: F.time(1))) == 11)
        #expect(Self.server(director.run(Self.syn("198.51.100.8", 40000), at: F.time(2))) == 11)
        #expect(Self.server(director.run(Self.syn("203.0.113.5", 40000), at: F.time(3))) == 12)
        let templates = director.connections.entries.filter(\.isTemplate)
        #expect(templates.map(\.client) == [IPAddress("198.51.100.0")!, IPAddress("203.0.113.0")!])
        #expect(templates.first?.controlledCount == 3 && templates.first?.realPort == 8080)
        let key = ServiceKey.address(.tcp, IPAddress(F.vip)!, port: 80)
        #expect(director.destinations(of: key)?.persistentConnections == [1, 1])
    }

    /// The template's timer restarts with each new connection (300 s) and, while it still
    /// controls an entry, it waits 60 s at a time; after that it is gone and rr decides.
    @Test func templateTimers() {
        var director = Self.director()
        _ = director.run(Self.syn("198.51.100.7", 40000))
        _ = director.run(Self.syn("198.51.100.7", 40001), at: F.time(10))
        #expect(director.connections.entries.first(where: \.isTemplate)?.expiry == F.time(310))
        // Keep one connection alive: ACK → ESTABLISHED (900 s).
        _ = director.run(PacketBuilder.tcp("198.51.100.7:40001", "192.0.2.10:80", flags: [.ack]), at: F.time(20))
        var emissions = Emissions()
        director.advance(to: F.time(310), into: &emissions)
        let template = director.connections.entries.first(where: \.isTemplate)
        #expect(template?.timeout == 60 && template?.expiry == F.time(370) && template?.controlledCount == 1)
        director.advance(to: F.time(20 + 900), into: &emissions)
        #expect(director.connections.entries.filter(\.isTemplate).count == 1)
        director.advance(to: F.time(20 + 900 + 60), into: &emissions)
        #expect(director.connections.liveCount == 0)
    }

    /// IPv6 granularity is a prefix length: /64 puts ::7 and ::8 together.
    @Test func ipv6Prefix() {
        var director = Self.director(granularity: .ipv6PrefixLength(64), vip: F.vip6,
                                     servers: [F.server("2001:db8:1::11", port: 80, .directRouting),
                                               F.server("2001:db8:1::12", port: 80, .directRouting)])
        let a = director.run(Self.syn("[2001:db8:ff::7]", 40000, to: "[2001:db8::10]:80"))
        let b = director.run(Self.syn("[2001:db8:ff::8]", 40000, to: "[2001:db8::10]:80"), at: F.time(1))
        #expect(a.first?.bytes?.prefix(6) == b.first?.bytes?.prefix(6))
        #expect(director.connections.entries.filter(\.isTemplate).first?.client == IPAddress("2001:db8:ff::"))
    }

    /// A persistent port-0 service takes any port: the template has vport 0 and dport 0,
    /// so connections to different ports share it; the entry keeps the packet's port.
    @Test func portZeroService() {
        var director = Self.director(port: 0, servers: [F.server("10.1.0.11", port: 0, .directRouting),
                                                        F.server("10.1.0.12", port: 0, .directRouting)])
        let first = director.run(Self.syn("198.51.100.7", 40000, to: "192.0.2.10:443"))
        let second = director.run(Self.syn("198.51.100.7", 40001, to: "192.0.2.10:8443"), at: F.time(1))
        #expect(first.first?.bytes?.prefix(6) == second.first?.bytes?.prefix(6))
        let template = director.connections.entries.first(where: \.isTemplate)
        #expect(template?.virtualPort == 0 && template?.realPort == 0)
        #expect(director.connections.entries.filter { !$0.isTemplate }.map(\.realPort) == [443, 8443])
    }

    /// Weight 0 keeps new connections on a template's server (expire_quiescent_template=0);
    /// with expire_quiescent_template=1 the template is invalidated and rr picks B.
    @Test(arguments: [(false, UInt8(11)), (true, UInt8(12))])
    func quiescentTemplates(_ expire: Bool, _ expected: UInt8) {
        var director = Self.director { $0.expireQuiescentTemplates = expire }
        _ = director.run(Self.syn("198.51.100.7", 40000))
        director.setWeight(0, of: IPAddress("10.1.0.11")!, port: 8080, in: .address(.tcp, IPAddress(F.vip)!, port: 80))
        #expect(Self.server(director.run(Self.syn("198.51.100.7", 40001), at: F.time(1))) == expected)
    }
}
