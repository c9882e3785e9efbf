import LVSConfig
import LVSTestSupport
import LVSWire
import Testing
@testable import LVSForwarding

/// Errors about tunnel packets (§2.3): a router on the real-server side reports on the
/// outer packet to the tunnel source; the director answers the client from the VIP,
/// quoting the client's request as the error quoted it.
@Suite struct TunnelICMPTests {
    typealias F = DirectorFixtures

    static let request = PacketBuilder.tcp("198.51.100.7:40000", "192.0.2.10:80", flags: [.ack],
                                           payload: [UInt8](repeating: 9, count: 1400)).ipv4 { $0.dscp = 10 }

    static func tunnel(_ options: TunnelOptions = .ipip) -> Director {
        var director = F.director([F.service(servers: [F.server("10.1.0.11", port: 80, .tunnel, tunnel: options)])])
        _ = director.run(PacketBuilder.tcp("198.51.100.7:40000", "192.0.2.10:80", flags: [.syn]))
        return director
    }

    /// The outer packet the router quotes: 20 bytes of outer header (DF, toward RIP), the
    /// encapsulation, then the inner request, 120 bytes in all.
    static func errorQuote(_ encapsulation: [UInt8], proto: IPProtocol) -> [UInt8] {
        let inner = request.ipv4 { $0.ttl = 63 }.ipPacket
        let outer = IPv4Header(source: IPv4Address(10, 1, 0, 1), destination: IPv4Address(10, 1, 0, 11), protocol: proto,
                               payloadLength: encapsulation.count + inner.count, ttl: 63)
        var header = [UInt8](repeating: 0, count: 20)
        header.withUnsafeMutableBytes { outer.emit(into: $0, computingChecksum: true) }
        return Array((header + encapsulation + inner).prefix(120))
    }

    /// Route MTU 1400 reported for the outer packet: the client learns 1400 − 20 = 1380.
    @Test(arguments: [(TunnelOptions.ipip, [UInt8](), IPProtocol.ipv4),
                      (TunnelOptions(type: .gue, port: 6080), [0x9C, 0x40, 0x17, 0xC0, 0x05, 0x9C, 0, 0, 0, 4, 0, 0], .udp),
                      (TunnelOptions(type: .gre), [0x00, 0x00, 0x08, 0x00], .gre)])
    func fragmentationNeededIsRelayed(_ options: TunnelOptions, _ encapsulation: [UInt8], _ proto: IPProtocol) {
        var director = Self.tunnel(options)
        let quote = Self.errorQuote(encapsulation, proto: proto)
        let error = PacketBuilder.icmpError("10.1.0.254", "10.1.0.1", type: 3, code: 4, restOfHeader: 1400, quoting: quote)
            .macs(destination: F.realSideMAC, source: F.rs2MAC)
        let innerQuote = Array(quote.suffix(from: 20 + encapsulation.count))
        let expected = PacketBuilder.icmpError(F.vip, F.client, type: 3, code: 4, restOfHeader: 1380, quoting: innerQuote)
            // TOS (0x28 & 0x1E) | 0xC0 = 0xC8: DSCP 0x32, ECN 0.
            .ipv4 { $0.identification = 1; $0.dscp = 0x32; $0.ecn = 0 }
            .macs(destination: F.routerMAC, source: F.clientSideMAC)
        #expect(director.run(error, from: .realServer) == [
            Emitted(verdict: .icmpError(.fragmentationNeeded(mtu: 1380)), side: .client, bytes: expected.bytes),
            Emitted(verdict: .dropped(.tunnelErrorConsumed), side: nil, bytes: nil),
        ])
    }

    /// Other errors keep their type and code.
    @Test func hostUnreachableKeepsItsType() {
        var director = Self.tunnel()
        let quote = Self.errorQuote([], proto: .ipv4)
        let error = PacketBuilder.icmpError("10.1.0.254", "10.1.0.1", type: 3, code: 1, quoting: quote)
            .macs(destination: F.realSideMAC, source: F.rs2MAC)
        let out = director.run(error, from: .realServer)
        #expect(out.map(\.verdict) == [.icmpError(.other(type: 3, code: 1, restOfHeader: 0)), .dropped(.tunnelErrorConsumed)])
    }
}
