import Testing
import LVSWire

@Suite struct UDPTests {
    @Test func deconstructs() throws {
        try Frames.nullIPv4.dropping(24).withUnsafeBytes { raw in
            let udp = try UDPView(checking: raw)
            #expect(udp.sourcePort == 54954)
            #expect(udp.destinationPort == 53)
            #expect(udp.length == 48)
            #expect(udp.checksum == 0xFE43)
            #expect(udp.headerLength == 8)
            #expect(udp.declaredPayloadLength == 40 && udp.payload.count == 40)
            #expect(!udp.isPayloadTruncated && !udp.hasOffloadedLength)
            #expect(Array(udp.payload.prefix(2)) == [0xF6, 0xAB])  // DNS transaction id
        }
        try Frames.nullIPv6.dropping(44).withUnsafeBytes { raw in
            let udp = try UDPView(checking: raw)
            #expect(udp.sourcePort == 443 && udp.destinationPort == 57406)
            #expect(udp.length == 31 && udp.payload.count == 23)
        }
    }

    @Test func clampsToCapture() throws {
        try Frames.fragmentHead.dropping(14).withUnsafeBytes { raw in
            let ip = try IPv4View(checking: raw)
            let udp = try UDPView(checking: ip.payload)
            #expect(udp.length == 5700)
            #expect(udp.declaredPayloadLength == 5692)
            #expect(udp.payload.count == 22)
            #expect(udp.isPayloadTruncated)
        }
    }

    @Test func acceptsJumboLength() throws {
        // Hand-made: length 0 (RFC 2675 jumbogram, or a GSO datagram seen on the sender).
        let datagram: [UInt8] = [0x30, 0x39, 0x00, 0x35, 0x00, 0x00, 0x12, 0x34, 1, 2, 3]
        try datagram.withUnsafeBytes { raw in
            let udp = try UDPView(checking: raw)
            #expect(udp.hasOffloadedLength)
            #expect(udp.declaredPayloadLength == 3 && Array(udp.payload) == [1, 2, 3])
        }
    }

    @Test func constructs() {
        let header = UDPHeader(sourcePort: 54954, destinationPort: 53, payloadLength: 40, checksum: 0xFE43)
        #expect(header.byteCount == 8 && header.length == 48)
        #expect(emitted(count: 8) { header.emit(into: $0) } == Array(Frames.nullIPv4[24..<32]))
    }

    @Test func computesChecksum() {
        // The loopback capture carries only the pseudo-header sum; filling computes the
        // real checksum, which then verifies.
        var datagram = Frames.nullIPv4.dropping(24)
        let loopback = IPv4Address(127, 0, 0, 1)
        let checksum = datagram.withUnsafeMutableBytes {
            InternetChecksum.fillUDP($0, source: loopback, destination: loopback)
        }
        #expect(checksum == 0xE380)
        #expect(Array(datagram[6..<8]) == [0xE3, 0x80])
        datagram.withUnsafeBytes { raw in
            #expect(ChecksumStatus(verifying: .udp, segment: raw, declaredLength: 48, source: loopback,
                                   destination: loopback) == .good)
        }
    }

    @Test func roundTrips() throws {
        for datagram in [Frames.nullIPv4.dropping(24), Frames.nullIPv6.dropping(44), Frames.fragmentHead.dropping(34)] {
            let header = try datagram.withUnsafeBytes { raw in UDPHeader(parsing: try UDPView(checking: raw)) }
            #expect(emitted(count: 8) { header.emit(into: $0) } == Array(datagram.prefix(8)))
        }
    }

    @Test func rejectsImpossibleLength() {
        let datagram = Frames.nullIPv4.dropping(24)
        expectTruncated(.udp, needed: 8, lengths: 0..<8, of: datagram) { try UDPView(checking: $0) }
        for declared: UInt8 in 1...7 {
            var bad = datagram
            bad[4] = 0
            bad[5] = declared
            expectWireError(WireError(.udp, at: 4, .badTotalLength(Int(declared))), bad) { try UDPView(checking: $0) }
        }
    }
}
