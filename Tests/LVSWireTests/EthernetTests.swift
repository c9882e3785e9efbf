import Testing
import LVSWire

@Suite struct EthernetTests {
    @Test func deconstructs() throws {
        try Frames.natSYN.withUnsafeBytes { raw in
            let frame = try EthernetView(checking: raw)
            #expect(frame.destination == MACAddress("02:00:00:00:00:01"))
            #expect(frame.source == MACAddress("02:00:00:00:00:fe"))
            #expect(frame.etherType == .ipv4)
            #expect(frame.headerLength == 14)
            #expect(!frame.isIEEE8023Length)
            #expect(frame.payload.count == 60)
            #expect(frame.payload.first == 0x45)
        }
    }

    @Test func constructs() {
        let header = EthernetHeader(destination: MACAddress(rawValue: 0x0200_0000_0001),
                                    source: MACAddress(rawValue: 0x0200_0000_00FE), etherType: .ipv4)
        #expect(header.byteCount == 14)
        let bytes = emitted(count: header.byteCount) { header.emit(into: $0) }
        #expect(bytes == Array(Frames.natSYN.prefix(14)))
    }

    @Test func roundTrips() throws {
        for frame in [Frames.natSYN, Frames.arpRequest, Frames.ipv6AH] {
            let header = try frame.withUnsafeBytes { raw in EthernetHeader(parsing: try EthernetView(checking: raw)) }
            #expect(emitted(count: 14) { header.emit(into: $0) } == Array(frame.prefix(14)))
        }
    }

    @Test func keepsPaddingInPayload() throws {
        // The ARP request is padded to 60 bytes; the Ethernet view does not know the
        // payload's length, so the padding stays (the ARP/IP views trim it).
        try Frames.arpRequest.withUnsafeBytes { raw in
            let frame = try EthernetView(checking: raw)
            #expect(frame.destination == .broadcast)
            #expect(frame.destination.isMulticast)
            #expect(frame.etherType == .arp)
            #expect(frame.payload.count == 46)
        }
    }

    @Test func rejectsImpossibleLength() {
        expectTruncated(.ethernet, needed: 14, lengths: 0..<14, of: Frames.natSYN) { try EthernetView(checking: $0) }
    }

    @Test func acceptsHeaderOnly() throws {
        try Array(Frames.natSYN.prefix(14)).withUnsafeBytes { raw in
            let frame = try EthernetView(checking: raw)
            #expect(frame.payload.isEmpty)
        }
    }
}
