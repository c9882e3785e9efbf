import LVSCapture
import LVSDecode
import LVSTestSupport
@testable import LVSFlows
import Testing

/// The digest correlation compares covers exactly the first 64 payload bytes, and only
/// when all of them were captured.
@Suite struct PayloadDigestTests {
    private func digest(_ bytes: [UInt8], offset: Int = 0, payload: Int? = nil) -> UInt32? {
        bytes.withUnsafeBytes {
            PayloadDigest.digest($0, offset: offset, payloadLength: payload ?? bytes.count - offset)
        }
    }

    @Test("every prefix byte and the prefix length count; bytes after 64 do not")
    func coversThePrefix() throws {
        let payload = (0..<100).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
        let whole = try #require(digest(payload))
        #expect(whole != 0)
        for position in [0, 7, 8, 31, 63] {
            var changed = payload
            changed[position] ^= 0x40
            #expect(digest(changed) != whole, "byte \(position)")
        }
        var after = payload
        after[64] ^= 0x40
        after[99] ^= 0x01
        #expect(digest(after) == whole)
        // A shorter payload with the same leading bytes is another prefix (the tail is
        // padded, so the length must tell them apart).
        #expect(digest(Array(payload[..<13])) != digest(Array(payload[..<12]) + [0]))
        #expect(digest(Array(payload[..<13])) == digest(Array(payload[..<13])))
    }

    @Test("the same bytes at another offset give the same digest")
    func offsetIndependent() {
        let payload: [UInt8] = Array("GET / HTTP/1.1\r\nHost: 192.0.2.10\r\n\r\n".utf8)
        #expect(digest([0xAA, 0xBB, 0xCC] + payload, offset: 3) == digest(payload))
    }

    @Test("no digest without payload, or when the capture cut the prefix short")
    func partialOrEmpty() {
        let bytes = [UInt8](repeating: 0x61, count: 40)
        #expect(digest(bytes, payload: 0) == nil)
        #expect(digest(bytes, payload: 50) == nil)
        #expect(digest(bytes, offset: -1, payload: 10) == nil)
        #expect(digest(bytes, payload: 40) != nil)
    }
}

/// The digest the reading thread makes of each decoded packet is the one the tracker used
/// to make from the frame itself: of the TCP or UDP payload, or of an ICMP body.
@Suite struct PacketDigestTests {
    private func reference(_ packet: DecodedPacket, _ frame: UnsafeRawBufferPointer) -> UInt32 {
        if let transport = packet.transport {
            return PayloadDigest.digest(frame, offset: transport.payloadOffset,
                                        payloadLength: transport.payloadLength) ?? 0
        }
        if packet.icmp != nil, let ip = packet.innerIP {
            let body = max(0, ip.payloadLength - 8)
            return PayloadDigest.digest(frame, offset: ip.payloadOffset + 8, payloadLength: body) ?? 0
        }
        return 0
    }

    @Test("equal to the digest of the transport payload or ICMP body, on every corpus packet")
    func sameAsFromTheFrame() throws {
        let files = try FixturePaths.corpusFiles(in: "tcpdump-tests", extensions: ["pcap", "pcapng"])
            + FixturePaths.corpusFiles(in: "lvscope-fixtures", extensions: ["pcap", "pcapng"])
        let decoder = PacketDecoder()
        var packet = DecodedPacket()
        var seen = (transport: 0, icmp: 0, partial: 0)
        for file in files {
            guard let reader = try? CaptureReader(path: file) else { continue }
            while let borrowed = try? reader.nextPacket() {
                decoder.decode(borrowed.bytes, linkType: borrowed.record.linkType,
                               originalLength: borrowed.record.originalLength, into: &packet)
                let made = withUnsafePointer(to: packet) { PayloadDigest.digest(of: $0, in: borrowed.bytes) }
                #expect(made == reference(packet, borrowed.bytes), "\(file) frame \(borrowed.record.frameNumber)")
                if packet.transport != nil { seen.transport += 1 } else if packet.icmp != nil { seen.icmp += 1 }
                if made == 0, (packet.transport?.payloadLength ?? 0) > 0 { seen.partial += 1 }
            }
        }
        #expect(seen.transport > 10_000)
        #expect(seen.icmp > 100)
        #expect(seen.partial > 100)
    }
}
