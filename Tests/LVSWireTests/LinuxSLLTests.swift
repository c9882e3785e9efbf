import Testing
import LVSWire

@Suite struct LinuxSLLTests {
    /// lvscope-fixtures/lvs-nat-sll.pcap frame 1: the ARP request of `Frames.arpRequest`
    /// as `tcpdump -i any` v1 shows it (the ARP bytes and padding follow unchanged).
    static let arpBroadcast: [UInt8] = [
        0x00, 0x01,  // packet type 1: broadcast
        0x00, 0x01,  // ARPHRD_ETHER
        0x00, 0x06,  // address length 6
        0x02, 0x00, 0x00, 0x00, 0x00, 0x02, 0x00, 0x00,  // source MAC, padded to 8 bytes
        0x08, 0x06,  // protocol ARP
    ] + Frames.arpRequest.dropping(14)

    /// lvscope-fixtures/lvs-nat-sll.pcap frame 7: natSYN, received by the director.
    static let synToHost: [UInt8] = [
        0x00, 0x00,  // packet type 0: to us
        0x00, 0x01,  // ARPHRD_ETHER
        0x00, 0x06,  // address length 6
        0x02, 0x00, 0x00, 0x00, 0x00, 0xfe, 0x00, 0x00,  // source MAC
        0x08, 0x00,  // protocol IPv4
    ] + Frames.natSYN.dropping(14)

    /// lvscope-fixtures/lvs-nat-sll.pcap frame 10, first 16 bytes: the SYN-ACK sent by
    /// the director.
    static let outgoingHeader: [UInt8] = [
        0x00, 0x04,  // packet type 4: outgoing
        0x00, 0x01,  // ARPHRD_ETHER
        0x00, 0x06,  // address length 6
        0x02, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00,  // our MAC
        0x08, 0x00,  // protocol IPv4
    ]

    @Test func deconstructs() throws {
        try Self.arpBroadcast.withUnsafeBytes { raw in
            let sll = try LinuxSLLView(checking: raw)
            #expect(sll.packetType == 1)
            #expect(sll.packetKind == .broadcast)
            #expect(sll.arphrdType == 1)
            #expect(sll.addressLength == 6)
            #expect(sll.address == MACAddress("02:00:00:00:00:02"))
            #expect(Array(sll.addressBytes) == [0x02, 0, 0, 0, 0, 0x02])
            #expect(sll.protocolType == .arp)
            #expect(sll.headerLength == 16)
            let arp = try ARPView(checking: sll.payload)
            #expect(arp.operation == .request)
        }
        try Self.synToHost.withUnsafeBytes { raw in
            let sll = try LinuxSLLView(checking: raw)
            #expect(sll.packetKind == .host)
            #expect(sll.protocolType == .ipv4)
            #expect(try IPv4View(checking: sll.payload).source == IPv4Address(198, 18, 86, 142))
        }
        try Self.outgoingHeader.withUnsafeBytes { raw in
            let sll = try LinuxSLLView(checking: raw)
            #expect(sll.packetKind == .outgoing)
            #expect(sll.payload.isEmpty)
        }
    }

    @Test func exposesOddAddressesAndProtocols() throws {
        // Hand-made: a loopback device (ARPHRD_LOOPBACK 772) with no address, and an
        // 802.2 frame (Linux ETH_P_802_2 = 0x0004) with a 20-byte address of which 8
        // are stored.
        let loopback: [UInt8] = [0x00, 0x00, 0x03, 0x04, 0x00, 0x00] + [UInt8](repeating: 0, count: 8) + [0x86, 0xdd]
        try loopback.withUnsafeBytes { raw in
            let sll = try LinuxSLLView(checking: raw)
            #expect(sll.arphrdType == 772)
            #expect(sll.address == nil)
            #expect(sll.addressBytes.isEmpty)
            #expect(sll.protocolType == .ipv6)
        }
        let llc: [UInt8] = [0x00, 0x03, 0x00, 0x20, 0x00, 0x14] + Array(1...8) + [0x00, 0x04]
        try llc.withUnsafeBytes { raw in
            let sll = try LinuxSLLView(checking: raw)
            #expect(sll.packetKind == .otherHost)
            #expect(sll.addressLength == 20)
            #expect(sll.address == nil)
            #expect(Array(sll.addressBytes) == Array(1...8))
            #expect(sll.protocolType.rawValue == 0x0004)
        }
    }

    @Test func constructs() {
        let header = LinuxSLLHeader(packetType: .broadcast, address: MACAddress("02:00:00:00:00:02"),
                                    protocolType: .arp)
        #expect(emitted(count: header.byteCount) { header.emit(into: $0) } == Array(Self.arpBroadcast.prefix(16)))
    }

    @Test func roundTrips() throws {
        for frame in [Self.arpBroadcast, Self.synToHost, Self.outgoingHeader] {
            let header = try frame.withUnsafeBytes { raw in LinuxSLLHeader(parsing: try LinuxSLLView(checking: raw)) }
            #expect(emitted(count: 16) { header.emit(into: $0) } == Array(frame.prefix(16)))
        }
    }

    @Test func rejectsImpossibleLength() {
        expectTruncated(.sll, needed: 16, lengths: 0..<16, of: Self.synToHost) { try LinuxSLLView(checking: $0) }
    }
}
