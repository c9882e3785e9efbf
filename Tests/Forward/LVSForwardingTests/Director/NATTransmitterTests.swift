import LVSConfig
import LVSTestSupport
import LVSWire
import Testing
@testable import LVSForwarding

/// NAT (`-m`) rows: input frame → expected frame. Each expectation is a second builder
/// value with the rewritten fields (destination RIP:8080, TTL − 1, real-server MACs); the
/// builder recomputes every checksum from scratch, so an incremental update in the core
/// must produce the same bytes.
@Suite struct NATTransmitterTests {
    typealias F = DirectorFixtures

    static func nat(_ proto: ServiceProtocol = .tcp, vip: String = F.vip, rip: String = "10.1.0.11") -> Director {
        F.director([F.service(proto, vip: vip, servers: [F.server(rip, port: 8080, .nat)])])
    }

    @Test func tcpSynIPv4() {
        var director = Self.nat()
        let syn = PacketBuilder.tcp("198.51.100.7:40000", "192.0.2.10:80", flags: [.syn], sequence: 7,
                                    options: [.maximumSegmentSize(1460), .sackPermitted])
        let expected = syn.addressed(from: "198.51.100.7:40000", to: "10.1.0.11:8080")
            .ipv4 { $0.ttl = 63 }.macs(destination: F.rs1MAC, source: F.realSideMAC)
        #expect(director.run(syn) == [Emitted(verdict: .forwarded(.nat, .inbound), side: .realServer, bytes: expected.bytes)])
    }

    @Test func tcpSynIPv6() {
        var director = F.director([F.service(vip: F.vip6, servers: [F.server("2001:db8:1::11", port: 8080, .nat)])])
        let syn = PacketBuilder.tcp("[2001:db8:ff::7]:40000", "[2001:db8::10]:80", flags: [.syn])
        let expected = syn.addressed(from: "[2001:db8:ff::7]:40000", to: "[2001:db8:1::11]:8080")
            .ipv6 { $0.hopLimit = 63 }.macs(destination: F.rs6MAC, source: F.realSideMAC)
        #expect(director.run(syn) == [Emitted(verdict: .forwarded(.nat, .inbound), side: .realServer, bytes: expected.bytes)])
    }

    /// The reply comes back de-NATed: source VIP:80, TTL − 1 by the forwarding path, sent to
    /// the router. The client sees its own view restored.
    @Test func replyRestoresClientView() {
        var director = Self.nat()
        _ = director.run(PacketBuilder.tcp("198.51.100.7:40000", "192.0.2.10:80", flags: [.syn]))
        let synAck = PacketBuilder.tcp("10.1.0.11:8080", "198.51.100.7:40000", flags: [.syn, .ack], sequence: 500,
                                       acknowledgement: 1_001)
            .macs(destination: F.realSideMAC, source: F.rs1MAC)
        let expected = synAck.addressed(from: "192.0.2.10:80", to: "198.51.100.7:40000").ipv4 { $0.ttl = 63 }
            .macs(destination: F.routerMAC, source: F.clientSideMAC)
        #expect(director.run(synAck, from: .realServer, at: F.time(1))
                == [Emitted(verdict: .forwarded(.nat, .outbound), side: .client, bytes: expected.bytes)])
    }

    /// UDP with checksum 0 gets a real checksum after NAT (§0.3); the expectation is the
    /// same datagram built with a computed checksum.
    @Test func udpZeroChecksumIsComputed() {
        var director = Self.nat(.udp)
        var query = PacketBuilder.udp("198.51.100.7:5353", "192.0.2.10:80", payload: Array("hello".utf8))
        query.udpChecksumZero = true
        let expected = PacketBuilder.udp("198.51.100.7:5353", "10.1.0.11:8080", payload: Array("hello".utf8), ttl: 63)
            .macs(destination: F.rs1MAC, source: F.realSideMAC)
        let out = director.run(query)
        #expect(out == [Emitted(verdict: .forwarded(.nat, .inbound), side: .realServer, bytes: expected.bytes)])
        #expect(out.first?.bytes.map { $0[40] != 0 || $0[41] != 0 } == true)
    }

    /// A wrong TCP checksum stays wrong by the same amount (incremental update).
    @Test func badChecksumCarriedThrough() {
        var director = Self.nat()
        var syn = PacketBuilder.tcp("198.51.100.7:40000", "192.0.2.10:80", flags: [.syn])
        let good = syn.ipPacket
        let goodChecksum = UInt16(good[36]) << 8 | UInt16(good[37])
        syn.transportChecksum = goodChecksum &+ 1
        let out = director.run(syn)
        var expected = syn.addressed(from: "198.51.100.7:40000", to: "10.1.0.11:8080").ipv4 { $0.ttl = 63 }
        expected.transportChecksum = nil
        let right = expected.ipPacket
        let rightChecksum = UInt16(right[36]) << 8 | UInt16(right[37])
        let emitted = out.first?.bytes ?? []
        #expect(emitted.count == 14 + right.count)
        #expect(UInt16(emitted[50]) << 8 | UInt16(emitted[51]) == rightChecksum &+ 1)
    }

    /// DPVS decrements neither the request's TTL (no `xmit_ttl`) nor the reply's.
    @Test func dpvsKeepsTTL() {
        var director = F.director([F.service(servers: [F.server("10.1.0.11", port: 8080, .nat)])], profile: .dpvs)
        let syn = PacketBuilder.tcp("198.51.100.7:40000", "192.0.2.10:80", flags: [.syn])
        let forwarded = syn.addressed(from: "198.51.100.7:40000", to: "10.1.0.11:8080")
            .macs(destination: F.rs1MAC, source: F.realSideMAC)
        #expect(director.run(syn).first?.bytes == forwarded.bytes)
        let synAck = PacketBuilder.tcp("10.1.0.11:8080", "198.51.100.7:40000", flags: [.syn, .ack])
            .macs(destination: F.realSideMAC, source: F.rs1MAC)
        let restored = synAck.addressed(from: "192.0.2.10:80", to: "198.51.100.7:40000")
            .macs(destination: F.routerMAC, source: F.clientSideMAC)
        #expect(director.run(synAck, from: .realServer).first?.bytes == restored.bytes)
    }
}
