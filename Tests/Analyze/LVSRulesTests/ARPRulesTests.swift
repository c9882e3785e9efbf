import LVSInference
import LVSRules
import LVSTestSupport
import LVSWire
import Testing

/// Who may claim a VIP: the director, a backup director that sends VRRP, nobody else.
@Suite struct ARPRulesTests {
    static let service = HandBuilt.service("198.51.100.10", 80, mode: .dr, servers: [("192.0.2.12", 80, Lab.rs2)],
                                           directorMACs: [Lab.directorClientMAC])
    static let other = "02:00:00:00:09:09"

    /// An ARP reply for the VIP from `other`, optionally preceded by a VRRP advert
    /// (IP protocol 112 to 224.0.0.18, TTL 255) from the same MAC.
    static func claims(vrrp: Bool) throws -> [Finding] {
        var frames = [HandBuilt.arp(.request, sender: Lab.router, senderIP: "192.0.2.254", targetIP: "198.51.100.10"),
                      HandBuilt.arp(.reply, sender: Lab.directorClientMAC, senderIP: "198.51.100.10",
                                    target: Lab.router, targetIP: "192.0.2.254"),
                      HandBuilt.arp(.reply, sender: other, senderIP: "198.51.100.10", target: Lab.router,
                                    targetIP: "192.0.2.254")]
        if vrrp {
            let advert = PacketBuilder(network: .ipv4(IPv4Header(source: IPv4Address("192.0.2.2")!,
                                                                 destination: IPv4Address("224.0.0.18")!,
                                                                 protocol: IPProtocol(rawValue: 112), payloadLength: 0,
                                                                 ttl: 255, identification: 1, dontFragment: false)),
                                       transport: .raw(IPProtocol(rawValue: 112)), payload: [0x31, 1, 100, 1, 0, 1, 0, 0])
                .macs(destination: MACAddress("01:00:5e:00:00:12")!, source: Lab.mac(other)).bytes
            frames.insert(advert, at: 0)
        }
        return try HandBuilt.findings([HandBuilt.Point("segment", .segment, frames)], services: [service])
            .filter { $0.category == .arpLeak }
    }

    @Test func anotherMACAnsweringForTheVIPIsALeak() throws {
        let findings = try Self.claims(vrrp: false)
        #expect(findings.map(\.rule) == ["vip-claimed-by-other-host"])
        #expect(findings.first?.subject == Self.other)
        #expect(findings.first?.evidence.map(\.frame) == [3])
    }

    /// keepalived's backup announces the VIP when it takes over: it also sends VRRP.
    @Test func aBackupDirectorSendingVRRPIsNotALeak() throws {
        #expect(try Self.claims(vrrp: true).isEmpty)
    }

    /// The real server's MAC is named by its address.
    @Test func aRealServerIsNamedByItsAddress() throws {
        let frames = [HandBuilt.arp(.reply, sender: Lab.rs2, senderIP: "198.51.100.10", target: Lab.router,
                                    targetIP: "192.0.2.254")]
        let findings = try HandBuilt.findings([HandBuilt.Point("segment", .segment, frames)], services: [Self.service])
        #expect(findings.map(\.subject) == ["192.0.2.12"])
        #expect(findings.first?.remediation.contains("net.ipv4.conf.all.arp_ignore=1") == true)
    }
}
