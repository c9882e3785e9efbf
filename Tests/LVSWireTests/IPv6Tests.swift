import Testing
import LVSWire

@Suite struct IPv6Tests {
    /// tcpdump-tests/bigtcp-ipv6-hbh.pcap frame 1, first 94 of 80094 bytes: a BIG TCP
    /// segment captured on the sender: payload length 0 and a hop-by-hop jumbo option.
    static let bigTCPHead: [UInt8] = [
        0x60, 0x0a, 0x31, 0xee,  // version 6, traffic class 0, flow label 0xa31ee
        0x00, 0x00,  // payload length 0 (jumbogram)
        0x00,  // next header hop-by-hop
        0x40,  // hop limit 64
        0x26, 0x04, 0x13, 0x80, 0x40, 0x91, 0xce, 0x00, 0, 0, 0, 0, 0, 0, 0, 0x0d,  // source 2604:1380:4091:ce00::d
        0x26, 0x04, 0x13, 0x80, 0x40, 0x91, 0xce, 0x00, 0, 0, 0, 0, 0, 0, 0, 0x0b,  // destination …::b
        0x06,  // hop-by-hop: next header TCP
        0x00,  // length 0 (8 bytes)
        0xc2, 0x04, 0x00, 0x01, 0x38, 0xa8,  // option jumbo payload, length 4: 80040
        0xa3, 0x7b, 0xab, 0x89,  // TCP ports 41851 → 43913
        0x23, 0x55, 0xb9, 0x12, 0x95, 0xc7, 0xc0, 0x29,  // sequence, acknowledgement
        0x80, 0x18, 0x08, 0x50, 0xc8, 0xeb, 0x00, 0x00,  // data offset 8, PSH ACK, window, checksum, urgent
        0x01, 0x01, 0x08, 0x0a, 0x46, 0xbd, 0xbe, 0x60, 0xfc, 0x8c, 0xfa, 0x38,  // NOP NOP timestamps
    ]

    /// tcpdump-tests/ipv6_no_next_header.pcap frame 1 without its Ethernet header:
    /// next header 59 and 20 bytes that are not to be parsed.
    static let noNextHeader: [UInt8] = [
        0x60, 0x00, 0x00, 0x00,  // version 6, traffic class 0, flow label 0
        0x00, 0x14,  // payload length 20
        0x3b,  // next header 59: no next header
        0x40,  // hop limit 64
        0x20, 0x05, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x01,  // source 2005::1
        0x20, 0x08, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x01,  // destination 2008::1
        0x04, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,  // ignored payload
    ]

    @Test func deconstructs() throws {
        try Frames.ipv6RoutingEcho.dropping(14).withUnsafeBytes { raw in
            let ip = try IPv6View(checking: raw)
            #expect(ip.version == 6)
            #expect(ip.trafficClass == 0 && ip.flowLabel == 0)
            #expect(ip.payloadLength == 32)
            #expect(ip.nextHeader == .routing)
            #expect(ip.hopLimit == 4)
            #expect(ip.source == IPv6Address("2200::244:212:3fff:feae:22f7"))
            #expect(ip.destination == IPv6Address("2200::240:2:0:0:4"))
            #expect(ip.headerLength == 40)
            #expect(ip.payload.count == 32 && !ip.isPayloadTruncated && ip.trailer.isEmpty)
        }
        try Frames.ipv6AH.dropping(14).withUnsafeBytes { raw in
            let ip = try IPv6View(checking: raw)
            #expect(ip.trafficClass == 0xE0 && ip.dscp == 56 && ip.ecn == 0)
        }
        try Frames.nullIPv6.dropping(4).withUnsafeBytes { raw in
            let ip = try IPv6View(checking: raw)
            #expect(ip.flowLabel == 0xE00)
        }
    }

    @Test func walksRoutingHeader() throws {
        try Frames.ipv6RoutingEcho.dropping(14).withUnsafeBytes { raw in
            let ip = try IPv6View(checking: raw)
            let chain = try ip.extensionChain()
            #expect(chain.upperLayerProtocol == .icmpv6)
            #expect(chain.upperLayerOffset == 64 && chain.extensionLength == 24)
            #expect(chain.end == .upperLayer)
            #expect(chain.extensionHeaderCount == 1)
            #expect(chain.routingSegmentsLeft == 1)
            #expect(chain.fragment == nil && !chain.hasMisplacedHopByHop)
            #expect(chain.declaredUpperLayerLength(of: ip) == 8)
            #expect(Array(chain.upperLayerBytes(of: ip)) == [0x80, 0x00, 0xd3, 0xab, 0, 0, 0, 0])
        }
    }

    @Test func walksAuthenticationHeader() throws {
        try Frames.ipv6AH.dropping(14).withUnsafeBytes { raw in
            let chain = try IPv6View(checking: raw).extensionChain()
            #expect(chain.upperLayerProtocol.rawValue == 89)  // OSPF
            #expect(chain.upperLayerOffset == 64)  // AH length (4 + 2) × 4 = 24
            #expect(chain.end == .upperLayer)
        }
    }

    @Test func walksQuotedFragment() throws {
        try Frames.ipv6ParameterProblem.dropping(14).withUnsafeBytes { raw in
            let outer = try IPv6View(checking: raw)
            let outerChain = try outer.extensionChain()
            #expect(outerChain.upperLayerProtocol == .icmpv6 && outerChain.extensionHeaderCount == 0)
            let icmp = try ICMPv6View(checking: outerChain.upperLayerBytes(of: outer))
            let quoted = try IPv6View(checking: icmp.quotedPacket)
            let chain = try quoted.extensionChain()
            #expect(chain.fragment == IPv6FragmentInfo(offset: 0, moreFragments: true, identification: 0xD6B1))
            #expect(chain.fragment?.isFirst == true && chain.fragment?.isAtomic == false)
            #expect(chain.upperLayerProtocol == .ipv6)
            #expect(chain.upperLayerOffset == 48)
            #expect(chain.end == .upperLayer)
            #expect(chain.declaredUpperLayerLength(of: quoted) == 16)
        }
    }

    @Test func stopsAtNonFirstFragment() throws {
        // The quoted fragment as a later fragment: offset 1232 (0x04D0), M clear.
        var later = Array(Frames.ipv6ParameterProblem.dropping(62))
        later[42] = 0x04
        later[43] = 0xD0
        try later.withUnsafeBytes { raw in
            let chain = try IPv6View(checking: raw).extensionChain()
            #expect(chain.end == .fragmentData)
            #expect(chain.fragment == IPv6FragmentInfo(offset: 1232, moreFragments: false, identification: 0xD6B1))
            #expect(chain.upperLayerOffset == 48)
        }
    }

    @Test func stopsAtNoNextHeaderAndESP() throws {
        try Self.noNextHeader.withUnsafeBytes { raw in
            let chain = try IPv6View(checking: raw).extensionChain()
            #expect(chain.end == .noNextHeader && chain.upperLayerProtocol == .noNextHeader)
            #expect(chain.upperLayerOffset == 40)
        }
        var esp = Self.noNextHeader
        esp[6] = 50
        try esp.withUnsafeBytes { raw in
            let chain = try IPv6View(checking: raw).extensionChain()
            #expect(chain.end == .encrypted && chain.upperLayerProtocol == .esp)
        }
        var unknown = Self.noNextHeader
        unknown[6] = 253  // RFC 3692 experimental: not walked, taken as the upper layer
        try unknown.withUnsafeBytes { raw in
            let chain = try IPv6View(checking: raw).extensionChain()
            #expect(chain.end == .upperLayer && chain.upperLayerProtocol.rawValue == 253)
        }
    }

    @Test func acceptsJumboLength() throws {
        try Self.bigTCPHead.withUnsafeBytes { raw in
            let ip = try IPv6View(checking: raw)
            #expect(ip.payloadLength == 0 && ip.hasOffloadedLength)
            #expect(ip.flowLabel == 0xA31EE)
            #expect(ip.declaredPayloadLength == 40 && ip.payload.count == 40)
            let chain = try ip.extensionChain()
            #expect(chain.upperLayerProtocol == .tcp && chain.upperLayerOffset == 48)
            let tcp = try TCPView(checking: chain.upperLayerBytes(of: ip))
            #expect(tcp.sourcePort == 41851 && tcp.destinationPort == 43913)
        }
    }

    @Test func flagsMisplacedHopByHop() throws {
        // Hand-made: destination options (8 bytes) followed by hop-by-hop (8 bytes), then
        // no next header. RFC 8200 §4.3 allows hop-by-hop only first.
        let packet: [UInt8] = [0x60, 0, 0, 0, 0x00, 0x10, 60, 64] + [UInt8](repeating: 0, count: 32)
            + [0, 0, 1, 4, 0, 0, 0, 0]  // destination options: next hop-by-hop, length 0, PadN
            + [59, 0, 1, 4, 0, 0, 0, 0]  // hop-by-hop: next none, length 0, PadN
        try packet.withUnsafeBytes { raw in
            let chain = try IPv6View(checking: raw).extensionChain()
            #expect(chain.hasMisplacedHopByHop)
            #expect(chain.extensionHeaderCount == 2 && chain.end == .noNextHeader && chain.upperLayerOffset == 56)
        }
    }

    @Test func rejectsBrokenChains() throws {
        let routing = Frames.ipv6RoutingEcho.dropping(14)
        // Captured only up to the middle of the routing header: truncation.
        expectWireError(WireError(.ipv6Extension, at: 40, .truncated(needed: 64, available: 50)),
                        Array(routing.prefix(50))) { try IPv6View(checking: $0).extensionChain() }
        // Routing header length 4 (40 bytes) where the payload length declares 32 in all.
        var tooLong = routing
        tooLong[41] = 4
        expectWireError(WireError(.ipv6Extension, at: 40, .badOptionLength(kind: 43, length: 40)), tooLong) {
            try IPv6View(checking: $0).extensionChain()
        }
        // Only the next-header byte of an extension header is present.
        expectWireError(WireError(.ipv6Extension, at: 40, .truncated(needed: 42, available: 41)),
                        Array(routing.prefix(41))) { try IPv6View(checking: $0).extensionChain() }
        // AH length pointing past the declared payload.
        var ah = Frames.ipv6AH.dropping(14)
        ah[41] = 40
        expectWireError(WireError(.ipv6Extension, at: 40, .badOptionLength(kind: 51, length: 168)), ah) {
            try IPv6View(checking: $0).extensionChain()
        }
    }

    @Test func constructs() {
        let header = IPv6Header(source: IPv6Address("fe80::1") ?? IPv6Address(high: 0, low: 0),
                                destination: IPv6Address("ff02::5") ?? IPv6Address(high: 0, low: 0),
                                nextHeader: .ah, payloadLength: 60, hopLimit: 1, trafficClass: 0xE0)
        #expect(header.byteCount == 40)
        #expect(emitted(count: 40) { header.emit(into: $0) } == Array(Frames.ipv6AH[14..<54]))
    }

    @Test func roundTrips() throws {
        let packets = [Frames.ipv6RoutingEcho.dropping(14), Frames.ipv6AH.dropping(14), Frames.nullIPv6.dropping(4),
                       Frames.routerAdvertisement.dropping(14), Self.bigTCPHead, Self.noNextHeader]
        for packet in packets {
            let header = try packet.withUnsafeBytes { raw in IPv6Header(parsing: try IPv6View(checking: raw)) }
            #expect(emitted(count: 40) { header.emit(into: $0) } == Array(packet.prefix(40)))
        }
    }

    @Test func rejectsImpossibleLength() {
        let packet = Frames.ipv6AH.dropping(14)
        expectTruncated(.ipv6, needed: 40, lengths: 0..<40, of: packet) { try IPv6View(checking: $0) }
        let ipv4 = Frames.natSYN.dropping(14) + [UInt8](repeating: 0, count: 20)
        expectWireError(WireError(.ipv6, at: 0, .badVersion(4)), ipv4) {
            try IPv6View(checking: $0)
        }
    }

    @Test func clampsPayloadToCapture() throws {
        try Array(Frames.ipv6AH.dropping(14).prefix(70)).withUnsafeBytes { raw in
            let ip = try IPv6View(checking: raw)
            #expect(ip.declaredPayloadLength == 60)
            #expect(ip.payload.count == 30)
            #expect(ip.isPayloadTruncated)
        }
    }
}
