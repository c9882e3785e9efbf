import LVSWire

extension FrameWalk {
    @usableFromInline
    mutating func tcp(at offset: Int, in ip: IPContext, into packet: inout DecodedPacket) throws(WireError) {
        attempt(.tcp, at: offset, into: &packet)
        let tcp = try view(at: offset) { b throws(WireError) in try TCPView(checking: b) }
        // Written field by field into the packet's storage: assembling a TransportInfo on
        // the stack and storing it whole reloads the fresh narrow stores as wide ones, a
        // store-forwarding stall that cost a quarter of this function.
        let headerLength = tcp.headerLength
        let declared = max(0, ip.payloadLength - headerLength)
        packet.present.insert(.transport)
        packet.transportStorage.protocolNumber = .tcp
        packet.transportStorage.offset = offset
        packet.transportStorage.sourcePort = tcp.sourcePort
        packet.transportStorage.destinationPort = tcp.destinationPort
        packet.transportStorage.payloadOffset = offset + headerLength
        packet.transportStorage.payloadLength = declared
        packet.transportStorage.capturedPayloadLength = min(declared, max(0, tcp.bytes.count - headerLength))
        packet.transportStorage.checksum = nil
        packet.transportStorage.isTCP = true
        packet.transportStorage.tcpStorage.sequenceNumber = tcp.sequenceNumber.rawValue
        packet.transportStorage.tcpStorage.acknowledgementNumber = tcp.acknowledgementNumber.rawValue
        packet.transportStorage.tcpStorage.flags = tcp.flags
        packet.transportStorage.tcpStorage.window = tcp.window
        packet.transportStorage.tcpStorage.headerLength = headerLength
        packet.transportStorage.tcpStorage.optionsLength = headerLength - TCPView.minimumHeaderLength
        summarize(tcp.decodedOptions, into: &packet.transportStorage.tcpStorage)
        if packet.transportStorage.tcpStorage.optionsMalformed { packet.anomalies.insert(.malformedTCPOptions) }
        if packet.transportStorage.tcpStorage.clientAddressMalformed { packet.anomalies.insert(.malformedTOA) }
        if options.verifyChecksums, !ip.isFragment {
            packet.transportStorage.checksum = transportChecksum(of: offset, length: ip.payloadLength, in: ip,
                                                                 proto: .tcp)
        }
    }

    @usableFromInline
    mutating func udp(at offset: Int, in ip: IPContext, depth: Int,
                      into packet: inout DecodedPacket) throws(WireError) {
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

    /// Copies the TCP options into the summary without allocating. Every option field is
    /// written, present or not: the summary is storage reused from frame to frame.
    @usableFromInline
    func summarize(_ options: TCPOptions, into info: inout TCPInfo) {
        info.maximumSegmentSize = nil
        info.windowScale = nil
        info.sackPermitted = false
        info.sackBlockCount = 0
        info.clientAddress = nil
        info.optionsMalformed = false
        info.clientAddressMalformed = false
        // Nearly every segment after the handshake carries exactly NOP, NOP, timestamps
        // (RFC 7323 appendix A's layout); read it without walking the option list.
        let bytes = options.bytes
        if bytes.count == 12, bytes.u32(at: 0) == 0x0101_080A {
            info.timestamp = bytes.u32(at: 4)
            info.timestampEcho = bytes.u32(at: 8)
            return
        }
        info.timestamp = nil
        info.timestampEcho = nil
        guard !bytes.isEmpty else { return }
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
