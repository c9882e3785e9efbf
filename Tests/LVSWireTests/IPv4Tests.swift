import Testing
import LVSWire

@Suite struct IPv4Tests {
    @Test func deconstructs() throws {
        try Frames.natSYN.dropping(14).withUnsafeBytes { raw in
            let ip = try IPv4View(checking: raw)
            #expect(ip.version == 4)
            #expect(ip.headerLength == 20)
            #expect(ip.dscp == 0 && ip.ecn == 0)
            #expect(ip.totalLength == 60)
            #expect(ip.identification == 5)
            #expect(!ip.reservedFlag && ip.dontFragment && !ip.moreFragments)
            #expect(ip.fragmentOffset == 0 && !ip.isFragment)
            #expect(ip.ttl == 57)
            #expect(ip.protocol == .tcp)
            #expect(ip.headerChecksum == 0x630C)
            #expect(ip.source == IPv4Address(198, 18, 86, 142))
            #expect(ip.destination == IPv4Address(192, 0, 2, 10))
            #expect(ip.options.isEmpty)
            #expect(ip.header.count == 20)
            #expect(ip.payload.count == 40 && ip.declaredPayloadLength == 40)
            #expect(!ip.isPayloadTruncated && !ip.hasOffloadedLength)
            #expect(ip.trailer.isEmpty)
            #expect(ip.payload.first == 0xC5)
        }
    }

    @Test func readsOptionsAndStripsPadding() throws {
        try Frames.igmpRouterAlert.dropping(14).withUnsafeBytes { raw in
            let ip = try IPv4View(checking: raw)
            #expect(ip.headerLength == 24)
            #expect(Array(ip.options) == [0x94, 0x04, 0x00, 0x00])
            #expect(ip.protocol.rawValue == 2)
            #expect(ip.totalLength == 32)
            #expect(Array(ip.payload) == [0x16, 0x00, 0xfe, 0xea, 0xe1, 0x0a, 0x0a, 0x0a])
            #expect(ip.trailer.count == 14 && ip.trailer.allSatisfy { $0 == 0 })
        }
        try Frames.paddedACK.dropping(14).withUnsafeBytes { raw in
            let ip = try IPv4View(checking: raw)
            #expect(raw.count == 46)
            #expect(ip.payload.count == 20)
            #expect(ip.trailer.count == 6)
            #expect(!ip.isPayloadTruncated)
        }
    }

    @Test func readsFragmentsAndTruncation() throws {
        try Frames.fragmentHead.dropping(14).withUnsafeBytes { raw in
            let ip = try IPv4View(checking: raw)
            #expect(ip.dontFragment && ip.moreFragments)
            #expect(ip.fragmentOffset == 0)
            #expect(ip.isFragment)
            #expect(ip.identification == 0x023D)
            #expect(ip.totalLength == 1500)
            #expect(ip.declaredPayloadLength == 1480)
            #expect(ip.payload.count == 30)
            #expect(ip.isPayloadTruncated)
            #expect(ip.trailer.isEmpty)
        }
        // The same header as a later fragment: offset field 185 (1480 bytes), MF clear.
        var later = Frames.fragmentHead.dropping(14)
        later[6] = 0x00
        later[7] = 0xB9
        try later.withUnsafeBytes { raw in
            let ip = try IPv4View(checking: raw)
            #expect(!ip.moreFragments && !ip.dontFragment)
            #expect(ip.fragmentOffset == 1480)
            #expect(ip.isFragment)
        }
    }

    @Test func acceptsOffloadedTotalLength() throws {
        try Frames.tsoHead.dropping(14).withUnsafeBytes { raw in
            let ip = try IPv4View(checking: raw)
            #expect(ip.totalLength == 0)
            #expect(ip.hasOffloadedLength)
            #expect(ip.effectiveTotalLength == 56)
            #expect(ip.declaredPayloadLength == 36)
            #expect(ip.payload.count == 36)
            #expect(!ip.isPayloadTruncated)
            #expect(try TCPView(checking: ip.payload).destinationPort == 8080)
        }
    }

    @Test func constructs() {
        var header = IPv4Header(source: IPv4Address(198, 18, 86, 142), destination: IPv4Address(192, 0, 2, 10),
                                protocol: .tcp, payloadLength: 40, ttl: 57, identification: 5)
        #expect(header.byteCount == 20 && header.totalLength == 60 && header.payloadLength == 40)
        let computed = emitted(count: 20) { header.emit(into: $0, computingChecksum: true) }
        #expect(computed == Array(Frames.natSYN[14..<34]))
        header.headerChecksum = 0x630C
        #expect(emitted(count: 20) { header.emit(into: $0) } == Array(Frames.natSYN[14..<34]))
    }

    @Test func constructsOptionsWithPadding() throws {
        var header = IPv4Header(source: IPv4Address(192, 168, 11, 201), destination: IPv4Address(225, 10, 10, 10),
                                protocol: IPProtocol(rawValue: 2), payloadLength: 8, ttl: 1)
        header.options = [0x94, 0x04, 0x00, 0x00]
        header.payloadLength = 8
        #expect(header.headerLength == 24 && header.totalLength == 32)
        let bytes = emitted(count: 24) { header.emit(into: $0, computingChecksum: true) }
        #expect(bytes == Array(Frames.igmpRouterAlert[14..<38]))
        // Three option bytes are padded with one end-of-options byte.
        header.options = [0x01, 0x01, 0x01]
        let padded = emitted(count: 24) { header.emit(into: $0) }
        #expect(padded[0] == 0x46 && Array(padded[20..<24]) == [1, 1, 1, 0])
    }

    @Test func roundTrips() throws {
        let frames = [Frames.natSYN, Frames.echoRequest, Frames.igmpRouterAlert, Frames.fragmentHead, Frames.tsoHead,
                      Frames.paddedACK, Frames.tunnelSYN, Frames.sackACK]
        for frame in frames {
            let ip = frame.dropping(14)
            let header = try ip.withUnsafeBytes { raw in IPv4Header(parsing: try IPv4View(checking: raw)) }
            let length = header.headerLength
            #expect(emitted(count: length) { header.emit(into: $0) } == Array(ip.prefix(length)))
        }
    }

    @Test func rejectsImpossibleLength() {
        let ip = Frames.natSYN.dropping(14)
        expectTruncated(.ipv4, needed: 20, lengths: 0..<20, of: ip) { try IPv4View(checking: $0) }
        expectWireError(WireError(.ipv4, at: 0, .badVersion(6)), ip.flipping(0, mask: 0x20)) {
            try IPv4View(checking: $0)
        }
        // IHL 4: a 16-byte header is below the minimum.
        expectWireError(WireError(.ipv4, at: 0, .badHeaderLength(16)), ip.flipping(0, mask: 0x01)) {
            try IPv4View(checking: $0)
        }
        // IHL 15 announces 60 header bytes; only 40 are there in the whole packet.
        var longHeader = ip
        longHeader[0] = 0x4F
        expectWireError(WireError(.ipv4, at: 0, .truncated(needed: 60, available: 40)), Array(longHeader.prefix(40))) {
            try IPv4View(checking: $0)
        }
        // Total length 19 cannot hold the 20-byte header.
        var shortTotal = ip
        shortTotal[2] = 0
        shortTotal[3] = 19
        expectWireError(WireError(.ipv4, at: 2, .badTotalLength(19)), shortTotal) { try IPv4View(checking: $0) }
    }
}
