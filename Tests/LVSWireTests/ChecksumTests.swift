import Testing
import LVSWire

@Suite struct ChecksumTests {
    /// Status of the IPv4 packet after `linkLength` bytes of `frame`, header and transport.
    func statuses(_ frame: [UInt8], linkLength: Int = 14)
        throws -> (header: ChecksumStatus, transport: ChecksumStatus) {
        try frame.dropping(linkLength).withUnsafeBytes { raw in
            let ip = try IPv4View(checking: raw)
            return (ChecksumStatus(verifyingIPv4Header: ip), ChecksumStatus(verifyingTransportOf: ip))
        }
    }

    func ipv6Status(_ frame: [UInt8], linkLength: Int = 14) throws -> ChecksumStatus {
        try frame.dropping(linkLength).withUnsafeBytes { raw in
            let ip = try IPv6View(checking: raw)
            return ChecksumStatus(verifyingTransportOf: ip, chain: try ip.extensionChain())
        }
    }

    @Test func sumsTheRFC1071Example() {
        // RFC 1071 §3: bytes 00 01 f2 03 f4 f5 f6 f7 sum to 0xddf2 after the carry.
        let bytes: [UInt8] = [0x00, 0x01, 0xf2, 0x03, 0xf4, 0xf5, 0xf6, 0xf7]
        var sum = InternetChecksum()
        bytes.withUnsafeBytes { sum.add(bytes: $0) }
        #expect(sum.folded == 0xDDF2)
        #expect(sum.finalize() == 0x220D)
    }

    @Test func sumsStreamsInAnyChunking() {
        var generator = SeededGenerator(seed: 1071)
        for _ in 0..<200 {
            let count = Int.random(in: 0...97, using: &generator)
            let bytes = (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let whole = bytes.withUnsafeBytes { InternetChecksum.checksum(of: $0) }
            var chunked = InternetChecksum()
            var start = 0
            while start < count {
                let end = min(count, start + Int.random(in: 1...9, using: &generator))
                Array(bytes[start..<end]).withUnsafeBytes { chunked.add(bytes: $0) }
                start = end
            }
            #expect(chunked.finalize() == whole)
        }
    }

    @Test func addsWordsAndAddressesLikeBytes() {
        let address = IPv6Address("2001:db8::1:2") ?? IPv6Address(high: 0, low: 0)
        var words = InternetChecksum()
        words.add(UInt16(0x1234))
        words.add(UInt32(0xABCD_EF01))
        words.add(IPv4Address(192, 0, 2, 10))
        words.add(address)
        let bytes: [UInt8] = [0x12, 0x34, 0xAB, 0xCD, 0xEF, 0x01, 192, 0, 2, 10,
                              0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 2]
        #expect(words.finalize() == bytes.withUnsafeBytes { InternetChecksum.checksum(of: $0) })
    }

    @Test func verifiesRealPackets() throws {
        for frame in [Frames.natSYN, Frames.natACK, Frames.fullNATToaACK, Frames.sackACK, Frames.paddedACK] {
            let (header, transport) = try statuses(frame)
            #expect(header == .good)
            #expect(transport == .good)
        }
        #expect(try statuses(Frames.echoRequest) == (.good, .good))
        #expect(try statuses(Frames.igmpRouterAlert).header == .good)
        #expect(try statuses(Frames.tunnelSYN).header == .good)
        #expect(try statuses(Frames.tunnelSYN.dropping(20)).transport == .good)  // inner packet
        #expect(try ipv6Status(Frames.routerAdvertisement) == .good)
        #expect(try ipv6Status(Frames.neighborSolicitation) == .good)
        #expect(try ipv6Status(Frames.ipv6ParameterProblem) == .good)
    }

    @Test func findsFlippedBytes() throws {
        // Each flipped byte outside the checksum fields gives `.bad` with the value the
        // changed packet needs; storing that value makes it good again. The version and
        // length, flags and protocol bytes are left alone: changing them changes what is
        // checked rather than the sum.
        let headerBytes = Array(15..<34).filter { ![16, 17, 20, 21, 23, 24, 25].contains($0) }
        let transportBytes = Array(26..<74).filter { $0 != 50 && $0 != 51 }
        for offset in Set(headerBytes + transportBytes).sorted() {
            var frame = Frames.natSYN.flipping(offset, mask: 0x10)
            let (header, transport) = try statuses(frame)
            if headerBytes.contains(offset) {
                guard case let .bad(expected) = header else {
                    Issue.record("IPv4 header byte \(offset) flipped: \(header)")
                    continue
                }
                frame[24] = UInt8(expected >> 8)
                frame[25] = UInt8(expected & 0xFF)
                #expect(try statuses(frame).header == .good)
            }
            if transportBytes.contains(offset) {
                guard case let .bad(expected) = transport else {
                    Issue.record("byte \(offset) flipped: TCP \(transport)")
                    continue
                }
                frame[50] = UInt8(expected >> 8)
                frame[51] = UInt8(expected & 0xFF)
                #expect(try statuses(frame).transport == .good)
            }
        }
    }

    @Test func reportsTheExpectedValue() throws {
        // The loopback capture left the IPv4 header checksum at zero.
        #expect(try statuses(Frames.nullIPv4, linkLength: 4).header == .bad(expected: 0x7C98))
        #expect(try statuses(Frames.natSYN.flipping(24, mask: 0xFF)).header == .bad(expected: 0x630C))
    }

    @Test func recognisesOffloadPartialSums() throws {
        // Linux CHECKSUM_PARTIAL on loopback: the field holds the pseudo-header sum.
        #expect(try statuses(Frames.nullIPv4, linkLength: 4).transport == .partial)
        #expect(try ipv6Status(Frames.nullIPv6, linkLength: 4) == .partial)
        // Windows LSO: the pseudo-header sum without the length, and only 36 of the
        // segment's bytes captured: still recognised.
        let tso = try statuses(Frames.tsoHead)
        #expect(tso.transport == .partial && tso.transport.isLikelyOffload)
        // natSYN with its checksum replaced by its pseudo-header sum (0xded9).
        var syn = Frames.natSYN
        syn[50] = 0xDE
        syn[51] = 0xD9
        #expect(try statuses(syn).transport == .partial)
        // The same value is recognised when snaplen cut the segment.
        #expect(try statuses(Array(syn.prefix(60))).transport == .partial)
    }

    @Test func treatsZeroUDPChecksumPerFamily() throws {
        var v4 = Frames.nullIPv4
        v4[30] = 0
        v4[31] = 0
        #expect(try statuses(v4, linkLength: 4).transport == .zero)
        var v6 = Frames.nullIPv6
        v6[50] = 0
        v6[51] = 0
        #expect(try ipv6Status(v6, linkLength: 4) == .bad(expected: 0xCFE3))
    }

    @Test func refusesWhatWasNotCaptured() throws {
        // snaplen cut the SYN's options: the checksum cannot be checked, and is not bad.
        #expect(try statuses(Array(Frames.natSYN.prefix(60))).transport == .notVerifiable)
        #expect(try statuses(Array(Frames.natSYN.prefix(40))).transport == .notVerifiable)
        #expect(try statuses(Array(Frames.echoRequest.prefix(90))).transport == .notVerifiable)
        // A fragment's checksum covers the reassembled datagram.
        #expect(try statuses(Frames.fragmentHead).transport == .notVerifiable)
        // The destination is not final while a routing header has segments left.
        #expect(try ipv6Status(Frames.ipv6RoutingEcho) == .notVerifiable)
        // Protocols without a checksum we know: OSPF behind AH, IGMP.
        #expect(try ipv6Status(Frames.ipv6AH) == .notVerifiable)
        #expect(try statuses(Frames.igmpRouterAlert).transport == .notVerifiable)
    }

    @Test func verifiesWithTheFinalDestination() {
        let source = IPv6Address("2200::244:212:3fff:feae:22f7") ?? IPv6Address(high: 0, low: 0)
        let finalDestination = IPv6Address("2200::210:2:0:0:4") ?? IPv6Address(high: 0, low: 0)
        Frames.ipv6RoutingEcho.dropping(78).withUnsafeBytes { raw in
            #expect(ChecksumStatus(verifying: .icmpv6, segment: raw, declaredLength: 8, source: source,
                                   destination: finalDestination) == .good)
        }
    }

    @Test func fillsUDPZeroAsAllOnes() {
        // Hand-made datagram whose data is chosen so that the computed checksum is 0:
        // RFC 768 sends it as 0xFFFF.
        let source = IPv4Address(10, 0, 0, 1)
        let destination = IPv4Address(10, 0, 0, 2)
        var datagram: [UInt8] = [0x12, 0x34, 0x00, 0x35, 0x00, 0x0a, 0x00, 0x00, 0x00, 0x00]
        var sum = InternetChecksum.pseudoHeader(source: source, destination: destination, protocol: .udp, length: 10)
        datagram.withUnsafeBytes { sum.add(bytes: $0) }
        let word = ~sum.folded  // makes the total 0xFFFF, i.e. a checksum of 0
        datagram[8] = UInt8(word >> 8)
        datagram[9] = UInt8(word & 0xFF)
        let filled = datagram.withUnsafeMutableBytes {
            InternetChecksum.fillUDP($0, source: source, destination: destination)
        }
        #expect(filled == 0xFFFF && Array(datagram[6..<8]) == [0xFF, 0xFF])
        datagram.withUnsafeBytes { raw in
            #expect(ChecksumStatus(verifying: .udp, segment: raw, declaredLength: 10, source: source,
                                   destination: destination) == .good)
        }
    }

    @Test func fillsIPv4Header() {
        var header = Frames.natSYN[14..<34].map { $0 }
        header[10] = 0xAB
        header[11] = 0xCD
        #expect(header.withUnsafeMutableBytes { InternetChecksum.fillIPv4Header($0) } == 0x630C)
        #expect(header == Array(Frames.natSYN[14..<34]))
    }

    @Test func describesStatuses() {
        #expect(ChecksumStatus.bad(expected: 0x0A0B).description == "bad (expected 0x0a0b)")
        #expect(ChecksumStatus.partial.description == "partial (offload)")
        #expect(ChecksumStatus.good.isGood && ChecksumStatus.bad(expected: 0).isBad && !ChecksumStatus.zero.isBad)
    }
}
