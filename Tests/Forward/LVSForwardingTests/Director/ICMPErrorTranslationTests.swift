import LVSConfig
import LVSTestSupport
import LVSWire
import Testing
@testable import LVSForwarding

/// ICMP errors about NAT connections (`ip_vs_nat_icmp`, §0.4): outer address, quoted
/// address and port rewritten, quoted IPv4 checksum and ICMP checksum recomputed, the
/// quoted TCP checksum left as it was. Expectations: the quote rebuilt with the new
/// addresses, then the original TCP checksum bytes patched back in.
@Suite struct ICMPErrorTranslationTests {
    typealias F = DirectorFixtures

    static func natWithConnection() -> Director {
        var director = F.director([F.service(servers: [F.server("10.1.0.11", port: 8080, .nat)])])
        _ = director.run(PacketBuilder.tcp("198.51.100.7:40000", "192.0.2.10:80", flags: [.syn]))
        return director
    }

    /// The first `length` bytes of `packet`, with the TCP checksum of `stale` (IPv4, no options).
    static func quote(_ packet: PacketBuilder, length: Int = 48, staleFrom stale: PacketBuilder? = nil) -> [UInt8] {
        var bytes = Array(packet.ipPacket.prefix(length))
        if let stale {
            let original = stale.ipPacket
            bytes[36] = original[36]
            bytes[37] = original[37]
        }
        return bytes
    }

    static let reply = PacketBuilder.tcp("192.0.2.10:80", "198.51.100.7:40000", flags: [.ack], sequence: 9,
                                         payload: [UInt8](repeating: 1, count: 100))
    static let request = PacketBuilder.tcp("198.51.100.7:40000", "10.1.0.11:8080", flags: [.ack], sequence: 3,
                                           payload: [UInt8](repeating: 2, count: 100))

    /// A router's fragmentation-needed about a reply reaches the VIP; it goes on to the real
    /// server with the quoted source VIP:80 turned back into RIP:8080 and TTL − 1.
    @Test func errorAboutReplyGoesToRealServer() {
        var director = Self.natWithConnection()
        let error = PacketBuilder.icmpError("203.0.113.1", F.vip, type: 3, code: 4, restOfHeader: 1400,
                                            quoting: Self.quote(Self.reply))
        let rewrittenQuote = Self.quote(Self.reply.addressed(from: "10.1.0.11:8080", to: "198.51.100.7:40000"),
                                        staleFrom: Self.reply)
        let expected = PacketBuilder.icmpError("203.0.113.1", "10.1.0.11", type: 3, code: 4, restOfHeader: 1400,
                                               quoting: rewrittenQuote, ttl: 63)
            .macs(destination: F.rs1MAC, source: F.realSideMAC)
        #expect(director.run(error) == [Emitted(verdict: .forwarded(.nat, .inbound), side: .realServer,
                                                bytes: expected.bytes)])
    }

    /// A real server's port unreachable about a request leaves with source VIP and the
    /// quoted destination VIP:80.
    @Test func errorAboutRequestGoesToClient() {
        var director = Self.natWithConnection()
        let error = PacketBuilder.icmpError("10.1.0.11", F.client, type: 3, code: 3, quoting: Self.quote(Self.request))
            .macs(destination: F.realSideMAC, source: F.rs1MAC)
        let rewrittenQuote = Self.quote(Self.request.addressed(from: "198.51.100.7:40000", to: "192.0.2.10:80"),
                                        staleFrom: Self.request)
        let expected = PacketBuilder.icmpError(F.vip, F.client, type: 3, code: 3, quoting: rewrittenQuote, ttl: 63)
            .macs(destination: F.routerMAC, source: F.clientSideMAC)
        #expect(director.run(error, from: .realServer) == [Emitted(verdict: .forwarded(.nat, .outbound), side: .client,
                                                                   bytes: expected.bytes)])
    }

    /// IPVS checks the ICMP checksum before rewriting: a wrong one is dropped.
    @Test func badChecksumDropped() {
        var director = Self.natWithConnection()
        var error = PacketBuilder.icmpError("10.1.0.11", F.client, type: 3, code: 3, quoting: Self.quote(Self.request))
            .macs(destination: F.realSideMAC, source: F.rs1MAC)
        error.transportChecksum = 0xBEEF
        #expect(director.run(error, from: .realServer) == [Emitted(verdict: .dropped(.badICMPChecksum), side: nil,
                                                                   bytes: nil)])
    }

    /// Parameter problem (type 12) is not one IPVS relates: it is routed like any packet.
    @Test func parameterProblemIsNotRewritten() {
        var director = Self.natWithConnection()
        let error = PacketBuilder.icmpError("10.1.0.11", F.client, type: 12, code: 0, quoting: Self.quote(Self.request))
            .macs(destination: F.realSideMAC, source: F.rs1MAC)
        let expected = error.ipv4 { $0.ttl = 63 }.macs(destination: F.routerMAC, source: F.clientSideMAC)
        #expect(director.run(error, from: .realServer) == [Emitted(verdict: .routed, side: .client, bytes: expected.bytes)])
    }

    /// DR relays an error about a reply to the real server unchanged but for MAC and TTL.
    @Test func directRoutingRelaysUnchanged() {
        var director = F.director([F.service(servers: [F.server("10.1.0.11", port: 80, .directRouting)])])
        _ = director.run(PacketBuilder.tcp("198.51.100.7:40000", "192.0.2.10:80", flags: [.syn]))
        let error = PacketBuilder.icmpError("203.0.113.1", F.vip, type: 3, code: 4, restOfHeader: 1400,
                                            quoting: Self.quote(Self.reply))
        let expected = error.ipv4 { $0.ttl = 63 }.macs(destination: F.rs1MAC, source: F.realSideMAC)
        #expect(director.run(error) == [Emitted(verdict: .forwarded(.directRouting, .inbound), side: .realServer,
                                                bytes: expected.bytes)])
    }

    /// ICMPv6: the checksum is recomputed over the new pseudo-header.
    @Test func icmpv6AboutRequest() {
        var director = F.director([F.service(vip: F.vip6, servers: [F.server("2001:db8:1::11", port: 8080, .nat)])])
        _ = director.run(PacketBuilder.tcp("[2001:db8:ff::7]:40000", "[2001:db8::10]:80", flags: [.syn]))
        let request = PacketBuilder.tcp("[2001:db8:ff::7]:40000", "[2001:db8:1::11]:8080", flags: [.ack])
        let error = PacketBuilder.icmpError("2001:db8:1::11", F.client6, type: 1, code: 4, quoting: request.ipPacket)
            .macs(destination: F.realSideMAC, source: F.rs6MAC)
        var quote = request.addressed(from: "[2001:db8:ff::7]:40000", to: "[2001:db8::10]:80").ipPacket
        let original = request.ipPacket
        quote[56] = original[56]
        quote[57] = original[57]
        let expected = PacketBuilder.icmpError(F.vip6, F.client6, type: 1, code: 4, quoting: quote, ttl: 63)
            .macs(destination: F.routerMAC, source: F.clientSideMAC)
        #expect(director.run(error, from: .realServer) == [Emitted(verdict: .forwarded(.nat, .outbound), side: .client,
                                                                   bytes: expected.bytes)])
    }
}
