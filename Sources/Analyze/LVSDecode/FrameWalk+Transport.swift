import LVSWire

extension FrameWalk {
    @usableFromInline
    mutating func tcp(at offset: Int, in ip: IPInfo, into packet: inout DecodedPacket) throws(WireError) {
        attempt(.tcp, at: offset, into: &packet)
        let tcp = try view(at: offset) { b throws(WireError) in try TCPView(checking: b) }
        var info = TCPInfo(
            sequenceNumber: tcp.sequenceNumber.rawValue, acknowledgementNumber: tcp.acknowledgementNumber.rawValue,
            flags: tcp.flags, window: tcp.window, headerLength: tcp.headerLength,
            optionsLength: tcp.headerLength - TCPView.minimumHeaderLength)
        if info.optionsLength > 0 { summarize(tcp.decodedOptions, into: &info) }
        if info.optionsMalformed { packet.anomalies.insert(.malformedTCPOptions) }
        if info.clientAddressMalformed { packet.anomalies.insert(.malformedTOA) }
        let declared = max(0, ip.payloadLength - tcp.headerLength)
        var transport = TransportInfo(
            protocolNumber: .tcp, offset: offset, sourcePort: tcp.sourcePort, destinationPort: tcp.destinationPort,
            payloadOffset: offset + tcp.headerLength, payloadLength: declared,
            capturedPayloadLength: min(declared, tcp.payload.count), tcp: info)
        if options.verifyChecksums, !ip.isFragment {
            transport.checksum = transportChecksum(of: offset, length: ip.payloadLength, in: ip, proto: .tcp)
        }
        packet.transport = transport
    }

    @usableFromInline
    mutating func udp(at offset: Int, in ip: IPInfo, depth: Int, into packet: inout DecodedPacket) throws(WireError) {
        attempt(.udp, at: offset, into: &packet)
        let udp = try view(at: offset) { b throws(WireError) in try UDPView(checking: b) }
        let declared = udp.declaredPayloadLength
        var transport = TransportInfo(
            protocolNumber: .udp, offset: offset, sourcePort: udp.sourcePort, destinationPort: udp.destinationPort,
            payloadOffset: offset + UDPView.headerLength, payloadLength: declared,
            capturedPayloadLength: min(declared, udp.payload.count))
        if options.verifyChecksums, !ip.isFragment {
            transport.checksum = transportChecksum(of: offset, length: ip.payloadLength, in: ip, proto: .udp)
        }
        packet.transport = transport
        if !ip.isFragment { try udpOverlay(transport, depth: depth, into: &packet) }
    }

    /// Copies the TCP options into the summary without allocating.
    @usableFromInline
    func summarize(_ options: TCPOptions, into info: inout TCPInfo) {
        // Nearly every segment after the handshake carries exactly NOP, NOP, timestamps
        // (RFC 7323 appendix A's layout); read it without walking the option list.
        let bytes = options.bytes
        if bytes.count == 12, bytes.u32(at: 0) == 0x0101_080A {
            info.timestamp = bytes.u32(at: 4)
            info.timestampEcho = bytes.u32(at: 8)
            return
        }
        var walk = options
        while let option = walk.next() {
            switch option {
            case let .maximumSegmentSize(mss): info.maximumSegmentSize = mss
            case let .windowScale(shift): info.windowScale = shift
            case .sackPermitted: info.sackPermitted = true
            case let .sack(blocks): info.sackBlockCount = UInt8(truncatingIfNeeded: blocks.count)
            case let .timestamps(value, echo):
                info.timestamp = value
                info.timestampEcho = echo
            case let .clientAddress(toa): info.clientAddress = toa
            default: break
            }
        }
        info.optionsMalformed = walk.stoppedAtMalformedOption
        info.clientAddressMalformed = walk.sawMalformedTOA
    }
}
