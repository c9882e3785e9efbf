import LVSConfig
import LVSTestSupport
import LVSWire
import Testing
@testable import LVSForwarding

/// TUN (`-i`): the expected frame is the inner packet (TTL − 1, built from scratch) behind
/// an outer header built field by field from §2.3: source = the director's real-server-side
/// address, TTL = inner TTL, TOS = inner DSCP with ECN encapsulated, DF copied, ID 0 with DF.
@Suite struct TunnelTransmitterTests {
    typealias F = DirectorFixtures

    static func tun(_ tunnel: TunnelOptions = .ipip, rip: String = "10.1.0.11",
                    settings: ((inout DirectorSettings) -> Void)? = nil) -> Director {
        F.director([F.service(servers: [F.server(rip, port: 80, .tunnel, tunnel: tunnel)])], settings: settings)
    }

    static let syn = PacketBuilder.tcp("198.51.100.7:40000", "192.0.2.10:80", flags: [.syn])
        .ipv4 { $0.dscp = 10; $0.ecn = 3 }

    static func outer(_ payload: [UInt8], proto: IPProtocol, dontFragment: Bool = true, ttl: UInt8 = 63,
                      identification: UInt16 = 0) -> PacketBuilder {
        // DSCP 10 kept, ECN CE (3) becomes ECT(0) (2).
        let header = IPv4Header(source: IPv4Address(10, 1, 0, 1), destination: IPv4Address(10, 1, 0, 11), protocol: proto,
                                payloadLength: 0, ttl: ttl, identification: identification,
                                dontFragment: dontFragment, dscp: 10, ecn: 2)
        return PacketBuilder(destinationMAC: F.rs1MAC, sourceMAC: F.realSideMAC, network: .ipv4(header),
                             transport: .raw(proto), payload: payload)
    }

    @Test func ipipIPv4() {
        var director = Self.tun()
        let inner = Self.syn.ipv4 { $0.ttl = 63 }.ipPacket
        #expect(director.run(Self.syn) == [Emitted(verdict: .forwarded(.tunnel, .inbound), side: .realServer,
                                                   bytes: Self.outer(inner, proto: .ipv4).bytes)])
    }

    /// `pmtu_disc=0`: the outer DF is clear, so the ID comes from the director's counter (1).
    @Test func noPMTUDiscoveryClearsDF() {
        var director = Self.tun { $0.pmtuDiscovery = false }
        let inner = Self.syn.ipv4 { $0.ttl = 63 }.ipPacket
        let expected = Self.outer(inner, proto: .ipv4, dontFragment: false, identification: 1)
        #expect(director.run(Self.syn).first?.bytes == expected.bytes)
    }

    /// An IPv6 inner packet over an IPv4 outer: protocol 41, DF 0 (IPv6 has none), so the
    /// ID is the director's counter (1). Traffic class 0x2B is DSCP 10 with ECN CE, which
    /// the outer header carries as ECT(0): TOS 0x2A.
    @Test func ipv6InsideIPv4() {
        var director = F.director([F.service(vip: F.vip6, servers: [F.server("10.1.0.11", port: 80, .tunnel)])])
        let syn = PacketBuilder.tcp("[2001:db8:ff::7]:40000", "[2001:db8::10]:80", flags: [.syn])
            .ipv6 { $0.trafficClass = 0x2B }
        let inner = syn.ipv6 { $0.hopLimit = 63 }.ipPacket
        let header = IPv4Header(source: IPv4Address(10, 1, 0, 1), destination: IPv4Address(10, 1, 0, 11), protocol: .ipv6,
                                payloadLength: 0, ttl: 63, identification: 1, dontFragment: false, dscp: 0x0A, ecn: 2)
        let expected = PacketBuilder(destinationMAC: F.rs1MAC, sourceMAC: F.realSideMAC, network: .ipv4(header),
                                     transport: .raw(.ipv6), payload: inner)
        #expect(director.run(syn) == [Emitted(verdict: .forwarded(.tunnel, .inbound), side: .realServer,
                                              bytes: expected.bytes)])
    }

    /// An IPv4 packet over an IPv6 outer header toward an IPv6 real server: next header 4.
    @Test func ipv4InsideIPv6() {
        var director = Self.tun(rip: "2001:db8:1::11")
        let inner = Self.syn.ipv4 { $0.ttl = 63 }.ipPacket
        let header = IPv6Header(source: IPv6Address("2001:db8:1::1")!, destination: IPv6Address("2001:db8:1::11")!,
                                nextHeader: .ipv4, payloadLength: 0, hopLimit: 63, trafficClass: 10 << 2 | 2)
        let expected = PacketBuilder(destinationMAC: F.rs6MAC, sourceMAC: F.realSideMAC, network: .ipv6(header),
                                     transport: .raw(.ipv4), payload: inner)
        #expect(director.run(Self.syn).first?.bytes == expected.bytes)
    }

    /// GUE: UDP to the tunnel port, checksum 0, a 4-byte GUE header (version 0, proto 4).
    /// The UDP source port is the model's stand-in for the kernel's flow hash; the row takes
    /// it from the output after checking it lies in 32768...60999.
    @Test func gue() {
        var director = Self.tun(TunnelOptions(type: .gue, port: 6080))
        let inner = Self.syn.ipv4 { $0.ttl = 63 }.ipPacket
        let out = director.run(Self.syn).first?.bytes ?? []
        let sourcePort = out.count > 36 ? UInt16(out[34]) << 8 | UInt16(out[35]) : 0
        #expect((32768...60999).contains(sourcePort))
        let gue: [UInt8] = [0x00, 0x04, 0x00, 0x00]
        var udp = [UInt8](repeating: 0, count: 8)
        udp[0] = UInt8(sourcePort >> 8); udp[1] = UInt8(sourcePort & 0xFF)
        udp[2] = 0x17; udp[3] = 0xC0
        let length = 8 + gue.count + inner.count
        udp[4] = UInt8(length >> 8); udp[5] = UInt8(length & 0xFF)
        #expect(out == Self.outer(udp + gue + inner, proto: .udp).bytes)
    }

    /// GRE with `--tun-csum`: C bit, protocol 0x0800, checksum over GRE header and payload.
    @Test func greWithChecksum() {
        var director = Self.tun(TunnelOptions(type: .gre, checksum: .checksum))
        let inner = Self.syn.ipv4 { $0.ttl = 63 }.ipPacket
        var gre: [UInt8] = [0x80, 0x00, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00]
        let sum = (gre + inner).withUnsafeBytes { InternetChecksum.checksum(of: $0) }
        gre[4] = UInt8(sum >> 8); gre[5] = UInt8(sum & 0xFF)
        #expect(director.run(Self.syn).first?.bytes == Self.outer(gre + inner, proto: .gre).bytes)
    }

    /// Plain GRE: 4 bytes, no checksum.
    @Test func greWithoutChecksum() {
        var director = Self.tun(TunnelOptions(type: .gre))
        let inner = Self.syn.ipv4 { $0.ttl = 63 }.ipPacket
        let gre: [UInt8] = [0x00, 0x00, 0x08, 0x00]
        #expect(director.run(Self.syn).first?.bytes == Self.outer(gre + inner, proto: .gre).bytes)
    }
}
