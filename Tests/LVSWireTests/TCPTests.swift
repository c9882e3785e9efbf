import Testing
import LVSWire

@Suite struct TCPTests {
    static let synOptions: [TCPOption] = [
        .maximumSegmentSize(1460), .sackPermitted, .timestamps(value: 33, echo: 0), .noOperation, .windowScale(7),
    ]

    @Test func deconstructs() throws {
        try Frames.natSYN.dropping(34).withUnsafeBytes { raw in
            let tcp = try TCPView(checking: raw)
            #expect(tcp.sourcePort == 50455)
            #expect(tcp.destinationPort == 80)
            #expect(tcp.sequenceNumber == SequenceNumber(4_035_238_807))
            #expect(tcp.acknowledgementNumber == SequenceNumber(0))
            #expect(tcp.headerLength == 40)
            #expect(tcp.flags == .syn)
            #expect(tcp.reservedBits == 0)
            #expect(tcp.window == 64240)
            #expect(tcp.checksum == 0xDCBE)
            #expect(tcp.urgentPointer == 0)
            #expect(tcp.options.count == 20)
            #expect(Array(tcp.decodedOptions) == Self.synOptions)
            #expect(tcp.payload.isEmpty)
            #expect(tcp.sequenceLength(payloadLength: 0) == 1)
        }
        try Frames.natACK.dropping(34).withUnsafeBytes { raw in
            let tcp = try TCPView(checking: raw)
            #expect(tcp.flags == .ack)
            #expect(tcp.acknowledgementNumber == SequenceNumber(703_636_654))
            #expect(Array(tcp.decodedOptions) == [.noOperation, .noOperation, .timestamps(value: 34, echo: 27)])
        }
    }

    @Test func readsFlagBits() throws {
        // Hand-made header whose flag word has every bit: NS, CWR, ECE, URG, ACK, PSH,
        // RST, SYN, FIN, and the three reserved bits.
        var header = Frames.natACK.dropping(34)
        header[12] = 0x8F  // data offset 8, reserved 0b111, NS
        header[13] = 0xFF
        try header.withUnsafeBytes { raw in
            let tcp = try TCPView(checking: raw)
            #expect(tcp.flags == [.fin, .syn, .rst, .psh, .ack, .urg, .ece, .cwr, .ns])
            #expect(tcp.reservedBits == 7)
            #expect(tcp.headerLength == 32)
            #expect(tcp.sequenceLength(payloadLength: 10) == 12)
        }
        #expect(TCPFlags([.syn, .ack]).description == "S.")
        #expect(TCPFlags([.fin, .psh, .ack]).description == "FP.")
        #expect(TCPFlags().description == "none")
    }

    @Test func constructs() {
        let header = TCPHeader(sourcePort: 50455, destinationPort: 80, sequenceNumber: SequenceNumber(4_035_238_807),
                               flags: .syn, window: 64240, checksum: 0xDCBE, options: Self.synOptions)
        #expect(header.byteCount == 40)
        #expect(emitted(count: 40) { header.emit(into: $0) } == Frames.natSYN.dropping(34))
    }

    @Test func computesChecksumOverSegment() {
        var header = TCPHeader(sourcePort: 50455, destinationPort: 80, sequenceNumber: SequenceNumber(4_035_238_807),
                               flags: .syn, window: 64240, options: Self.synOptions)
        header.checksum = 0x1234  // replaced by the fill
        let segment = emitted(count: 40) { buffer in
            header.emit(into: buffer)
            let checksum = InternetChecksum.fillTCP(buffer, source: IPv4Address(198, 18, 86, 142),
                                                    destination: IPv4Address(192, 0, 2, 10))
            #expect(checksum == 0xDCBE)
        }
        #expect(segment == Frames.natSYN.dropping(34))
    }

    @Test func roundTrips() throws {
        let frames = [Frames.natSYN, Frames.natACK, Frames.fullNATToaACK, Frames.sackACK, Frames.paddedACK,
                      Frames.tsoHead]
        for frame in frames {
            let ip = frame.dropping(14)
            let segment = try ip.withUnsafeBytes { raw in Array(try IPv4View(checking: raw).payload) }
            let header = try segment.withUnsafeBytes { raw in TCPHeader(parsing: try TCPView(checking: raw)) }
            let length = header.headerLength
            #expect(emitted(count: length) { header.emit(into: $0) } == Array(segment.prefix(length)))
        }
    }

    @Test func keepsUnknownOptionsExactly() throws {
        // Hand-made: an MPTCP-like option (kind 30, length 6) and a TFO cookie (kind 34,
        // length 10) survive parse and emit byte for byte.
        let options: [UInt8] = [30, 6, 0x10, 0x20, 0x30, 0x40, 34, 10, 1, 2, 3, 4, 5, 6, 7, 8]
        var segment = Frames.natACK.dropping(34).prefix(20) + options
        segment[12] = 0x90  // data offset 9
        let header = try segment.withUnsafeBytes { raw in TCPHeader(parsing: try TCPView(checking: raw)) }
        #expect(header.options == [.unknown(kind: 30, length: 6), .unknown(kind: 34, length: 10)])
        #expect(emitted(count: 36) { header.emit(into: $0) } == Array(segment))
    }

    @Test func prependsTOA() throws {
        var header = try Frames.natACK.dropping(34).withUnsafeBytes { raw in
            TCPHeader(parsing: try TCPView(checking: raw))
        }
        let toa = TOAOption(kind: 254, port: 50455, address: .v4(IPv4Address(198, 18, 86, 142)))
        let inserted = header.prependOption(.clientAddress(toa))
        #expect(inserted)
        #expect(header.headerLength == 40)
        #expect(header.optionBytes == [0xfe, 0x08, 0xc5, 0x17, 0xc6, 0x12, 0x56, 0x8e]
                + [0x01, 0x01, 0x08, 0x0a, 0, 0, 0, 0x22, 0, 0, 0, 0x1b])
        let emittedHeader = emitted(count: 40) { header.emit(into: $0) }
        #expect(emittedHeader[12] == 0xA0)
        try emittedHeader.withUnsafeBytes { raw in
            let tcp = try TCPView(checking: raw)
            #expect(tcp.decodedOptions.clientAddress == toa)
        }
        // An IPv6 TOA (20 bytes) does not fit after 24 bytes of options: "tcp head full".
        let v6 = TOAOption(kind: 254, port: 443, address: .v6(IPv6Address(high: 0x2001_0DB8_0000_0000, low: 1)))
        header.optionBytes += [1, 1, 1, 1]
        let before = header
        let insertedV6 = header.prependOption(.clientAddress(v6))
        #expect(!insertedV6)
        #expect(header == before)
        // It fits exactly after the SYN's 20 bytes: 40 bytes of options, data offset 15.
        var syn = TCPHeader(sourcePort: 1, destinationPort: 2, sequenceNumber: SequenceNumber(3), flags: .syn,
                            window: 4, options: Self.synOptions)
        let insertedInSYN = syn.prependOption(.clientAddress(v6))
        #expect(insertedInSYN)
        #expect(syn.headerLength == 60)
        #expect(Array(syn.options.prefix(2)) == [.clientAddress(v6), .maximumSegmentSize(1460)])
    }

    @Test func padsOptionListsWithEndOfList() {
        var header = TCPHeader(sourcePort: 1, destinationPort: 2, sequenceNumber: SequenceNumber(3), flags: .syn,
                               window: 4, options: [.maximumSegmentSize(1400), .windowScale(2)])
        #expect(header.optionBytes == [2, 4, 0x05, 0x78, 3, 3, 2, 0])
        #expect(header.headerLength == 28)
        #expect(header.options == [.maximumSegmentSize(1400), .windowScale(2), .endOfList])
        header.options = []
        #expect(header.headerLength == 20 && header.optionBytes.isEmpty)
    }

    @Test func rejectsImpossibleLength() {
        let segment = Frames.natSYN.dropping(34)
        expectTruncated(.tcp, needed: 20, lengths: 0..<20, of: segment) { try TCPView(checking: $0) }
        expectTruncated(.tcp, needed: 40, lengths: 20..<40, of: segment) { try TCPView(checking: $0) }
        var tooShort = segment
        tooShort[12] = 0x40  // data offset 4: 16 bytes
        expectWireError(WireError(.tcp, at: 12, .badHeaderLength(16)), tooShort) { try TCPView(checking: $0) }
        var zero = segment
        zero[12] = 0x00
        expectWireError(WireError(.tcp, at: 12, .badHeaderLength(0)), zero) { try TCPView(checking: $0) }
        var tooLong = segment
        tooLong[12] = 0xF0  // data offset 15: 60 bytes, 40 present
        expectWireError(WireError(.tcp, at: 0, .truncated(needed: 60, available: 40)), tooLong) {
            try TCPView(checking: $0)
        }
    }
}
