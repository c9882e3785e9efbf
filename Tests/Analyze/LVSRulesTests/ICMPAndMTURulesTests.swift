import LVSInference
import LVSRules
import LVSTestSupport
import LVSWire
import Testing

/// ICMP errors leaking a real server's address, and the director's frag-needed for a
/// tunnel, on hand-built captures (the lab's conntrack rewrites every error, and its
/// kernel has no ipip module).
@Suite struct ICMPAndMTURulesTests {
    /// A UDP request to the VIP at the client, answered by an ICMP port unreachable from
    /// `sender` quoting the request as the real server saw it (to RIP2:8053).
    static func portUnreachable(from sender: String) throws -> [Finding] {
        let service = HandBuilt.service("198.51.100.10", 8053, .udp, mode: .nat,
                                        servers: [("192.0.2.12", 8053, Lab.rs2)])
        let request = PacketBuilder.udp("203.0.113.10:5353", "198.51.100.10:8053", payload: Array("Q 64".utf8))
        let seenByServer = PacketBuilder.udp("203.0.113.10:5353", "192.0.2.12:8053", payload: Array("Q 64".utf8), ttl: 63)
        let error = PacketBuilder.icmpError(sender, "203.0.113.10", type: 3, code: 3,
                                            quoting: Array(seenByServer.ipPacket.prefix(28)))
        let frames = [request.frame(Lab.client, Lab.directorClientMAC), error.frame(Lab.directorClientMAC, Lab.client)]
        return try HandBuilt.findings([HandBuilt.Point("client", .client, frames)], services: [service])
    }

    @Test func errorFromARealServerLeaksItsAddress() throws {
        let findings = try Self.portUnreachable(from: "192.0.2.12").filter { $0.category == .icmp }
        #expect(findings.map(\.rule) == ["icmp-error-leaks-real-server"])
        #expect(findings.first?.subject == "192.0.2.12")
        #expect(findings.first?.severity == .warning)
    }

    /// The director's rewritten error comes from the VIP: nothing leaks.
    @Test func errorFromTheVIPIsFine() throws {
        #expect(try Self.portUnreachable(from: "198.51.100.10").filter { $0.category == .icmp }.isEmpty)
    }

    /// A TUN director (DIP 192.0.2.1 → RIP 192.0.2.11 over IP-in-IP): the client's
    /// 1500-byte DF segment does not fit the 1480 bytes left after the outer header; the
    /// director answers frag-needed (MTU 1480) from the VIP; `retransmit` sends the same
    /// segment again (the client ignored the error).
    static func tunnelDirector(retransmit: Bool) throws -> [Finding] {
        let service = HandBuilt.service("198.51.100.10", 80, mode: .tun, servers: [("192.0.2.11", 80, Lab.rs1)],
                                        directorMACs: [Lab.directorClientMAC])
        let client = "203.0.113.10:40000", vip = "198.51.100.10:80"
        let syn = PacketBuilder.tcp(client, vip, flags: [.syn], sequence: 1000, options: [.maximumSegmentSize(1460)],
                                    identification: 0x1001)
        let ack = PacketBuilder.tcp(client, vip, flags: [.ack], sequence: 1001, acknowledgement: 5001, identification: 0x1002)
        let big = PacketBuilder.tcp(client, vip, flags: [.ack, .psh], sequence: 1001, acknowledgement: 5001,
                                    payload: [UInt8](repeating: 0x42, count: 1460), identification: 0x1003)
        let error = PacketBuilder.icmpError("198.51.100.10", "203.0.113.10", type: 3, code: 4, restOfHeader: 1480,
                                            quoting: Array(big.ipPacket.prefix(48)))
        func tunnelled(_ inner: PacketBuilder) -> [UInt8] {
            let outer = IPv4Header(source: IPv4Address("192.0.2.1")!, destination: IPv4Address("192.0.2.11")!,
                                   protocol: IPProtocol(rawValue: 4), payloadLength: 0, ttl: 63, identification: 0x7001,
                                   dontFragment: true)
            return PacketBuilder(network: .ipv4(outer),
                          transport: .raw(IPProtocol(rawValue: 4)), payload: inner.ipv4 { $0.ttl = 63 }.ipPacket)
                .frame(Lab.directorClientMAC, Lab.rs1)
        }
        var frames: [(Int64, [UInt8])] = [
            (0, syn.frame(Lab.router, Lab.directorClientMAC)), (1, tunnelled(syn)),
            (3, ack.frame(Lab.router, Lab.directorClientMAC)), (4, tunnelled(ack)),
            (5, big.frame(Lab.router, Lab.directorClientMAC)), (6, error.frame(Lab.directorClientMAC, Lab.router)),
        ]
        if retransmit { frames.append((400, big.frame(Lab.router, Lab.directorClientMAC))) }
        return try HandBuilt.findings([HandBuilt.Point("director", .director, timed: frames)], services: [service])
            .filter { $0.category == .mtu }
    }

    @Test func fragNeededFromTheVIPIsAnMTUFinding() throws {
        let findings = try Self.tunnelDirector(retransmit: false)
        #expect(findings.map(\.rule) == ["service-mtu-exceeded"])
        #expect(findings.first?.subject == "192.0.2.11")
        #expect(findings.first?.message.contains("MTU 1480") == true)
        #expect(findings.first?.message.contains("IP-in-IP") == true)
        #expect(findings.first?.remediation.contains("advmss 1440") == true)
        #expect(findings.first?.message.contains("black hole") == false)
    }

    @Test func retransmittedLargeSegmentIsABlackHole() throws {
        let findings = try Self.tunnelDirector(retransmit: true)
        #expect(findings.first?.message.contains("PMTU black hole") == true)
    }
}
