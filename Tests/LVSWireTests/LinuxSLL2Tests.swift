import Testing
import LVSWire

@Suite struct LinuxSLL2Tests {
    /// lvscope-fixtures/lvs-nat-sll2.pcap frame 1: the ARP request of
    /// `Frames.arpRequest` on interface 2.
    static let arpBroadcast: [UInt8] = [
        0x08, 0x06,  // protocol ARP
        0x00, 0x00,  // reserved
        0x00, 0x00, 0x00, 0x02,  // interface index 2
        0x00, 0x01,  // ARPHRD_ETHER
        0x01,  // packet type 1: broadcast
        0x06,  // address length 6
        0x02, 0x00, 0x00, 0x00, 0x00, 0x02, 0x00, 0x00,  // source MAC, padded to 8 bytes
    ] + Frames.arpRequest.dropping(14)

    /// lvscope-fixtures/lvs-nat-sll2.pcap frame 7: natSYN received on interface 3.
    static let synToHost: [UInt8] = [
        0x08, 0x00,  // protocol IPv4
        0x00, 0x00,  // reserved
        0x00, 0x00, 0x00, 0x03,  // interface index 3
        0x00, 0x01,  // ARPHRD_ETHER
        0x00,  // packet type 0: to us
        0x06,  // address length 6
        0x02, 0x00, 0x00, 0x00, 0x00, 0xfe, 0x00, 0x00,  // source MAC
    ] + Frames.natSYN.dropping(14)

    /// lvscope-fixtures/lvs-nat-sll2.pcap frame 10, first 20 bytes: sent by us.
    static let outgoingHeader: [UInt8] = [
        0x08, 0x00,  // protocol IPv4
        0x00, 0x00,  // reserved
        0x00, 0x00, 0x00, 0x03,  // interface index 3
        0x00, 0x01,  // ARPHRD_ETHER
        0x04,  // packet type 4: outgoing
        0x06,  // address length 6
        0x02, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00,  // our MAC
    ]

    @Test func deconstructs() throws {
        try Self.arpBroadcast.withUnsafeBytes { raw in
            let sll = try LinuxSLL2View(checking: raw)
            #expect(sll.protocolType == .arp)
            #expect(sll.interfaceIndex == 2)
            #expect(sll.arphrdType == 1)
            #expect(sll.packetType == 1)
            #expect(sll.packetKind == .broadcast)
            #expect(sll.addressLength == 6)
            #expect(sll.address == MACAddress("02:00:00:00:00:02"))
            #expect(sll.headerLength == 20)
            #expect(try ARPView(checking: sll.payload).targetIPv4 == IPv4Address(198, 51, 100, 11))
        }
        try Self.synToHost.withUnsafeBytes { raw in
            let sll = try LinuxSLL2View(checking: raw)
            #expect(sll.interfaceIndex == 3)
            #expect(sll.packetKind == .host)
            #expect(Array(sll.payload) == Frames.natSYN.dropping(14))
        }
        try Self.outgoingHeader.withUnsafeBytes { raw in
            let sll = try LinuxSLL2View(checking: raw)
            #expect(sll.packetKind == .outgoing)
            #expect(sll.address == MACAddress("02:00:00:00:00:01"))
        }
    }

    @Test func constructs() {
        let header = LinuxSLL2Header(protocolType: .ipv4, interfaceIndex: 3, packetType: .host,
                                     address: MACAddress("02:00:00:00:00:fe"))
        #expect(emitted(count: header.byteCount) { header.emit(into: $0) } == Array(Self.synToHost.prefix(20)))
    }

    @Test func roundTrips() throws {
        for frame in [Self.arpBroadcast, Self.synToHost, Self.outgoingHeader] {
            let header = try frame.withUnsafeBytes { raw in LinuxSLL2Header(parsing: try LinuxSLL2View(checking: raw)) }
            #expect(emitted(count: 20) { header.emit(into: $0) } == Array(frame.prefix(20)))
        }
    }

    @Test func rejectsImpossibleLength() {
        expectTruncated(.sll2, needed: 20, lengths: 0..<20, of: Self.synToHost) { try LinuxSLL2View(checking: $0) }
    }
}
