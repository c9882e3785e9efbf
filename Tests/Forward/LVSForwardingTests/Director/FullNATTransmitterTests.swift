import LVSConfig
import LVSTestSupport
import LVSWire
import Testing
@testable import LVSForwarding

/// FULL-NAT rows. The director's ISN is a stand-in for the kernels' secret, clock-driven
/// one, so rows read the shifted sequence number from the first output and check every
/// other byte against a builder value: addresses LIP:lport → RIP:rport, timestamps as ten
/// NOPs, the TOA right after the fixed header, MSS − 8 and ACK/SACK shifted back on replies.
@Suite struct FullNATTransmitterTests {
    typealias F = DirectorFixtures
    static let synOptions: [TCPOption] = [.maximumSegmentSize(1460), .sackPermitted, .timestamps(value: 100, echo: 0),
                                          .noOperation, .windowScale(7)]
    static let nopFilled: [TCPOption] = [.maximumSegmentSize(1460), .sackPermitted] + Array(repeating: .noOperation, count: 11)
        + [.windowScale(7)]

    static func fullNAT(_ profile: KernelProfile, mtu: Int = 1500, vip: String = F.vip, rip: String = "10.1.0.11",
                        local: String = "10.1.0.200", settings: ((inout DirectorSettings) -> Void)? = nil) -> Director {
        F.director([F.service(vip: vip, servers: [F.server(rip, port: 80, .fullNAT)], locals: [local])],
                   profile: profile, mtu: mtu, settings: settings)
    }

    static func sequence(_ frame: [UInt8]?, network: Int = 20) -> UInt32 {
        guard let frame, frame.count >= 14 + network + 8 else { return 0 }
        let o = 14 + network + 4
        return UInt32(frame[o]) << 24 | UInt32(frame[o + 1]) << 16 | UInt32(frame[o + 2]) << 8 | UInt32(frame[o + 3])
    }

    static let syn = PacketBuilder.tcp("198.51.100.7:40000", "192.0.2.10:80", flags: [.syn], sequence: 1_000,
                                       options: synOptions)

    /// Alibaba: lport 5001 (counter 0 + 1 over 5000...65535), TOA 254 on the SYN, TTL kept.
    @Test func alibabaSyn() {
        var director = Self.fullNAT(.alibaba)
        let out = director.run(Self.syn)
        let shifted = Self.sequence(out.first?.bytes)
        let toa = TCPOption.clientAddress(TOAOption(kind: 254, port: 40000, address: IPAddress(F.client)!))
        let expected = PacketBuilder.tcp("10.1.0.200:5001", "10.1.0.11:80", flags: [.syn], sequence: shifted,
                                         options: [toa] + Self.nopFilled)
            .macs(destination: F.rs1MAC, source: F.realSideMAC)
        #expect(out == [Emitted(verdict: .forwarded(.fullNAT, .inbound), side: .realServer, bytes: expected.bytes)])
    }

    /// DPVS: lport 1025, no TOA on the SYN (only on the segment acknowledging RS ISN + 1).
    @Test func dpvsSyn() {
        var director = Self.fullNAT(.dpvs)
        let out = director.run(Self.syn)
        let expected = PacketBuilder.tcp("10.1.0.200:1025", "10.1.0.11:80", flags: [.syn],
                                         sequence: Self.sequence(out.first?.bytes), options: Self.nopFilled)
            .macs(destination: F.rs1MAC, source: F.realSideMAC)
        #expect(out == [Emitted(verdict: .forwarded(.fullNAT, .inbound), side: .realServer, bytes: expected.bytes)])
    }

    /// The handshake in both directions (DPVS): the SYN-ACK reaches the client with MSS − 8,
    /// ack = client ISN + 1, sent straight back to the client's MAC; the client's ACK of
    /// RS ISN + 1 carries the TOA; a SACK block from the server is shifted back.
    @Test func dpvsHandshakeRoundTrip() {
        var director = Self.fullNAT(.dpvs)
        let shifted = Self.sequence(director.run(Self.syn).first?.bytes)
        let synAck = PacketBuilder.tcp("10.1.0.11:80", "10.1.0.200:1025", flags: [.syn, .ack], sequence: 5_000,
                                       acknowledgement: shifted &+ 1,
                                       options: [.maximumSegmentSize(1460), .sackPermitted, .noOperation, .noOperation])
            .macs(destination: F.realSideMAC, source: F.rs1MAC)
        let restored = PacketBuilder.tcp("192.0.2.10:80", "198.51.100.7:40000", flags: [.syn, .ack], sequence: 5_000,
                                         acknowledgement: 1_001,
                                         options: [.maximumSegmentSize(1452), .sackPermitted, .noOperation, .noOperation])
            .macs(destination: F.clientMAC, source: F.clientSideMAC)
        #expect(director.run(synAck, from: .realServer, at: F.time(1))
                == [Emitted(verdict: .forwarded(.fullNAT, .outbound), side: .client, bytes: restored.bytes)])

        let ack = PacketBuilder.tcp("198.51.100.7:40000", "192.0.2.10:80", flags: [.ack], sequence: 1_001,
                                    acknowledgement: 5_001, payload: Array("GET /".utf8))
        let toa = TCPOption.clientAddress(TOAOption(kind: 254, port: 40000, address: IPAddress(F.client)!))
        let forwarded = PacketBuilder.tcp("10.1.0.200:1025", "10.1.0.11:80", flags: [.ack], sequence: shifted &+ 1,
                                          acknowledgement: 5_001, options: [toa], payload: Array("GET /".utf8))
            .macs(destination: F.rs1MAC, source: F.realSideMAC)
        #expect(director.run(ack, at: F.time(2))
                == [Emitted(verdict: .forwarded(.fullNAT, .inbound), side: .realServer, bytes: forwarded.bytes)])

        let sack = PacketBuilder.tcp("10.1.0.11:80", "10.1.0.200:1025", flags: [.ack], sequence: 5_001,
                                     acknowledgement: shifted &+ 6,
                                     options: [.noOperation, .noOperation,
                                               .sack(SACKBlocks([SACKBlock(left: shifted &+ 100, right: shifted &+ 200)]))])
            .macs(destination: F.realSideMAC, source: F.rs1MAC)
        let clientView = PacketBuilder.tcp("192.0.2.10:80", "198.51.100.7:40000", flags: [.ack], sequence: 5_001,
                                           acknowledgement: 1_006,
                                           options: [.noOperation, .noOperation, .sack(SACKBlocks([SACKBlock(left: 1_100, right: 1_200)]))])
            .macs(destination: F.clientMAC, source: F.clientSideMAC)
        #expect(director.run(sack, from: .realServer, at: F.time(3))
                == [Emitted(verdict: .forwarded(.fullNAT, .outbound), side: .client, bytes: clientView.bytes)])
        let entry = director.connections.entries.first
        #expect(entry?.state == .established && entry?.fullNAT?.realServerISN == 5_000)
    }

    /// TOA kinds and lengths: IPv4 8 bytes, IPv6 20 bytes, kind per vendor.
    @Test(arguments: [(TOAKinds.standard, false, UInt8(254)), (TOAKinds.alibaba, false, 254), (TOAKinds.alibaba, true, 253),
                      (TOAKinds.standard, true, 254), (TOAKinds.tencent, false, 200), (TOAKinds.ucloud, true, 252)])
    func toaKinds(_ kinds: TOAKinds, _ ipv6: Bool, _ kind: UInt8) {
        var director = ipv6
            ? Self.fullNAT(.alibaba, vip: F.vip6, rip: "2001:db8:1::11", local: "2001:db8:1::200") { $0.toa = kinds }
            : Self.fullNAT(.alibaba) { $0.toa = kinds }
        let (client, vip, rip, local) = ipv6
            ? ("[2001:db8:ff::7]:40000", "[2001:db8::10]:80", "[2001:db8:1::11]:80", "[2001:db8:1::200]:5001")
            : ("198.51.100.7:40000", "192.0.2.10:80", "10.1.0.11:80", "10.1.0.200:5001")
        let syn = PacketBuilder.tcp(client, vip, flags: [.syn], sequence: 1_000, options: [.maximumSegmentSize(1460)])
        let out = director.run(syn)
        let shifted = Self.sequence(out.first?.bytes, network: ipv6 ? 40 : 20)
        let toa = TCPOption.clientAddress(TOAOption(kind: kind, port: 40000, address: PacketBuilder.endpoint(client).0))
        let expected = PacketBuilder.tcp(local, rip, flags: [.syn], sequence: shifted,
                                         options: [toa, .maximumSegmentSize(1460)])
            .macs(destination: ipv6 ? F.rs6MAC : F.rs1MAC, source: F.realSideMAC)
        #expect(out.first?.bytes == expected.bytes)
        #expect(out.first?.bytes?.count == syn.bytes.count + (ipv6 ? 20 : 8))
    }

    /// Options already at 40 bytes: no room, the TOA is skipped (timestamps still NOP-filled).
    @Test func optionSpaceFullSkipsTOA() {
        var director = Self.fullNAT(.alibaba)
        let full = Self.synOptions + [.unknown(kind: 30, length: 20)]
        let syn = PacketBuilder.tcp("198.51.100.7:40000", "192.0.2.10:80", flags: [.syn], sequence: 1_000, options: full)
        let out = director.run(syn)
        let expected = PacketBuilder.tcp("10.1.0.200:5001", "10.1.0.11:80", flags: [.syn],
                                         sequence: Self.sequence(out.first?.bytes),
                                         options: Self.nopFilled + [.unknown(kind: 30, length: 20)])
            .macs(destination: F.rs1MAC, source: F.realSideMAC)
        #expect(out.first?.bytes == expected.bytes)
    }

    /// The TOA is skipped when the packet would exceed the MTU: an ACK of 1492 bytes takes
    /// it (1500 exactly), one of 1493 does not.
    @Test(arguments: [(1492, true), (1493, false)])
    func toaNeedsMTURoom(_ total: Int, _ inserted: Bool) {
        var director = Self.fullNAT(.dpvs)
        let shifted = Self.sequence(director.run(Self.syn).first?.bytes)
        _ = director.run(PacketBuilder.tcp("10.1.0.11:80", "10.1.0.200:1025", flags: [.syn, .ack], sequence: 5_000,
                                           acknowledgement: shifted &+ 1)
                            .macs(destination: F.realSideMAC, source: F.rs1MAC), from: .realServer)
        let data = [UInt8](repeating: 0x41, count: total - 40)
        let ack = PacketBuilder.tcp("198.51.100.7:40000", "192.0.2.10:80", flags: [.ack], sequence: 1_001,
                                    acknowledgement: 5_001, payload: data)
        let toa = TCPOption.clientAddress(TOAOption(kind: 254, port: 40000, address: IPAddress(F.client)!))
        let expected = PacketBuilder.tcp("10.1.0.200:1025", "10.1.0.11:80", flags: [.ack], sequence: shifted &+ 1,
                                         acknowledgement: 5_001, options: inserted ? [toa] : [], payload: data)
            .macs(destination: F.rs1MAC, source: F.realSideMAC)
        #expect(director.run(ack).first?.bytes == expected.bytes)
    }

    /// Alibaba's incremental update without TOA equals a full recompute on valid input.
    @Test func alibabaDataSegmentWithoutTOA() {
        var director = Self.fullNAT(.alibaba)
        let shifted = Self.sequence(director.run(Self.syn).first?.bytes)
        let data = PacketBuilder.tcp("198.51.100.7:40000", "192.0.2.10:80", flags: [.ack, .psh], sequence: 1_001,
                                     acknowledgement: 77, options: [.noOperation, .noOperation,
                                                                    .timestamps(value: 5, echo: 6)],
                                     payload: Array("x".utf8))
        let expected = PacketBuilder.tcp("10.1.0.200:5001", "10.1.0.11:80", flags: [.ack, .psh], sequence: shifted &+ 1,
                                         acknowledgement: 77, options: [.noOperation, .noOperation,
                                                                        .timestamps(value: 5, echo: 6)],
                                         payload: Array("x".utf8))
            .macs(destination: F.rs1MAC, source: F.realSideMAC)
        #expect(director.run(data).first?.bytes == expected.bytes)
    }
}
