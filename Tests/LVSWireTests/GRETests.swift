import Testing
import LVSWire

@Suite struct GRETests {
    /// Hand-made: natSYN's IP packet in GRE with checksum and key 100, as an LVS
    /// `--tun-type gre` tunnel with `--tun-flags csum,key` might send it.
    static let checksumAndKey: [UInt8] = [
        0xa0, 0x00,  // flags C and K, version 0
        0x08, 0x00,  // protocol type IPv4
        0x36, 0x75,  // checksum
        0x00, 0x00,  // reserved1
        0x00, 0x00, 0x00, 0x64,  // key 100
    ] + Frames.natSYN.dropping(14)

    /// Hand-made: RFC 1701 routing present (R bit): checksum/offset word, one IPv4
    /// source route entry with one address, then the terminating entry.
    static let routing: [UInt8] = [
        0x40, 0x00,  // flag R, version 0
        0x08, 0x00,  // protocol type IPv4
        0x00, 0x00, 0x00, 0x00,  // checksum (absent without C) and offset
        0x08, 0x00, 0x00, 0x04, 0xc0, 0x00, 0x02, 0x01,  // SRE: family IPv4, offset 0, length 4, 192.0.2.1
        0x00, 0x00, 0x00, 0x00,  // terminating SRE: family 0, length 0
        0x45,  // payload starts
    ]

    @Test func deconstructsPlain() throws {
        try Frames.greIPv4.dropping(34).withUnsafeBytes { raw in
            let gre = try GREView(checking: raw)
            #expect(gre.version == 0 && gre.recursionControl == 0)
            #expect(!gre.checksumPresent && !gre.routingPresent && !gre.keyPresent && !gre.sequencePresent)
            #expect(gre.protocolType == .ipv4)
            #expect(gre.checksum == nil && gre.key == nil)
            #expect(gre.sequenceNumber == nil && gre.acknowledgmentNumber == nil)
            #expect(gre.headerLength == 4)
            let inner = try IPv4View(checking: gre.payload)
            #expect(inner.destination == IPv4Address(224, 0, 0, 5))
        }
    }

    @Test func deconstructsPPTP() throws {
        try Frames.grePPTP.dropping(34).withUnsafeBytes { raw in
            let gre = try GREView(checking: raw)
            #expect(gre.version == 1)
            #expect(gre.keyPresent && gre.sequencePresent && !gre.acknowledgmentPresent)
            #expect(gre.protocolType.rawValue == 0x880B)
            #expect(gre.key == 0x0030_0000 && gre.pptpPayloadLength == 48 && gre.pptpCallID == 0)
            #expect(gre.sequenceNumber == 0)
            #expect(gre.headerLength == 12 && gre.payload.count == 48)
        }
    }

    @Test func deconstructsSequence() throws {
        try Frames.greSequence.dropping(34).withUnsafeBytes { raw in
            let gre = try GREView(checking: raw)
            #expect(gre.sequencePresent && !gre.keyPresent)
            #expect(gre.sequenceNumber == 171)
            #expect(gre.protocolType.rawValue == 0x88BE)
            #expect(gre.headerLength == 8 && gre.pptpCallID == nil)
        }
    }

    @Test func deconstructsChecksumAndKey() throws {
        try Self.checksumAndKey.withUnsafeBytes { raw in
            let gre = try GREView(checking: raw)
            #expect(gre.checksum == 0x3675 && gre.key == 100)
            #expect(gre.headerLength == 12)
            #expect(Array(gre.payload) == Frames.natSYN.dropping(14))
            #expect(ChecksumStatus(verifyingGRE: gre, declaredLength: raw.count) == .good)
        }
        // Setting bit 0 of an even-offset byte adds 0x0100 to the sum.
        try Self.checksumAndKey.flipping(40).withUnsafeBytes { raw in
            let gre = try GREView(checking: raw)
            #expect(ChecksumStatus(verifyingGRE: gre, declaredLength: raw.count) == .bad(expected: 0x3575))
        }
    }

    @Test func skipsRFC1701Routing() throws {
        try Self.routing.withUnsafeBytes { raw in
            let gre = try GREView(checking: raw)
            #expect(gre.routingPresent && gre.checksum == nil)
            #expect(gre.headerLength == 20)
            #expect(Array(gre.payload) == [0x45])
        }
    }

    @Test func constructs() {
        let plain = GREHeader(protocolType: .ipv4)
        #expect(emitted(count: plain.byteCount) { plain.emit(into: $0) } == [0, 0, 0x08, 0])
        let pptp = GREHeader(protocolType: EtherType(rawValue: 0x880B), key: 0x0030_0000, sequenceNumber: 0, version: 1)
        #expect(pptp.byteCount == 12)
        #expect(emitted(count: 12) { pptp.emit(into: $0) } == Array(Frames.grePPTP[34..<46]))
        let keyed = GREHeader(protocolType: .ipv4, checksum: 0, key: 100)
        let packet = emitted(count: Self.checksumAndKey.count) { buffer in
            keyed.emit(into: buffer)
            for index in 12..<Self.checksumAndKey.count { buffer[index] = Self.checksumAndKey[index] }
            #expect(InternetChecksum.fillGRE(buffer) == 0x3675)
        }
        #expect(packet == Self.checksumAndKey)
        let acked = GREHeader(protocolType: .ipv4, sequenceNumber: 1, version: 1, acknowledgmentNumber: 2)
        #expect(emitted(count: acked.byteCount) { acked.emit(into: $0) } == [0x10, 0x81, 8, 0, 0, 0, 0, 1, 0, 0, 0, 2])
    }

    @Test func roundTrips() throws {
        let packets = [Frames.greIPv4.dropping(34), Frames.grePPTP.dropping(34), Frames.greSequence.dropping(34),
                       Self.checksumAndKey]
        for packet in packets {
            let header = try packet.withUnsafeBytes { raw in GREHeader(parsing: try GREView(checking: raw)) }
            let length = header.byteCount
            #expect(emitted(count: length) { header.emit(into: $0) } == Array(packet.prefix(length)))
        }
    }

    @Test func rejectsImpossibleLength() {
        expectTruncated(.gre, needed: 4, lengths: 0..<4, of: Self.checksumAndKey) { try GREView(checking: $0) }
        expectTruncated(.gre, needed: 12, lengths: 4..<12, of: Self.checksumAndKey) { try GREView(checking: $0) }
        expectWireError(WireError(.gre, at: 0, .badVersion(2)), [0x00, 0x02, 0x08, 0x00]) { try GREView(checking: $0) }
        // Routing entries that never terminate, and one whose data runs past the end.
        let unterminated = Array(Self.routing.prefix(16))
        expectWireError(WireError(.gre, at: 16, .truncated(needed: 20, available: 16)), unterminated) {
            try GREView(checking: $0)
        }
        expectWireError(WireError(.gre, at: 8, .truncated(needed: 16, available: 14)), Array(Self.routing.prefix(14))) {
            try GREView(checking: $0)
        }
    }
}
