import Testing
import LVSWire

@Suite struct ARPTests {
    @Test func deconstructsRequest() throws {
        try Frames.arpRequest.dropping(14).withUnsafeBytes { raw in
            let arp = try ARPView(checking: raw)
            #expect(arp.hardwareType == 1)
            #expect(arp.protocolType == .ipv4)
            #expect(arp.hardwareLength == 6)
            #expect(arp.protocolLength == 4)
            #expect(arp.operation == .request)
            #expect(arp.isEthernetIPv4)
            #expect(arp.senderMAC == MACAddress("02:00:00:00:00:02"))
            #expect(arp.senderIPv4 == IPv4Address(198, 51, 100, 1))
            #expect(arp.targetMAC == .zero)
            #expect(arp.targetIPv4 == IPv4Address(198, 51, 100, 11))
            #expect(!arp.isGratuitous)
            // 28 bytes of ARP; the other 18 are Ethernet padding.
            #expect(arp.packetLength == 28)
            #expect(raw.count == 46)
        }
    }

    @Test func deconstructsReply() throws {
        try Frames.arpReply.dropping(14).withUnsafeBytes { raw in
            let arp = try ARPView(checking: raw)
            #expect(arp.operation == .reply)
            #expect(arp.senderMAC == MACAddress("02:00:00:00:00:11"))
            #expect(arp.senderIPv4 == IPv4Address(198, 51, 100, 11))
            #expect(arp.targetMAC == MACAddress("02:00:00:00:00:02"))
            #expect(arp.targetIPv4 == IPv4Address(198, 51, 100, 1))
        }
    }

    /// Hand-made: a real server announcing the VIP 192.0.2.10, the LVS-DR misconfiguration
    /// that steals the VIP from the director (lvs-reference "ARP problem").
    static let gratuitousReply: [UInt8] = [
        0x00, 0x01,  // hardware type Ethernet
        0x08, 0x00,  // protocol type IPv4
        0x06,  // hardware length
        0x04,  // protocol length
        0x00, 0x02,  // operation reply
        0x02, 0x00, 0x00, 0x00, 0x00, 0x11,  // sender MAC (real server)
        0xc0, 0x00, 0x02, 0x0a,  // sender IP 192.0.2.10 (VIP)
        0xff, 0xff, 0xff, 0xff, 0xff, 0xff,  // target MAC broadcast
        0xc0, 0x00, 0x02, 0x0a,  // target IP 192.0.2.10
    ]

    @Test func recognisesGratuitous() throws {
        try Self.gratuitousReply.withUnsafeBytes { raw in
            let arp = try ARPView(checking: raw)
            #expect(arp.isGratuitous)
            #expect(arp.operation == .reply)
        }
    }

    /// Hand-made: IPv4 over InfiniBand (hardware type 32, 20-byte hardware addresses).
    static let infiniband: [UInt8] = [
        0x00, 0x20,  // hardware type 32 (InfiniBand)
        0x08, 0x00,  // protocol type IPv4
        0x14,  // hardware length 20
        0x04,  // protocol length 4
        0x00, 0x01,  // operation request
    ] + [UInt8](repeating: 0xAA, count: 20)  // sender hardware address
        + [10, 0, 0, 1]  // sender IP 10.0.0.1
        + [UInt8](repeating: 0, count: 20)  // target hardware address
        + [10, 0, 0, 1]  // target IP 10.0.0.1

    @Test func exposesOtherSizesRaw() throws {
        try Self.infiniband.withUnsafeBytes { raw in
            let arp = try ARPView(checking: raw)
            #expect(arp.hardwareType == 32)
            #expect(arp.hardwareLength == 20)
            #expect(!arp.isEthernetIPv4)
            #expect(arp.senderMAC == nil && arp.targetMAC == nil)
            #expect(arp.senderHardwareAddress.count == 20 && arp.senderHardwareAddress.allSatisfy { $0 == 0xAA })
            #expect(arp.senderIPv4 == IPv4Address(10, 0, 0, 1))
            #expect(Array(arp.targetProtocolAddress) == [10, 0, 0, 1])
            #expect(arp.isGratuitous)
            #expect(throws: WireError(.arp, at: 4, .invalidField("ARP address sizes"))) {
                try ARPHeader(parsing: arp)
            }
        }
    }

    @Test func constructs() {
        let header = ARPHeader(operation: .reply, senderMAC: MACAddress(rawValue: 0x0200_0000_0011),
                               senderIPv4: IPv4Address(198, 51, 100, 11),
                               targetMAC: MACAddress(rawValue: 0x0200_0000_0002),
                               targetIPv4: IPv4Address(198, 51, 100, 1))
        #expect(header.byteCount == 28)
        #expect(emitted(count: 28) { header.emit(into: $0) } == Array(Frames.arpReply[14..<42]))
    }

    @Test func roundTrips() throws {
        for bytes in [Frames.arpRequest.dropping(14), Frames.arpReply.dropping(14), Self.gratuitousReply] {
            let header = try bytes.withUnsafeBytes { raw in try ARPHeader(parsing: try ARPView(checking: raw)) }
            #expect(emitted(count: 28) { header.emit(into: $0) } == Array(bytes.prefix(28)))
        }
    }

    @Test func rejectsImpossibleLength() {
        let arp = Frames.arpRequest.dropping(14)
        expectTruncated(.arp, needed: 8, lengths: 0..<8, of: arp) { try ARPView(checking: $0) }
        expectTruncated(.arp, needed: 28, lengths: 8..<28, of: arp) { try ARPView(checking: $0) }
        // Sizes that promise more than was sent: 8 + 2 × (255 + 255) bytes.
        var huge = arp
        huge[4] = 0xFF
        huge[5] = 0xFF
        expectWireError(WireError(.arp, at: 0, .truncated(needed: 1028, available: 46)), huge) {
            try ARPView(checking: $0)
        }
    }
}
