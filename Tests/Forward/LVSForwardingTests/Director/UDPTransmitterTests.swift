import LVSConfig
import LVSTestSupport
import LVSWire
import Testing
@testable import LVSForwarding

/// UDP rows for the modes not covered elsewhere: NAT over IPv6 (checksum mandatory, updated
/// incrementally), DR, FULL-NAT (addresses and ports only; no UOA), and the NAT round trip.
@Suite struct UDPTransmitterTests {
    typealias F = DirectorFixtures
    static let payload = Array("question".utf8)

    @Test func natIPv6() {
        var director = F.director([F.service(.udp, vip: F.vip6, port: 53,
                                             servers: [F.server("2001:db8:1::11", port: 5353, .nat)])])
        let query = PacketBuilder.udp("[2001:db8:ff::7]:5000", "[2001:db8::10]:53", payload: Self.payload)
        let expected = query.addressed(from: "[2001:db8:ff::7]:5000", to: "[2001:db8:1::11]:5353")
            .ipv6 { $0.hopLimit = 63 }.macs(destination: F.rs6MAC, source: F.realSideMAC)
        #expect(director.run(query) == [Emitted(verdict: .forwarded(.nat, .inbound), side: .realServer,
                                                bytes: expected.bytes)])
    }

    @Test func natRoundTrip() {
        var director = F.director([F.service(.udp, port: 53, servers: [F.server("10.1.0.11", port: 5353, .nat)])])
        _ = director.run(PacketBuilder.udp("198.51.100.7:5000", "192.0.2.10:53", payload: Self.payload))
        let answer = PacketBuilder.udp("10.1.0.11:5353", "198.51.100.7:5000", payload: Array("answer".utf8))
            .macs(destination: F.realSideMAC, source: F.rs1MAC)
        let expected = PacketBuilder.udp("192.0.2.10:53", "198.51.100.7:5000", payload: Array("answer".utf8), ttl: 63)
            .macs(destination: F.routerMAC, source: F.clientSideMAC)
        #expect(director.run(answer, from: .realServer) == [Emitted(verdict: .forwarded(.nat, .outbound), side: .client,
                                                                    bytes: expected.bytes)])
    }

    @Test func directRouting() {
        var director = F.director([F.service(.udp, port: 53, servers: [F.server("10.1.0.12", port: 53, .directRouting)])])
        let query = PacketBuilder.udp("198.51.100.7:5000", "192.0.2.10:53", payload: Self.payload)
        let expected = query.ipv4 { $0.ttl = 63 }.macs(destination: F.rs2MAC, source: F.realSideMAC)
        #expect(director.run(query).first?.bytes == expected.bytes)
    }

    /// FULL-NAT UDP (DPVS): LIP:1025 → RIP:53 and back, TTL untouched.
    @Test func fullNATRoundTrip() {
        var director = F.director([F.service(.udp, port: 53, servers: [F.server("10.1.0.11", port: 53, .fullNAT)],
                                             locals: ["10.1.0.200"])], profile: .dpvs)
        let query = PacketBuilder.udp("198.51.100.7:5000", "192.0.2.10:53", payload: Self.payload)
        let forwarded = PacketBuilder.udp("10.1.0.200:1025", "10.1.0.11:53", payload: Self.payload)
            .macs(destination: F.rs1MAC, source: F.realSideMAC)
        #expect(director.run(query).first?.bytes == forwarded.bytes)
        let answer = PacketBuilder.udp("10.1.0.11:53", "10.1.0.200:1025", payload: Array("answer".utf8))
            .macs(destination: F.realSideMAC, source: F.rs1MAC)
        let restored = PacketBuilder.udp("192.0.2.10:53", "198.51.100.7:5000", payload: Array("answer".utf8))
            .macs(destination: F.clientMAC, source: F.clientSideMAC)
        #expect(director.run(answer, from: .realServer).first?.bytes == restored.bytes)
    }
}
