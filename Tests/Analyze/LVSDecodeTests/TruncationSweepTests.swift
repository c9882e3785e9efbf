import LVSCapture
import LVSDecode
import LVSTestSupport
import LVSWire
import Testing

/// Every prefix of every packet of several real captures decodes to a complete packet,
/// a truncation flag or a typed error — never a trap, never a read past the prefix
/// (the prefix is copied into an exactly-sized buffer, so an overread would be caught
/// by the address sanitizer run of the fuzz script).
@Suite struct TruncationSweepTests {
    static let captures = [
        "lvscope-fixtures/lvs-nat.pcap", "lvscope-fixtures/lvs-tun.pcap", "lvscope-fixtures/lvs-fullnat.pcap",
        "lvscope-fixtures/lvs-nat-sll2.pcap", "lvscope-fixtures/lvs-nat-qinq.pcap", "lvscope-fixtures/lvs-nat-rawip.pcap",
        "tcpdump-tests/ipv6-routing-header.pcap", "tcpdump-tests/icmp-cksum-oobr-1.pcap", "tcpdump-tests/vxlan.pcap",
        "tcpdump-tests/erspan-type-iii-ft-0.pcap", "tcpdump-tests/gre-heapoverflow-1.pcap",
    ]

    @Test(arguments: captures)
    func everyPrefixDecodesOrFails(_ capture: String) throws {
        let frames = try DecodeHarness.frames(FixturePaths.corpusFile(capture))
        let decoder = PacketDecoder()
        var packet = DecodedPacket()
        var whole = DecodedPacket()
        var truncations = 0
        // The first 40 frames of each file keep the sweep fast; they cover every kind.
        for frame in frames.prefix(40) {
            frame.bytes.withUnsafeBytes {
                decoder.decode($0, linkType: frame.record.linkType, originalLength: frame.bytes.count, into: &whole)
            }
            for length in 0...frame.bytes.count {
                let prefix = Array(frame.bytes.prefix(length))
                prefix.withUnsafeBytes { bytes in
                    // As a capture with snaplen `length` would record it.
                    decoder.decode(bytes, linkType: frame.record.linkType, originalLength: frame.bytes.count,
                                   into: &packet)
                }
                #expect(packet.capturedLength == length)
                switch packet.status {
                case .truncated: truncations += 1
                case .malformed: break
                case .complete:
                    // Every header the cut frame still holds reads exactly as in the whole frame.
                    #expect(packet.ip == whole.ip, "\(capture) frame \(frame.record.frameNumber) cut at \(length)")
                    #expect(packet.transport?.sourcePort == whole.transport?.sourcePort)
                    #expect(packet.transport?.tcp?.sequenceNumber == whole.transport?.tcp?.sequenceNumber)
                    #expect(packet.arp == whole.arp)
                }
            }
        }
        #expect(truncations > 0)
    }

    /// A frame cut inside a header by the snaplen is a truncation; the same bytes whose
    /// original length says they are whole are malformed.
    @Test func truncationIsAnArtifactOnlyWhenTheCaptureCutTheFrame() throws {
        let frames = try DecodeHarness.frames(FixturePaths.corpusFile("lvscope-fixtures/lvs-nat.pcap"))
        let decoder = PacketDecoder()
        var packet = DecodedPacket()
        let tcpFrame = try #require(frames.first { $0.bytes.count > 60 && $0.bytes[23] == 6 })
        let cut = Array(tcpFrame.bytes.prefix(14 + 20 + 10))
        cut.withUnsafeBytes { decoder.decode($0, linkType: .ethernet, originalLength: tcpFrame.bytes.count, into: &packet) }
        #expect(packet.status == .truncated(.tcp))
        cut.withUnsafeBytes { decoder.decode($0, linkType: .ethernet, originalLength: cut.count, into: &packet) }
        guard case let .malformed(error) = packet.status else {
            Issue.record("expected malformed, got \(packet.status)")
            return
        }
        #expect(error.layer == .tcp)
        #expect(error.offset == 34)
    }
}
