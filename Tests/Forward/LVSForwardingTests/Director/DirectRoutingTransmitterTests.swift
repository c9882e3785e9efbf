import LVSConfig
import LVSTestSupport
import LVSWire
import Testing
@testable import LVSForwarding

/// DR (`-g`): only the destination MAC changes, plus TTL − 1 (and the IPv4 header checksum)
/// on kernels ≥ 4.10. The configured real-server port never shows on the wire.
@Suite struct DirectRoutingTransmitterTests {
    typealias F = DirectorFixtures

    static func dr(_ profile: KernelProfile = .default, vip: String = F.vip, rip: String = "10.1.0.11") -> Director {
        F.director([F.service(vip: vip, servers: [F.server(rip, port: 8080, .directRouting)])], profile: profile)
    }

    @Test func ipv4ChangesOnlyMACAndTTL() {
        var director = Self.dr()
        let syn = PacketBuilder.tcp("198.51.100.7:40000", "192.0.2.10:80", flags: [.syn], payload: [1, 2, 3])
        let expected = syn.ipv4 { $0.ttl = 63 }.macs(destination: F.rs1MAC, source: F.realSideMAC)
        #expect(director.run(syn) == [Emitted(verdict: .forwarded(.directRouting, .inbound), side: .realServer,
                                              bytes: expected.bytes)])
    }

    @Test func ipv6ChangesOnlyMACAndHopLimit() {
        var director = Self.dr(vip: F.vip6, rip: "2001:db8:1::11")
        let syn = PacketBuilder.tcp("[2001:db8:ff::7]:40000", "[2001:db8::10]:80", flags: [.syn])
        let expected = syn.ipv6 { $0.hopLimit = 63 }.macs(destination: F.rs6MAC, source: F.realSideMAC)
        #expect(director.run(syn) == [Emitted(verdict: .forwarded(.directRouting, .inbound), side: .realServer,
                                              bytes: expected.bytes)])
    }

    /// Before 4.10 IPVS leaves the TTL alone: the frame differs from the input only in MACs,
    /// even at TTL 1.
    @Test func oldKernelKeepsTTL() {
        var director = Self.dr(.linux(4, 9))
        let syn = PacketBuilder.tcp("198.51.100.7:40000", "192.0.2.10:80", flags: [.syn], ttl: 1)
        let expected = syn.macs(destination: F.rs1MAC, source: F.realSideMAC)
        #expect(director.run(syn) == [Emitted(verdict: .forwarded(.directRouting, .inbound), side: .realServer,
                                              bytes: expected.bytes)])
    }

    /// A DR real server on the client-facing segment (`clientSideRealServers`, the
    /// two-NIC director of the lab's two-vips-mixed): the frame leaves by the client side,
    /// from that interface's MAC, and is checked against that side's MTU.
    @Test func realServerOnClientSideLeavesByClientInterface() {
        let service = F.service(servers: [F.server("10.1.0.11", port: 80, .directRouting)])
        var topology = F.topology()
        topology.clientSideRealServers = [IPAddress("10.1.0.11")!]
        topology.clientSide.mtu = 100
        let deployment = Deployment(services: [service], source: ConfigSource(file: "fixture", format: .ipvsadm))
        var director = Director(deployment: deployment, profile: .default, topology: topology)
        let syn = PacketBuilder.tcp("198.51.100.7:40000", "192.0.2.10:80", flags: [.syn])
        let expected = syn.ipv4 { $0.ttl = 63 }.macs(destination: F.rs1MAC, source: F.clientSideMAC)
        #expect(director.run(syn) == [Emitted(verdict: .forwarded(.directRouting, .inbound), side: .client,
                                              bytes: expected.bytes)])
        // 130 bytes of IP with DF over the client side's 100-byte MTU: fragmentation needed.
        let large = PacketBuilder.tcp("198.51.100.7:40001", "192.0.2.10:80", flags: [.syn],
                                      payload: Array(repeating: 0, count: 90))
        #expect(director.run(large).last?.verdict == .dropped(.tooBig))
    }

    /// A real server replying from the VIP through the director is a martian source.
    @Test func replyAtDirectorIsDropped() {
        var director = Self.dr()
        _ = director.run(PacketBuilder.tcp("198.51.100.7:40000", "192.0.2.10:80", flags: [.syn]))
        let reply = PacketBuilder.tcp("192.0.2.10:80", "198.51.100.7:40000", flags: [.syn, .ack])
            .macs(destination: F.realSideMAC, source: F.rs1MAC)
        #expect(director.run(reply, from: .realServer) == [Emitted(verdict: .dropped(.directReplyAtDirector), side: nil,
                                                                   bytes: nil)])
    }
}
