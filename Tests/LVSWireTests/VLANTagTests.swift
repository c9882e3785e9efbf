import Testing
import LVSWire

@Suite struct VLANTagTests {
    /// lvscope-fixtures/lvs-nat-vlan.pcap frame 7: natSYN with an 802.1Q tag; after the
    /// tag the bytes equal natSYN's IP packet (checked when the fixture was copied).
    static let taggedSYN: [UInt8] = [
        0x02, 0x00, 0x00, 0x00, 0x00, 0x01,  // Ethernet destination
        0x02, 0x00, 0x00, 0x00, 0x00, 0xfe,  // Ethernet source
        0x81, 0x00,  // EtherType 802.1Q
        0x00, 0xc8,  // TCI: priority 0, DEI 0, VLAN 200
        0x08, 0x00,  // inner EtherType IPv4
    ] + Frames.natSYN.dropping(14)

    /// lvscope-fixtures/lvs-nat-qinq.pcap frame 7: 802.1ad outer tag VLAN 10, 802.1Q
    /// inner tag VLAN 100, then natSYN's IP packet.
    static let qinqSYN: [UInt8] = [
        0x02, 0x00, 0x00, 0x00, 0x00, 0x01,  // Ethernet destination
        0x02, 0x00, 0x00, 0x00, 0x00, 0xfe,  // Ethernet source
        0x88, 0xa8,  // EtherType 802.1ad (service tag)
        0x00, 0x0a,  // outer TCI: VLAN 10
        0x81, 0x00,  // next EtherType 802.1Q
        0x00, 0x64,  // inner TCI: VLAN 100
        0x08, 0x00,  // inner EtherType IPv4
    ] + Frames.natSYN.dropping(14)

    @Test func deconstructs() throws {
        try Self.taggedSYN.withUnsafeBytes { raw in
            let frame = try EthernetView(checking: raw)
            #expect(frame.etherType == .vlan)
            #expect(frame.etherType.isVLANTag)
            let tag = try VLANTagView(checking: frame.payload)
            #expect(tag.tci == 0x00C8)
            #expect(tag.vlanID == 200)
            #expect(tag.priority == 0)
            #expect(!tag.dropEligible)
            #expect(tag.etherType == .ipv4)
            #expect(tag.headerLength == 4)
            #expect(Array(tag.payload) == Frames.natSYN.dropping(14))
        }
    }

    @Test func walksQinQ() throws {
        try Self.qinqSYN.withUnsafeBytes { raw in
            let frame = try EthernetView(checking: raw)
            #expect(frame.etherType == .qinq)
            let outer = try VLANTagView(checking: frame.payload)
            #expect(outer.vlanID == 10)
            #expect(outer.etherType == .vlan)
            let inner = try VLANTagView(checking: outer.payload)
            #expect(inner.vlanID == 100)
            #expect(inner.etherType == .ipv4)
            #expect(try IPv4View(checking: inner.payload).destination == IPv4Address(192, 0, 2, 10))
        }
    }

    @Test func splitsTCI() throws {
        // Hand-made TCI 0xB07B: priority 5 (0b101), DEI 1, VLAN 0x07B = 123.
        try ([0xB0, 0x7B, 0x86, 0xDD] as [UInt8]).withUnsafeBytes { raw in
            let tag = try VLANTagView(checking: raw)
            #expect(tag.priority == 5)
            #expect(tag.dropEligible)
            #expect(tag.vlanID == 123)
            #expect(tag.etherType == .ipv6)
            #expect(tag.payload.isEmpty)
        }
    }

    @Test func constructs() {
        let tag = VLANTagHeader(vlanID: 123, priority: 5, dropEligible: true, etherType: .ipv6)
        #expect(tag.tci == 0xB07B)
        #expect(emitted(count: tag.byteCount) { tag.emit(into: $0) } == [0xB0, 0x7B, 0x86, 0xDD])
        let plain = VLANTagHeader(vlanID: 200, etherType: .ipv4)
        #expect(emitted(count: 4) { plain.emit(into: $0) } == Array(Self.taggedSYN[14..<18]))
    }

    @Test func roundTrips() throws {
        let tagBytes = Array(Self.qinqSYN[14..<22])
        let header = try tagBytes.withUnsafeBytes { raw in VLANTagHeader(parsing: try VLANTagView(checking: raw)) }
        #expect(emitted(count: 4) { header.emit(into: $0) } == Array(tagBytes.prefix(4)))
    }

    @Test func rejectsImpossibleLength() {
        expectTruncated(.vlan, needed: 4, lengths: 0..<4, of: Self.taggedSYN.dropping(14)) {
            try VLANTagView(checking: $0)
        }
    }
}
