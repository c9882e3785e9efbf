import LVSCapture
import LVSDecode
import LVSTestSupport
import LVSWire
import Testing
@testable import LVSReplay

/// Re-aligning a packet edits addresses, ports and sequence numbers in place; every
/// checksum it touches must come out as a full recomputation would (RFC 1624 eqn. 3), and a
/// checksum that was wrong must stay wrong by the same amount. Real lab packets.
@Suite struct FramePatchTests {
    /// The first TCP segment of `file` in `scenario` with `flags`.
    static func frame(_ scenario: String, _ file: String, where accept: (PacketFacts) -> Bool) throws -> [UInt8] {
        let path = try ReplayFixtures.captures(scenario, [file])[0].path
        let reader = try CaptureReader(path: path)
        var packet = DecodedPacket()
        while let borrowed = try reader.nextPacket() {
            PacketDecoder().decode(borrowed.bytes, linkType: .ethernet, originalLength: borrowed.bytes.count,
                                   into: &packet)
            if accept(PacketFacts(packet, bytes: borrowed.bytes, withKey: false)) { return Array(borrowed.bytes) }
        }
        throw NoSuchFrame(file: file)
    }

    struct NoSuchFrame: Error {
        var file: String
    }

    static func edit(_ frame: inout [UInt8], _ body: (FramePatch) -> Void) throws {
        try frame.withUnsafeMutableBytes { raw in
            var packet = DecodedPacket()
            PacketDecoder().decode(UnsafeRawBufferPointer(raw), linkType: .ethernet, originalLength: raw.count,
                                   into: &packet)
            body(try #require(FramePatch(raw, packet)))
        }
    }

    static func facts(_ frame: [UInt8]) -> PacketFacts {
        frame.withUnsafeBytes { raw in
            var packet = DecodedPacket()
            PacketDecoder().decode(raw, linkType: .ethernet, originalLength: raw.count, into: &packet)
            return PacketFacts(packet, bytes: raw, withKey: true)
        }
    }

    @Test(arguments: ["nat-ok", "nat-ok-v6"])
    func addressPortAndNumbersKeepChecksumsRight(_ scenario: String) throws {
        var frame = try Self.frame(scenario, "client.pcap") { $0.tcpFlags.contains(.psh) }
        let before = Self.facts(frame)
        let rip = try #require(IPAddress(scenario.hasSuffix("v6") ? "2001:db8:2::12" : "192.0.2.12"))
        try Self.edit(&frame) { patch in
            patch.setAddress(.destination, rip)
            patch.setPort(.destination, 8080)
            patch.addToSequence(0x1000_0001)
            patch.addToAcknowledgement(0xFFFF_FFF0)
            patch.setMAC(.destination, MACAddress("02:00:00:00:03:02")!)
        }
        #expect(FrameChecksums.problems(in: frame).isEmpty)
        let after = Self.facts(frame)
        #expect(after.tuple?.destination == rip)
        #expect(after.tuple?.destinationPort == 8080)
        #expect(after.sequence == before.sequence &+ 0x1000_0001)
        #expect(after.acknowledgement == before.acknowledgement &- 0x10)
        #expect(after.destinationMAC?.description == "02:00:00:00:03:02")
        #expect(after.key?.digest == before.key?.digest)
    }

    /// A wrong TCP checksum stays exactly as wrong (the kernel's incremental update keeps
    /// the error), rather than being silently repaired.
    @Test func wrongChecksumStaysWrong() throws {
        var frame = try Self.frame("nat-ok", "client.pcap") { $0.tcpFlags.contains(.psh) }
        var reference = frame
        let field = 14 + 20 + 16
        frame[field] ^= 0x01
        let rip = try #require(IPAddress("192.0.2.11"))
        try Self.edit(&frame) { $0.setAddress(.destination, rip) }
        try Self.edit(&reference) { $0.setAddress(.destination, rip) }
        #expect(frame[field] == reference[field] ^ 0x01)
        #expect(frame[field + 1] == reference[field + 1])
    }

    /// An ICMP error's quote edited as if the server had received another request: the
    /// result is byte for byte the error quoting that other request (quoted IPv4 header and
    /// UDP checksums included), and its ICMP checksum verifies.
    @Test func quotedRequestKeepsEveryChecksum() throws {
        let received = PacketBuilder.udp("203.0.113.10:40000", "192.0.2.12:8053", payload: Array("Q 64".utf8))
        let other = PacketBuilder.udp("203.0.113.10:40000", "192.0.2.11:53", payload: Array("Q 64".utf8))
        func error(quoting request: PacketBuilder, from source: String) -> [UInt8] {
            PacketBuilder.icmpError(source, "203.0.113.10", type: 3, code: 3, quoting: request.ipPacket)
                .macs(destination: PacketBuilder.directorMAC, source: PacketBuilder.clientMAC).bytes
        }
        var frame = error(quoting: received, from: "192.0.2.12")
        try Self.edit(&frame) { patch in
            patch.setAddress(.source, IPAddress("192.0.2.11")!)
            patch.setQuotedAddress(.destination, IPAddress("192.0.2.11")!)
            patch.setQuotedPort(.destination, 53)
        }
        #expect(frame == error(quoting: other, from: "192.0.2.11"))
        #expect(FrameChecksums.problems(in: frame).isEmpty)
    }

    /// SACK edges move with the acknowledgement (both are the peer's sequence space).
    @Test func sackEdgesFollowTheAcknowledgement() throws {
        let options: [TCPOption] = [.noOperation, .noOperation, .sack(SACKBlocks([SACKBlock(left: 100, right: 200)]))]
        var frame = PacketBuilder.tcp("192.0.2.11:80", "192.0.2.100:40000", flags: [.ack], acknowledgement: 50,
                                      options: options).bytes
        try Self.edit(&frame) { $0.addToAcknowledgement(0 &- 10) }
        #expect(FrameChecksums.problems(in: frame).isEmpty)
        let fields = frame.withUnsafeBytes { raw in
            var packet = DecodedPacket()
            PacketDecoder().decode(raw, linkType: .ethernet, originalLength: raw.count, into: &packet)
            return FrameFields(packet, bytes: raw)
        }
        #expect(fields["tcp.ack"] == "40")
        #expect(fields["tcp.options.sack"] == "90-190")
    }
}
