import Testing
import LVSWire

@Suite struct ICMPv6Tests {
    static let server = IPv6Address("2001:db8::10") ?? IPv6Address(high: 0, low: 0)
    static let router = IPv6Address("2001:db8::1") ?? IPv6Address(high: 0, low: 0)

    /// Hand-made: a solicited neighbour advertisement from 2001:db8::10 to 2001:db8::1
    /// for its own address, with its MAC in a target link-layer address option.
    static let advertisement: [UInt8] = [
        0x88,  // type 136: neighbor advertisement
        0x00,  // code 0
        0x8a, 0x46,  // checksum
        0x60, 0x00, 0x00, 0x00,  // flags: solicited, override
        0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x10,  // target 2001:db8::10
        0x02,  // option: target link-layer address
        0x01,  // length 1 (8 bytes)
        0x02, 0x00, 0x00, 0x00, 0x00, 0x11,  // 02:00:00:00:00:11
    ]

    /// Hand-made: "packet too big" (MTU 1280) from router 2001:db8::fe to the server
    /// 2001:db8::10, quoting the start of the server's 1520-byte reply to a client.
    static let packetTooBig: [UInt8] = [
        0x02,  // type 2: packet too big
        0x00,  // code 0
        0x0c, 0xee,  // checksum
        0x00, 0x00, 0x05, 0x00,  // MTU 1280
        0x60, 0x00, 0x00, 0x00,  // quoted IPv6: version 6
        0x05, 0xc8,  // payload length 1480
        0x06,  // next header TCP
        0x40,  // hop limit 64
        0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x10,  // source 2001:db8::10
        0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xc1,  // destination 2001:db8::c1
        0x01, 0xbb, 0xc5, 0x17,  // TCP ports 443 → 50455
        0x00, 0x00, 0x00, 0x01,  // sequence number
    ]

    @Test func deconstructsEcho() throws {
        try Frames.ipv6RoutingEcho.dropping(78).withUnsafeBytes { raw in
            let icmp = try ICMPv6View(checking: raw)
            #expect(icmp.type == .echoRequest && icmp.type.isEcho)
            #expect(icmp.code == 0 && icmp.checksum == 0xD3AB)
            #expect(icmp.identifier == 0 && icmp.sequence == 0)
            #expect(!icmp.isError && icmp.quotedPacket.isEmpty)
            #expect(icmp.ndTargetAddress == nil && icmp.ndOptionsOffset == nil && icmp.sourceLinkLayerAddress == nil)
        }
    }

    @Test func deconstructsNeighborSolicitation() throws {
        try Frames.neighborSolicitation.dropping(54).withUnsafeBytes { raw in
            let icmp = try ICMPv6View(checking: raw)
            #expect(icmp.type == .neighborSolicitation && icmp.type.isNeighborDiscovery)
            #expect(icmp.ndTargetAddress == IPv6Address("fe80::546f:f7ff:fee1:f"))
            #expect(icmp.ndOptionsOffset == 24)
            // Duplicate address detection: only a nonce option, no link-layer address.
            #expect(icmp.sourceLinkLayerAddress == nil && icmp.targetLinkLayerAddress == nil)
        }
    }

    @Test func findsLinkLayerOptionInRouterAdvertisement() throws {
        try Frames.routerAdvertisement.dropping(54).withUnsafeBytes { raw in
            let icmp = try ICMPv6View(checking: raw)
            #expect(icmp.type == .routerAdvertisement)
            #expect(icmp.ndOptionsOffset == 16)
            #expect(icmp.ndTargetAddress == nil)
            #expect(icmp.sourceLinkLayerAddress == MACAddress("b0:99:28:c8:d6:6c"))
            #expect(icmp.targetLinkLayerAddress == nil)
        }
    }

    @Test func deconstructsAdvertisement() throws {
        try Self.advertisement.withUnsafeBytes { raw in
            let icmp = try ICMPv6View(checking: raw)
            #expect(icmp.type == .neighborAdvertisement)
            #expect(!icmp.isRouterFlag && icmp.isSolicitedFlag && icmp.isOverrideFlag)
            #expect(icmp.ndTargetAddress == Self.server)
            #expect(icmp.targetLinkLayerAddress == MACAddress("02:00:00:00:00:11"))
            #expect(icmp.sourceLinkLayerAddress == nil)
            #expect(ChecksumStatus(verifying: .icmpv6, segment: raw, declaredLength: raw.count, source: Self.server,
                                   destination: Self.router) == .good)
        }
    }

    @Test func stopsAtBrokenNDOptions() throws {
        var zeroLength = Self.advertisement
        zeroLength[25] = 0  // option length 0: invalid (RFC 4861 §4.6)
        try zeroLength.withUnsafeBytes { raw in
            let icmp = try ICMPv6View(checking: raw)
            #expect(icmp.targetLinkLayerAddress == nil)
        }
        var tooLong = Self.advertisement
        tooLong[25] = 2  // 16 bytes announced, 8 present
        try tooLong.withUnsafeBytes { raw in
            let icmp = try ICMPv6View(checking: raw)
            #expect(icmp.targetLinkLayerAddress == nil)
        }
        // A solicitation cut before the end of its target has no target address.
        try Array(Frames.neighborSolicitation[54..<70]).withUnsafeBytes { raw in
            let icmp = try ICMPv6View(checking: raw)
            #expect(icmp.ndTargetAddress == nil)
        }
    }

    @Test func deconstructsErrors() throws {
        try Self.packetTooBig.withUnsafeBytes { raw in
            let icmp = try ICMPv6View(checking: raw)
            #expect(icmp.type == .packetTooBig && icmp.isError)
            #expect(icmp.mtu == 1280)
            let quoted = try IPv6View(checking: icmp.quotedPacket)
            #expect(quoted.destination == IPv6Address("2001:db8::c1") && quoted.nextHeader == .tcp)
            #expect(quoted.payloadLength == 1480 && quoted.isPayloadTruncated)
        }
        try Frames.ipv6ParameterProblem.dropping(54).withUnsafeBytes { raw in
            let icmp = try ICMPv6View(checking: raw)
            #expect(icmp.type == .parameterProblem && icmp.code == 3 && icmp.pointer == 48)
            #expect(icmp.quotedPacket.count == 64)
        }
    }

    @Test func constructs() throws {
        let router = IPv6Address("2001:db8::fe") ?? IPv6Address(high: 0, low: 0)
        let header = ICMPv6Header.packetTooBig(mtu: 1280)
        let message = emitted(count: Self.packetTooBig.count) { buffer in
            header.emit(into: buffer)
            for index in 8..<Self.packetTooBig.count { buffer[index] = Self.packetTooBig[index] }
            #expect(InternetChecksum.fillICMPv6(buffer, source: router, destination: Self.server) == 0x0CEE)
        }
        #expect(message == Self.packetTooBig)
        let echo = ICMPv6Header.echoRequest(identifier: 0, sequence: 0)
        #expect(emitted(count: 8) { echo.emit(into: $0) } == [0x80, 0, 0, 0, 0, 0, 0, 0])
        #expect(ICMPv6Header.echoReply(identifier: 7, sequence: 9).restOfHeader == 0x0007_0009)
    }

    @Test func roundTrips() throws {
        let messages = [Self.advertisement, Self.packetTooBig, Frames.routerAdvertisement.dropping(54),
                        Frames.neighborSolicitation.dropping(54), Frames.ipv6ParameterProblem.dropping(54)]
        for message in messages {
            let header = try message.withUnsafeBytes { raw in ICMPv6Header(parsing: try ICMPv6View(checking: raw)) }
            #expect(emitted(count: 8) { header.emit(into: $0) } == Array(message.prefix(8)))
        }
    }

    @Test func rejectsImpossibleLength() {
        expectTruncated(.icmpv6, needed: 8, lengths: 0..<8, of: Self.packetTooBig) { try ICMPv6View(checking: $0) }
    }
}
