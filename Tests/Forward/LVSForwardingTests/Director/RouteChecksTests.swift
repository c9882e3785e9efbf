import LVSConfig
import LVSTestSupport
import LVSWire
import Testing
@testable import LVSForwarding

/// The request path's TTL and MTU checks (`decrement_ttl`, `ensure_mtu_is_adequate`) and the
/// ICMP errors they send. Expected errors are built with the builder from `icmp_send`'s
/// layout: source VIP, TTL 64, TOS 0xC0 | (original & 0x1E), no DF, ID from the director's
/// counter (1 for the first packet it builds), quote of at most 548 bytes.
@Suite struct RouteChecksTests {
    typealias F = DirectorFixtures

    static func nat(_ profile: KernelProfile = .default, mtu: Int = 1500) -> Director {
        F.director([F.service(servers: [F.server("10.1.0.11", port: 8080, .nat)])], profile: profile, mtu: mtu)
    }

    /// A segment with `total` bytes of IP length.
    static func segment(total: Int, ttl: UInt8 = 64, dontFragment: Bool = true) -> PacketBuilder {
        PacketBuilder.tcp("198.51.100.7:40000", "192.0.2.10:80", flags: [.syn],
                          payload: [UInt8](repeating: 0x61, count: total - 40), ttl: ttl, dontFragment: dontFragment)
    }

    static func icmp(type: UInt8, code: UInt8, rest: UInt32 = 0, quoting packet: [UInt8]) -> PacketBuilder {
        PacketBuilder.icmpError(F.vip, F.client, type: type, code: code, restOfHeader: rest,
                                quoting: Array(packet.prefix(548)))
            .ipv4 { $0.identification = 1; $0.dscp = 0x30 }
            .macs(destination: F.routerMAC, source: F.clientSideMAC)
    }

    @Test func exactlyAtMTUPasses() {
        var director = Self.nat()
        let out = director.run(Self.segment(total: 1500))
        #expect(out.count == 1 && out.first?.verdict == .forwarded(.nat, .inbound) && out.first?.bytes?.count == 1514)
    }

    /// One byte over with DF: fragmentation needed with MTU 1500, quoting the packet as it
    /// stood after the TTL decrement.
    @Test func oneByteOverSendsFragmentationNeeded() {
        var director = Self.nat()
        let packet = Self.segment(total: 1501)
        let quoted = packet.ipv4 { $0.ttl = 63 }.ipPacket
        #expect(director.run(packet) == [
            Emitted(verdict: .icmpError(.fragmentationNeeded(mtu: 1500)), side: .client,
                    bytes: Self.icmp(type: 3, code: 4, rest: 1500, quoting: quoted).bytes),
            Emitted(verdict: .dropped(.tooBig), side: nil, bytes: nil),
        ])
    }

    /// Without DF the oversize packet is fragmented on the way out (`ip_fragment`): 1480 +
    /// 21 data bytes, same ID, MF on the first.
    @Test func withoutDFTheOutputIsFragmented() {
        var director = Self.nat()
        let out = director.run(Self.segment(total: 1501, dontFragment: false))
        #expect(out.count == 2)
        let first = out.first?.bytes ?? []
        let second = out.last?.bytes ?? []
        #expect(first.count == 1514 && second.count == 14 + 20 + 1)
        #expect(first.count > 21 && first[20] == 0x20 && first[21] == 0x00)
        #expect(second.count > 21 && second[20] == 0x00 && second[21] == 185)
        #expect(FrameChecksums.problems(in: first).filter { $0.contains("IPv4 header") }.isEmpty)
    }

    /// TUN lowers the MTU by its overhead: 1480 for ipip, 1468 for GUE (20 + 8 + 4).
    @Test(arguments: [(TunnelOptions.ipip, 1480), (TunnelOptions(type: .gue, port: 6080), 1468),
                      (TunnelOptions(type: .gre, checksum: .checksum), 1472)])
    func tunnelOverheadInMTU(_ tunnel: TunnelOptions, _ mtu: Int) {
        var director = F.director([F.service(servers: [F.server("10.1.0.11", port: 80, .tunnel, tunnel: tunnel)])])
        #expect(director.run(Self.segment(total: mtu)).first?.verdict == .forwarded(.tunnel, .inbound))
        let out = director.run(Self.segment(total: mtu + 1))
        #expect(out.map(\.verdict) == [.icmpError(.fragmentationNeeded(mtu: mtu)), .dropped(.tooBig)])
    }

    /// TTL 1: time exceeded from the VIP, quoting the packet as received.
    @Test func ttlOneSendsTimeExceeded() {
        var director = Self.nat()
        let packet = Self.segment(total: 60, ttl: 1)
        #expect(director.run(packet) == [
            Emitted(verdict: .icmpError(.timeExceeded), side: .client,
                    bytes: Self.icmp(type: 11, code: 0, quoting: packet.ipPacket).bytes),
            Emitted(verdict: .dropped(.ttlExceeded), side: nil, bytes: nil),
        ])
    }

    /// IPv6 hop limit 1: ICMPv6 time exceeded (type 3) from the VIP, hop limit 64.
    @Test func hopLimitOneSendsICMPv6() {
        var director = F.director([F.service(vip: F.vip6, servers: [F.server("2001:db8:1::11", port: 80, .directRouting)])])
        let packet = PacketBuilder.tcp("[2001:db8:ff::7]:40000", "[2001:db8::10]:80", flags: [.syn], ttl: 1)
        let expected = PacketBuilder.icmpError(F.vip6, F.client6, type: 3, code: 0, quoting: packet.ipPacket)
            .macs(destination: F.routerMAC, source: F.clientSideMAC)
        #expect(director.run(packet) == [
            Emitted(verdict: .icmpError(.timeExceeded), side: .client, bytes: expected.bytes),
            Emitted(verdict: .dropped(.ttlExceeded), side: nil, bytes: nil),
        ])
    }

    /// IPv6 one byte over the MTU: packet too big (type 2) with the MTU.
    @Test func ipv6PacketTooBig() {
        var director = F.director([F.service(vip: F.vip6, servers: [F.server("2001:db8:1::11", port: 80, .directRouting)])],
                                  mtu: 1400)
        let packet = PacketBuilder.tcp("[2001:db8:ff::7]:40000", "[2001:db8::10]:80", flags: [.syn],
                                       payload: [UInt8](repeating: 7, count: 1401 - 60))
        let quoted = packet.ipv6 { $0.hopLimit = 63 }.ipPacket
        let expected = PacketBuilder.icmpError(F.vip6, F.client6, type: 2, code: 0, restOfHeader: 1400,
                                               quoting: Array(quoted.prefix(1232)))
            .macs(destination: F.routerMAC, source: F.clientSideMAC)
        #expect(director.run(packet) == [
            Emitted(verdict: .icmpError(.packetTooBig(mtu: 1400)), side: .client, bytes: expected.bytes),
            Emitted(verdict: .dropped(.tooBig), side: nil, bytes: nil),
        ])
    }

    /// Kernels before 4.10 neither check nor lower the TTL.
    @Test func oldKernelLeavesTTL() {
        var director = Self.nat(.linux(4, 9))
        let packet = Self.segment(total: 60, ttl: 1)
        let expected = packet.addressed(from: "198.51.100.7:40000", to: "10.1.0.11:8080")
            .macs(destination: F.rs1MAC, source: F.realSideMAC)
        #expect(director.run(packet) == [Emitted(verdict: .forwarded(.nat, .inbound), side: .realServer,
                                                 bytes: expected.bytes)])
    }

    /// No usable real server: `ip_vs_leave` answers ICMP port unreachable from the VIP.
    @Test func noRealServerSendsPortUnreachable() {
        var director = F.director([F.service(servers: [F.server("10.1.0.11", port: 8080, .nat, weight: 0)])])
        let packet = Self.segment(total: 60)
        #expect(director.run(packet) == [
            Emitted(verdict: .icmpError(.portUnreachable), side: .client,
                    bytes: Self.icmp(type: 3, code: 3, quoting: packet.ipPacket).bytes),
            Emitted(verdict: .dropped(.noRealServer), side: nil, bytes: nil),
        ])
    }
}
