import LVSDecode
import LVSTestSupport
import LVSWire
import Testing

/// Transport checksums verified on real frames from the tcpdump corpus, including the
/// cases where the pseudo-header is not the one the IP header shows.
@Suite struct ChecksumVerificationTests {
    static func decoded(_ file: String) throws -> [DecodedPacket] {
        var packets: [DecodedPacket] = []
        let decoder = PacketDecoder(options: .init(verifyChecksums: true))
        for frame in try DecodeHarness.frames(FixturePaths.corpusFile("tcpdump-tests/\(file)")) {
            var packet = DecodedPacket()
            frame.bytes.withUnsafeBytes {
                decoder.decode($0, linkType: frame.record.linkType, originalLength: frame.record.originalLength,
                               into: &packet)
            }
            packets.append(packet)
        }
        return packets
    }

    /// Frame 1 is UDP behind a segment routing header with segments left: its checksum
    /// covers the final destination in that header (RFC 8200 §8.1; tshark: good), not the
    /// IPv6 header's destination, so it is not verifiable here, never "bad".
    @Test func routedOnwardIPv6IsNotVerifiable() throws {
        let packets = try Self.decoded("ipv6-srh-insert-cksum.pcap")
        let udp = try #require(packets.first?.transport)
        #expect(udp.protocolNumber == .udp && udp.destinationPort == 5001)
        #expect(udp.checksum == .notVerifiable)
    }

    /// The same decoder storage carries a TCP segment, then a UDP datagram, then TCP
    /// again: nothing of one frame's transport shows through in the next.
    @Test func reusedStorageKeepsNoStaleTransport() throws {
        let frames = try DecodeHarness.frames(FixturePaths.corpusFile("lvscope-fixtures/lvs-mixed-eth-sll2.pcapng"))
        let decoder = PacketDecoder(options: .init(verifyChecksums: true))
        var reused = DecodedPacket()
        var compared = (tcp: 0, udp: 0)
        for frame in frames {
            var fresh = DecodedPacket()
            frame.bytes.withUnsafeBytes { bytes in
                decoder.decode(bytes, linkType: frame.record.linkType, originalLength: frame.record.originalLength,
                               into: &reused)
                decoder.decode(bytes, linkType: frame.record.linkType, originalLength: frame.record.originalLength,
                               into: &fresh)
            }
            #expect(reused.transport == fresh.transport && reused.ip == fresh.ip && reused.icmp == fresh.icmp)
            #expect(reused.transport?.tcp == fresh.transport?.tcp)
            if fresh.transport?.tcp != nil { compared.tcp += 1 } else if fresh.transport != nil { compared.udp += 1 }
        }
        #expect(compared.tcp > 100 && compared.udp > 10, "\(compared)")
    }
}
