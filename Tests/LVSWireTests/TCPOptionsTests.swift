import Testing
import LVSWire

@Suite struct TCPOptionsTests {
    /// Decodes `bytes` as an option list.
    func decode(_ bytes: [UInt8]) -> [TCPOption] {
        bytes.withUnsafeBytes { Array(TCPOptions($0)) }
    }

    /// Runs `body` on the options of `bytes`.
    func options<R>(_ bytes: [UInt8], _ body: (TCPOptions) -> R) -> R {
        bytes.withUnsafeBytes { body(TCPOptions($0)) }
    }

    static let v4Client = IPAddress.v4(IPv4Address(198, 18, 86, 142))
    static let v6Client = IPAddress.v6(IPv6Address("2001:db8::c1") ?? IPv6Address(high: 0, low: 0))

    @Test func decodesEveryKind() {
        let bytes: [UInt8] = [
            0x02, 0x04, 0x05, 0xb4,  // MSS 1460
            0x01,  // NOP
            0x03, 0x03, 0x0e,  // window scale 14
            0x04, 0x02,  // SACK permitted
            0x05, 0x0a, 0, 0, 0x10, 0, 0, 0, 0x20, 0,  // SACK 4096–8192
            0x08, 0x0a, 0, 0, 0, 1, 0, 0, 0, 2,  // timestamps 1, 2
            0xfe, 0x08, 0x00, 0x50, 0xc6, 0x12, 0x56, 0x8e,  // TOA 254: 198.18.86.142:80
            0x1e, 0x04, 0x00, 0x81,  // kind 30 (MPTCP), length 4
            0x00,  // end of list
            0x02, 0x04, 0x00, 0x01,  // after the end: padding, not an option
        ]
        let toa = TOAOption(kind: 254, port: 80, address: Self.v4Client)
        #expect(decode(bytes) == [
            .maximumSegmentSize(1460), .noOperation, .windowScale(14), .sackPermitted,
            .sack(SACKBlocks([SACKBlock(left: 4096, right: 8192)])), .timestamps(value: 1, echo: 2),
            .clientAddress(toa), .unknown(kind: 30, length: 4), .endOfList,
        ])
        options(bytes) { options in
            #expect(!options.isMalformed && options.malformedOffset == nil && !options.hasMalformedTOA)
            #expect(options.maximumSegmentSize == 1460)
            #expect(options.windowScale == 14)
            #expect(options.isSACKPermitted)
            #expect(options.sackBlocks?.first == SACKBlock(left: 4096, right: 8192))
            #expect(options.timestamps?.value == 1 && options.timestamps?.echo == 2)
            #expect(options.clientAddress == toa)
        }
    }

    @Test(arguments: [UInt8(254), 253, 200, 252])
    func decodesTOAKind(_ kind: UInt8) {
        let v4: [UInt8] = [kind, 8, 0xc5, 0x17, 198, 18, 86, 142]
        let v6: [UInt8] = [kind, 20, 0x01, 0xbb, 0x20, 0x01, 0x0d, 0xb8] + [UInt8](repeating: 0, count: 11) + [0xc1]
        #expect(decode(v4) == [.clientAddress(TOAOption(kind: kind, port: 50455, address: Self.v4Client))])
        #expect(decode(v6) == [.clientAddress(TOAOption(kind: kind, port: 443, address: Self.v6Client))])
        // Emitting the decoded option gives the same bytes.
        for bytes in [v4, v6] {
            guard case let .clientAddress(toa)? = decode(bytes).first else {
                Issue.record("not a TOA")
                continue
            }
            #expect(toa.length == UInt8(bytes.count))
            #expect(emitted(count: bytes.count) { TCPOption.clientAddress(toa).encode(into: $0, at: 0) } == bytes)
        }
    }

    @Test func decodesRealTOA() throws {
        try Frames.fullNATToaACK.dropping(34).withUnsafeBytes { raw in
            let tcp = try TCPView(checking: raw)
            let options = tcp.decodedOptions
            #expect(Array(options) == [
                .noOperation, .noOperation, .timestamps(value: 34, echo: 27),
                .clientAddress(TOAOption(kind: 254, port: 50455, address: Self.v4Client)),
            ])
            #expect(options.clientAddress?.address.withPort(options.clientAddress?.port ?? 0) == "198.18.86.142:50455")
        }
    }

    @Test func flagsMalformedTOA() {
        // Kind 254 with length 12: neither IPv4 (8) nor IPv6 (20).
        let bytes: [UInt8] = [0x01, 0xfe, 0x0c, 0, 0x50, 1, 2, 3, 4, 5, 6, 7, 8, 0x01]
        #expect(decode(bytes) == [.noOperation, .unknown(kind: 254, length: 12), .noOperation])
        options(bytes) { options in
            #expect(options.hasMalformedTOA && options.malformedTOAOffset == 1)
            #expect(!options.isMalformed)
            #expect(options.clientAddress == nil)
        }
        options([0xc8, 0x04, 0x12, 0x34]) { options in
            #expect(options.malformedTOAOffset == 0)
        }
    }

    @Test func treatsWrongLengthsOfKnownKindsAsUnknown() {
        let bytes: [UInt8] = [
            0x02, 0x06, 0x05, 0xb4, 0, 0,  // MSS with length 6
            0x03, 0x02,  // window scale with length 2
            0x08, 0x08, 0, 0, 0, 0, 0, 0,  // timestamps with length 8
            0x05, 0x0c, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,  // SACK with length 12 (not 2 + 8n)
        ]
        #expect(decode(bytes) == [
            .unknown(kind: 2, length: 6), .unknown(kind: 3, length: 2), .unknown(kind: 8, length: 8),
            .unknown(kind: 5, length: 12),
        ])
        options(bytes) { #expect(!$0.isMalformed && $0.maximumSegmentSize == nil) }
    }

    @Test func stopsAtMalformedLength() {
        // Length 1 is below the minimum of 2: iteration ends there, at offset 1.
        let lengthOne: [UInt8] = [0x01, 0x02, 0x01, 0x01, 0x01]
        #expect(decode(lengthOne) == [.noOperation])
        options(lengthOne) { #expect($0.malformedOffset == 1 && $0.isMalformed) }
        // Length 0 would loop forever if it were trusted.
        let lengthZero: [UInt8] = [0x22, 0x00, 0x01, 0x01]
        #expect(decode(lengthZero).isEmpty)
        options(lengthZero) { #expect($0.malformedOffset == 0) }
        // The timestamps option claims 10 bytes; 6 remain.
        let past: [UInt8] = [0x02, 0x04, 0x05, 0xb4, 0x08, 0x0a, 0, 0, 0, 1]
        #expect(decode(past) == [.maximumSegmentSize(1460)])
        options(past) { #expect($0.malformedOffset == 4) }
    }

    @Test func stopsWhenTheListEndsMidOption() {
        // A kind byte with no length byte after it.
        let kindOnly: [UInt8] = [0x01, 0x01, 0x08]
        #expect(decode(kindOnly) == [.noOperation, .noOperation])
        options(kindOnly) { #expect($0.malformedOffset == 2) }
        // A real SYN's options cut 3 bytes into the timestamps.
        let cut = Array(Frames.natSYN[54..<63])
        #expect(decode(cut) == [.maximumSegmentSize(1460), .sackPermitted])
        options(cut) { #expect($0.malformedOffset == 6) }
    }

    @Test(arguments: 1...4)
    func decodesSACKBlocks(_ count: Int) {
        let blocks = (0..<count).map { index -> SACKBlock in
            let left = UInt32(1000 * index + 1)
            return SACKBlock(left: left, right: left + 500)
        }
        let option = TCPOption.sack(SACKBlocks(blocks))
        #expect(option.encodedLength == 2 + 8 * count)
        let bytes = emitted(count: option.encodedLength) { option.encode(into: $0, at: 0) }
        #expect(bytes[0] == 5 && Int(bytes[1]) == 2 + 8 * count)
        #expect(decode(bytes) == [option])
        options(bytes) { #expect(Array($0.sackBlocks ?? SACKBlocks([])) == blocks) }
    }

    @Test func decodesRealSACK() throws {
        try Frames.sackACK.dropping(34).withUnsafeBytes { raw in
            let options = try TCPView(checking: raw).decodedOptions
            let decoded = Array(options)
            #expect(decoded.count == 15)
            #expect(decoded.prefix(14).allSatisfy { $0 == .noOperation })
            #expect(options.sackBlocks.map(Array.init) == [SACKBlock(left: 4_082_238_970, right: 4_082_238_971)])
        }
    }

    @Test func limitsSACKBlocksToFour() {
        let five = (0..<5).map { SACKBlock(left: UInt32($0), right: UInt32($0 + 1)) }
        let blocks = SACKBlocks(five)
        #expect(blocks.count == 4)
        #expect(Array(blocks) == Array(five.prefix(4)))
        #expect(SACKBlocks([]).isEmpty)
    }

    @Test func exposesTheCurrentOptionBytes() {
        let bytes: [UInt8] = [0x01, 0x1e, 0x05, 0xAA, 0xBB, 0xCC, 0x00]
        bytes.withUnsafeBytes { raw in
            var iterator = TCPOptions(raw)
            #expect(iterator.next() == .noOperation)
            #expect(iterator.currentOffset == 0 && Array(iterator.currentOption) == [0x01])
            #expect(iterator.next() == .unknown(kind: 30, length: 5))
            #expect(iterator.currentOffset == 1 && Array(iterator.currentOption) == [0x1e, 0x05, 0xAA, 0xBB, 0xCC])
            #expect(iterator.position == 6)
            #expect(iterator.next() == .endOfList)
            #expect(iterator.next() == nil)
        }
    }

    @Test func encodesEveryOption() {
        let all: [TCPOption] = [
            .endOfList, .noOperation, .maximumSegmentSize(536), .windowScale(3), .sackPermitted,
            .sack(SACKBlocks([SACKBlock(left: 1, right: 2), SACKBlock(left: 3, right: 4)])),
            .timestamps(value: 0xDEAD_BEEF, echo: 7),
            .clientAddress(TOAOption(kind: 200, port: 8080, address: Self.v4Client)),
        ]
        for option in all where option != .endOfList {
            let bytes = emitted(count: option.encodedLength) { option.encode(into: $0, at: 0) }
            #expect(bytes[0] == option.kind)
            #expect(decode(bytes) == [option])
        }
        #expect(emitted(count: 1) { TCPOption.endOfList.encode(into: $0, at: 0) } == [0])
        // Unknown options are written with zero data (their contents were not kept).
        #expect(emitted(count: 4) { TCPOption.unknown(kind: 30, length: 4).encode(into: $0, at: 0) } == [30, 4, 0, 0])
    }
}
