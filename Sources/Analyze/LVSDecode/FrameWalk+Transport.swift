import LVSWire

extension FrameWalk {
    @usableFromInline
    mutating func tcp(at offset: Int, in ip: IPInfo, into packet: inout DecodedPacket) throws(WireError) {
        let tcp = try view(at: offset) { b throws(WireError) in try TCPView(checking: b) }
        packet.layers.insert(.tcp)
        var info = TCPInfo(
            sequenceNumber: tcp.sequenceNumber.rawValue, acknowledgementNumber: tcp.acknowledgementNumber.rawValue,
            flags: tcp.flags, window: tcp.window, headerLength: tcp.headerLength,
            optionsLength: tcp.headerLength - TCPView.minimumHeaderLength)
        summarize(tcp.decodedOptions, into: &info)
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
    mutating func udp(at offset: Int, in ip: IPInfo, into packet: inout DecodedPacket) throws(WireError) {
        let udp = try view(at: offset) { b throws(WireError) in try UDPView(checking: b) }
        packet.layers.insert(.udp)
        let declared = udp.declaredPayloadLength
        var transport = TransportInfo(
            protocolNumber: .udp, offset: offset, sourcePort: udp.sourcePort, destinationPort: udp.destinationPort,
            payloadOffset: offset + UDPView.headerLength, payloadLength: declared,
            capturedPayloadLength: min(declared, udp.payload.count))
        if options.verifyChecksums, !ip.isFragment {
            transport.checksum = transportChecksum(of: offset, length: ip.payloadLength, in: ip, proto: .udp)
        }
        packet.transport = transport
    }

    /// Copies the TCP options into the summary without allocating.
    @usableFromInline
    func summarize(_ options: TCPOptions, into info: inout TCPInfo) {
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
        // The loop ran the walk to its end: what it met is what a fresh walk would.
        info.optionsMalformed = walk.stoppedAtOffset != nil
        info.clientAddressMalformed = walk.malformedTOAOffsetSoFar != nil
    }
}
