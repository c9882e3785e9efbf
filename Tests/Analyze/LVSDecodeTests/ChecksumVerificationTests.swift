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

    /// The word-at-a-time sum of RFC 1071 §4.1, the reference for the accumulator's
    /// block path: big-endian 16-bit words, an odd last byte padded with zero.
    static func referenceSum(_ bytes: ArraySlice<UInt8>) -> UInt16 {
        var sum: UInt64 = 0
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let high = UInt64(bytes[index])
            let low = index + 1 < bytes.endIndex ? UInt64(bytes[index + 1]) : 0
            sum += high << 8 | low
            index += 2
        }
        while sum > 0xFFFF { sum = (sum >> 16) + (sum & 0xFFFF) }
        return UInt16(sum)
    }

    /// Every frame of real captures, whole and from each of its first 20 offsets, and
    /// split into two chunks at odd and even places: the accumulator's folded sum equals
    /// the reference's, up to the ones' complement zero (0x0000 and 0xFFFF are equal).
    @Test func accumulatorMatchesTheReferenceOnRealFrames() throws {
        var frames: [[UInt8]] = []
        for file in ["lvscope-fixtures/lvs-nat.pcap", "lvscope-fixtures/lvs-tun.pcap",
                     "lvscope-fixtures/lvs-mixed-eth-sll2.pcapng"] {
            frames += try DecodeHarness.frames(FixturePaths.corpusFile(file)).map(\.bytes)
        }
        var checked = 0
        for frame in frames {
            for start in 0..<min(20, frame.count) {
                let slice = frame[start...]
                let expected = Self.referenceSum(slice)
                for split in [0, 1, 7, 33] where split <= slice.count {
                    var sum = InternetChecksum()
                    slice.withUnsafeBytes { bytes in
                        sum.add(bytes: UnsafeRawBufferPointer(rebasing: bytes[..<split]))
                        sum.add(bytes: UnsafeRawBufferPointer(rebasing: bytes[split...]))
                    }
                    let same = sum.folded == expected || (sum.folded % 0xFFFF == 0 && expected % 0xFFFF == 0)
                    #expect(same, "start \(start) split \(split): \(sum.folded) vs \(expected)")
                    checked += 1
                }
            }
        }
        #expect(checked > 50_000)
    }
}

