import LVSInference
import LVSRules
import LVSTestSupport
import LVSWire
import Testing

/// A NAT client that gets its SYN-ACK from the real server's address: which rule explains
/// it depends on the MAC it came from, as seen at the client.
@Suite struct ReplyPathRulesTests {
    static let service = HandBuilt.service("198.51.100.10", 80, mode: .nat, servers: [("192.0.2.12", 80, Lab.rs2)])
    static let router2 = "02:00:00:00:04:03"

    /// The client sends its SYN to `nextHop`; the SYN-ACK from RIP2:80 arrives from
    /// `replyFrom`; the client resets it and retransmits its SYN a second later.
    static func clientView(nextHop: String, replyFrom: String) throws -> [Finding] {
        let client = "203.0.113.10:40000", vip = "198.51.100.10:80", rip = "192.0.2.12:80"
        let syn = PacketBuilder.tcp(client, vip, flags: [.syn], sequence: 1000)
        let frames: [(Int64, [UInt8])] = [
            (0, syn.frame(Lab.client, nextHop)),
            (1, PacketBuilder.tcp(rip, client, flags: [.syn, .ack], sequence: 5000, acknowledgement: 1001)
                .frame(replyFrom, Lab.client)),
            (2, PacketBuilder.tcp(client, rip, flags: [.rst], sequence: 1001).frame(Lab.client, nextHop)),
            (1000, syn.frame(Lab.client, nextHop)),
        ]
        return try HandBuilt.findings([HandBuilt.Point("client", .client, timed: frames)], services: [service])
            .filter { $0.severity >= .warning }
    }

    /// From the director's own MAC: the director forwarded the answer without rewriting it.
    @Test func throughTheDirectorIsAWrongSource() throws {
        let findings = try Self.clientView(nextHop: Lab.directorClientMAC, replyFrom: Lab.directorClientMAC)
        #expect(findings.map(\.rule) == ["reply-from-wrong-source"])
        #expect(findings.first?.subject == "192.0.2.12")
        #expect(findings.first?.message.contains("without rewriting") == true)
    }

    /// From another router than the director: the real server bypassed it.
    @Test func aroundTheDirectorIsAWrongGateway() throws {
        let findings = try Self.clientView(nextHop: Lab.directorClientMAC, replyFrom: Self.router2)
        #expect(findings.map(\.rule) == ["nat-reply-bypasses-director"])
    }

    /// Behind a router both paths end at the router: reported as the common cause, a bypass.
    @Test func behindARouterIsReportedAsABypass() throws {
        let findings = try Self.clientView(nextHop: Lab.router, replyFrom: Lab.router)
        #expect(findings.map(\.rule) == ["nat-reply-bypasses-director"])
    }
}
