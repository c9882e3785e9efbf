import LVSInference
import LVSRules
import LVSTestSupport
import LVSWire
import Testing

/// Bad checksums on a leg the director rewrote, told apart from bad input and from
/// offload, on a hand-built NAT director capture holding both legs (client side
/// 02:..:02:01, real-server side 02:..:02:02): 203.0.113.10:40000 → 198.51.100.10:80
/// rewritten to → 192.0.2.11:80. The lab's director never corrupts a checksum.
@Suite struct ChecksumRulesTests {
    static let service = HandBuilt.service("198.51.100.10", 80, mode: .nat, servers: [("192.0.2.11", 80, Lab.rs1)])
    static let client = "203.0.113.10:40000", vip = "198.51.100.10:80", rip = "192.0.2.11:80"

    /// One connection seen on both legs, in wire order; `badBefore`/`badAfter` give the
    /// request segment a wrong TCP checksum (0x0bad) on the client leg / the rewritten leg.
    static func connection(badBefore: Bool, badAfter: Bool) -> [[UInt8]] {
        func both(_ from: String, _ to: String, _ flags: TCPFlags, seq: UInt32, ack: UInt32, payload: [UInt8] = [],
                  id: UInt16, bad: (Bool, Bool) = (false, false), reply: Bool = false) -> [[UInt8]] {
            var outside = PacketBuilder.tcp(reply ? vip : from, reply ? from : to, flags: flags, sequence: seq,
                                            acknowledgement: ack, payload: payload, ttl: reply ? 63 : 64, identification: id)
            var inside = PacketBuilder.tcp(reply ? rip : from, reply ? from : rip, flags: flags, sequence: seq,
                                           acknowledgement: ack, payload: payload, ttl: reply ? 64 : 63, identification: id)
            if bad.0 { outside.transportChecksum = 0x0BAD }
            if bad.1 { inside.transportChecksum = 0x0BAD }
            if reply {
                return [inside.frame(Lab.rs1, Lab.directorServerMAC), outside.frame(Lab.directorClientMAC, Lab.client)]
            }
            return [outside.frame(Lab.client, Lab.directorClientMAC), inside.frame(Lab.directorServerMAC, Lab.rs1)]
        }
        return both(client, vip, [.syn], seq: 1000, ack: 0, id: 0x1001)
            + both(client, vip, [.syn, .ack], seq: 5000, ack: 1001, id: 0x2001, reply: true)
            + both(client, vip, [.ack], seq: 1001, ack: 5001, id: 0x1002)
            + both(client, vip, [.ack, .psh], seq: 1001, ack: 5001, payload: Array("GET 64\n".utf8), id: 0x1003,
                   bad: (badBefore, badAfter))
            + both(client, vip, [.ack, .psh], seq: 5001, ack: 1008, payload: [UInt8](repeating: 0x61, count: 64),
                   id: 0x2002, reply: true)
    }

    static func checksumFindings(badBefore: Bool, badAfter: Bool) throws -> [Finding] {
        let point = HandBuilt.Point("director", .director, connection(badBefore: badBefore, badAfter: badAfter))
        return try HandBuilt.findings([point], services: [service]).filter { $0.category == .checksum }
    }

    @Test func goodBeforeBadAfterIsTheDirectors() throws {
        let findings = try Self.checksumFindings(badBefore: false, badAfter: true)
        #expect(findings.map(\.rule) == ["bad-checksum-after-rewrite"])
        #expect(findings.first?.subject == "198.51.100.10")
        #expect(findings.first?.message.contains("1 connections' requests") == true)
    }

    /// IPVS's incremental update carries a bad input checksum through: not the director's.
    @Test func badBeforeAndAfterIsNotTheDirectors() throws {
        #expect(try Self.checksumFindings(badBefore: true, badAfter: true).isEmpty)
    }

    @Test func allGoodGivesNothing() throws {
        #expect(try Self.checksumFindings(badBefore: false, badAfter: false).isEmpty)
    }

    /// The lab's offload capture: rs1's own packets unfilled is a capture-quality notice
    /// naming rs1, never a checksum error.
    @Test func offloadIsACaptureNoticeNotAnError() throws {
        let scenario = try ScenarioCatalog.load("nat-capture-offload")
        let findings = try ScenarioRun.findings(scenario)
        #expect(findings.filter { $0.category == .checksum }.isEmpty)
        let offload = findings.filter { $0.rule == "capture-checksum-offload" }
        #expect(offload.map(\.subject) == ["192.0.2.11"])
        #expect(offload.first?.severity == .notice)
        #expect(offload.first?.evidence.allSatisfy { $0.capture == "rs1" } == true)
    }
}
