import LVSInference
import LVSRules
import LVSTestSupport
import LVSWire
import Testing

/// The FULL-NAT TOA rules on hand-built handshakes at a real server (LIP 192.0.2.100:40000
/// → RIP 192.0.2.11:80), the cases the lab cannot make: nftables inserts no TOA, and the
/// lab's clients use no option that fills the TCP header.
@Suite struct TOARulesTests {
    static let service = HandBuilt.service("198.51.100.10", 80, mode: .fullnat,
                                           servers: [("192.0.2.11", 80, Lab.rs1)], localAddresses: ["192.0.2.100"])
    static let toa = TCPOption.clientAddress(TOAOption(kind: 254, port: 5000, address: IPAddress("203.0.113.10")!))

    /// SYN (seq 1000, MSS), SYN-ACK (seq 5000), then the handshake ACK (ack 5001) with
    /// `ackOptions`, a request and the server's answer.
    static func handshake(synOptions: [TCPOption] = [.maximumSegmentSize(1460)], ackOptions: [TCPOption]) -> [[UInt8]] {
        let lip = "192.0.2.100:40000", rip = "192.0.2.11:80"
        return [
            PacketBuilder.tcp(lip, rip, flags: [.syn], sequence: 1000, options: synOptions)
                .frame(Lab.directorServerMAC, Lab.rs1),
            PacketBuilder.tcp(rip, lip, flags: [.syn, .ack], sequence: 5000, acknowledgement: 1001,
                              options: [.maximumSegmentSize(1452)]).frame(Lab.rs1, Lab.directorServerMAC),
            PacketBuilder.tcp(lip, rip, flags: [.ack], sequence: 1001, acknowledgement: 5001, options: ackOptions)
                .frame(Lab.directorServerMAC, Lab.rs1),
            PacketBuilder.tcp(lip, rip, flags: [.ack, .psh], sequence: 1001, acknowledgement: 5001,
                              payload: Array("GET 64\n".utf8)).frame(Lab.directorServerMAC, Lab.rs1),
            PacketBuilder.tcp(rip, lip, flags: [.ack, .psh], sequence: 5001, acknowledgement: 1008,
                              payload: [UInt8](repeating: 0x61, count: 64)).frame(Lab.rs1, Lab.directorServerMAC),
        ]
    }

    static func toaFindings(_ frames: [[UInt8]]) throws -> [Finding] {
        try HandBuilt.findings([HandBuilt.Point("rs1", .realServer, frames)], services: [service])
            .filter { $0.category == .toa }
    }

    @Test func toaOnTheHandshakeACKIsFine() throws {
        #expect(try Self.toaFindings(Self.handshake(ackOptions: [Self.toa])).isEmpty)
    }

    @Test func noTOAIsMissing() throws {
        let findings = try Self.toaFindings(Self.handshake(ackOptions: []))
        #expect(findings.map(\.rule) == ["fullnat-toa-missing"])
        #expect(findings.first?.subject == "192.0.2.100")
        #expect(findings.first?.severity == .warning)
        #expect(findings.first?.evidence.map(\.frame) == [1])
    }

    /// Older DPVS put TOA on the SYN only; RS modules read the ACK.
    @Test func toaOnTheSYNOnlyIsMissingAndSaysSo() throws {
        let findings = try Self.toaFindings(Self.handshake(synOptions: [.maximumSegmentSize(1460), Self.toa],
                                                           ackOptions: []))
        #expect(findings.map(\.rule) == ["fullnat-toa-missing"])
        #expect(findings.first?.message.contains("on the SYN only") == true)
    }

    /// Timestamps (10 bytes) and a 24-byte MPTCP-like option (kind 30) fill 34 of the 40
    /// option bytes (36 with padding): 4 left, a TOA needs 8.
    @Test func noRoomForTOA() throws {
        let full: [TCPOption] = [.timestamps(value: 1, echo: 2), .unknown(kind: 30, length: 24)]
        let findings = try Self.toaFindings(Self.handshake(ackOptions: full))
        #expect(findings.map(\.rule) == ["fullnat-toa-no-room"])
        #expect(findings.first?.message.contains("as little as 4 bytes") == true)
    }

    /// Kind 254 with length 6: neither 8 nor 20.
    @Test func malformedTOA() throws {
        let findings = try Self.toaFindings(Self.handshake(ackOptions: [.unknown(kind: 254, length: 6)]))
        #expect(findings.map(\.rule) == ["fullnat-toa-malformed"])
        #expect(findings.first?.severity == .error)
    }

    /// A handshake that never completes has no ACK to check.
    @Test func unansweredSYNIsNotJudged() throws {
        let frames = Array(Self.handshake(ackOptions: []).prefix(1))
        #expect(try Self.toaFindings(frames).isEmpty)
    }
}
