import Testing
import LVSWire

@Suite struct ICMPv4Tests {
    /// Hand-made: "fragmentation needed" (type 3 code 4, MTU 1500) from 198.51.100.254
    /// about natSYN, quoting its IPv4 header and first 8 TCP bytes (RFC 792).
    static let fragmentationNeeded: [UInt8] = [
        0x03,  // type destination unreachable
        0x04,  // code 4: fragmentation needed and DF set
        0x65, 0x9b,  // checksum
        0x00, 0x00,  // unused
        0x05, 0xdc,  // next-hop MTU 1500
    ] + Array(Frames.natSYN[14..<42])  // quoted IPv4 header (20) and TCP ports, sequence (8)

    @Test func deconstructsEcho() throws {
        try Frames.echoRequest.dropping(34).withUnsafeBytes { raw in
            let icmp = try ICMPv4View(checking: raw)
            #expect(icmp.type == .echoRequest)
            #expect(icmp.code == 0)
            #expect(icmp.checksum == 0xB4BC)
            #expect(icmp.identifier == 0x4242 && icmp.sequence == 0)
            #expect(icmp.restOfHeader == 0x4242_0000)
            #expect(icmp.isEcho && !icmp.isError && !icmp.isFragmentationNeeded)
            #expect(icmp.headerLength == 8)
            #expect(icmp.payload.count == 56 && icmp.payload.allSatisfy { $0 == 0x52 })
            #expect(icmp.quotedPacket.isEmpty)
        }
    }

    @Test func deconstructsFragmentationNeeded() throws {
        try Self.fragmentationNeeded.withUnsafeBytes { raw in
            let icmp = try ICMPv4View(checking: raw)
            #expect(icmp.type == .destinationUnreachable)
            #expect(icmp.code == ICMPv4UnreachableCode.fragmentationNeeded)
            #expect(icmp.isFragmentationNeeded && icmp.isError)
            #expect(icmp.nextHopMTU == 1500)
            let quoted = try IPv4View(checking: icmp.quotedPacket)
            #expect(quoted.source == IPv4Address(198, 18, 86, 142) && quoted.destination == IPv4Address(192, 0, 2, 10))
            // The quote is cut after 8 data bytes: the TCP ports are there, the rest not.
            #expect(quoted.isPayloadTruncated && quoted.payload.count == 8)
            #expect(quoted.payload.u16(at: 0) == 50455 && quoted.payload.u16(at: 2) == 80)
            #expect(ChecksumStatus(verifyingICMPv4: raw, declaredLength: raw.count) == .good)
        }
    }

    @Test func classifiesTypes() {
        let errors: [ICMPv4Type] = [.destinationUnreachable, .sourceQuench, .redirect, .timeExceeded, .parameterProblem]
        #expect(errors.allSatisfy { $0.isError })
        let others: [ICMPv4Type] = [.echoReply, .echoRequest, .routerAdvertisement, .routerSolicitation, .timestamp,
                                    .timestampReply, ICMPv4Type(rawValue: 42)]
        #expect(!others.contains { $0.isError })
        #expect(ICMPv4Type(rawValue: 42).description == "icmp-type-42")
        #expect(ICMPv4Type.timeExceeded.description == "time-exceeded")
    }

    @Test func readsRedirectAndParameterProblem() throws {
        // Hand-made: redirect to gateway 192.0.2.1, and parameter problem at byte 9.
        try ([5, 1, 0, 0, 192, 0, 2, 1] as [UInt8]).withUnsafeBytes { raw in
            let icmp = try ICMPv4View(checking: raw)
            #expect(icmp.type == .redirect && icmp.gateway == IPv4Address(192, 0, 2, 1))
            #expect(icmp.quotedPacket.isEmpty)
        }
        try ([12, 0, 0, 0, 9, 0, 0, 0] as [UInt8]).withUnsafeBytes { raw in
            let icmp = try ICMPv4View(checking: raw)
            #expect(icmp.type == .parameterProblem && icmp.pointer == 9)
        }
    }

    @Test func constructs() {
        let echo = ICMPv4Header.echoRequest(identifier: 0x4242, sequence: 0)
        let message = emitted(count: 64) { buffer in
            echo.emit(into: buffer)
            for index in 8..<64 { buffer[index] = 0x52 }
            #expect(InternetChecksum.fillICMPv4(buffer) == 0xB4BC)
        }
        #expect(message == Frames.echoRequest.dropping(34))
        let tooBig = ICMPv4Header.fragmentationNeeded(mtu: 1500)
        #expect(emitted(count: 8) { tooBig.emit(into: $0) } == [3, 4, 0, 0, 0, 0, 0x05, 0xdc])
        #expect(ICMPv4Header.echoReply(identifier: 1, sequence: 2).restOfHeader == 0x0001_0002)
    }

    @Test func roundTrips() throws {
        for message in [Frames.echoRequest.dropping(34), Self.fragmentationNeeded] {
            let header = try message.withUnsafeBytes { raw in ICMPv4Header(parsing: try ICMPv4View(checking: raw)) }
            #expect(emitted(count: 8) { header.emit(into: $0) } == Array(message.prefix(8)))
        }
    }

    @Test func rejectsImpossibleLength() {
        expectTruncated(.icmp, needed: 8, lengths: 0..<8, of: Self.fragmentationNeeded) { try ICMPv4View(checking: $0) }
    }
}
