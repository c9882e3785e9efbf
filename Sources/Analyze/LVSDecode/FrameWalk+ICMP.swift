import LVSWire

extension FrameWalk {
    @usableFromInline
    mutating func icmpv4(at offset: Int, in ip: IPContext, into packet: inout DecodedPacket) throws(WireError) {
        attempt(.icmp, at: offset, into: &packet)
        let icmp = try view(at: offset) { b throws(WireError) in try ICMPv4View(checking: b) }
        var info = ICMPInfo(version: 4, type: icmp.type.rawValue, code: icmp.code, isError: icmp.isError)
        if icmp.isError {
            if icmp.isFragmentationNeeded { info.mtu = UInt32(icmp.nextHopMTU) }
            info.quoted = quote(icmp.quotedPacket, into: &packet)
        } else {
            info.identifier = icmp.identifier
            info.sequence = icmp.sequence
        }
        if options.verifyChecksums, !ip.isFragment {
            info.checksum = transportChecksum(of: offset, length: ip.payloadLength, in: ip, proto: .icmp)
        }
        packet.icmp = info
    }

    @usableFromInline
    mutating func icmpv6(at offset: Int, in ip: IPContext, into packet: inout DecodedPacket) throws(WireError) {
        attempt(.icmpv6, at: offset, into: &packet)
        let icmp = try view(at: offset) { b throws(WireError) in try ICMPv6View(checking: b) }
        var info = ICMPInfo(version: 6, type: icmp.type.rawValue, code: icmp.code, isError: icmp.isError)
        if icmp.isError {
            if icmp.type == .packetTooBig { info.mtu = icmp.mtu }
            info.quoted = quote(icmp.quotedPacket, into: &packet)
        } else {
            info.identifier = icmp.identifier
            info.sequence = icmp.sequence
            info.neighborTarget = icmp.ndTargetAddress
            info.neighborLinkAddress = icmp.sourceLinkLayerAddress ?? icmp.targetLinkLayerAddress
        }
        if options.verifyChecksums, !ip.isFragment {
            info.checksum = transportChecksum(of: offset, length: ip.payloadLength, in: ip, proto: .icmpv6)
        }
        packet.icmp = info
    }

    /// Reads the packet an ICMP error quotes: an IP header and (RFC 792) at least eight
    /// bytes of its payload — the ports, and a TCP sequence number. A quote that is cut
    /// or odd never makes the frame malformed; it just says less.
    @usableFromInline
    func quote(_ bytes: UnsafeRawBufferPointer, into packet: inout DecodedPacket) -> QuotedPacket? {
        guard bytes.count >= 1 else { return nil }
        var quoted: QuotedPacket
        var transport: UnsafeRawBufferPointer
        switch bytes.u8(at: 0) >> 4 {
        case 4:
            guard let ip = try? IPv4View(checking: bytes) else { return nil }
            packet.layers.insert(.ipv4)
            quoted = QuotedPacket(source: .v4(ip.source), destination: .v4(ip.destination), protocolNumber: ip.protocol,
                                  identification: UInt32(ip.identification))
            guard ip.fragmentOffset == 0 else { return quoted }
            transport = bytes.suffix(from: ip.headerLength)
        case 6:
            guard let ip = try? IPv6View(checking: bytes), let chain = try? IPv6ExtensionChain(walking: ip) else {
                return nil
            }
            packet.layers.insert(.ipv6)
            quoted = QuotedPacket(source: .v6(ip.source), destination: .v6(ip.destination),
                                  protocolNumber: chain.upperLayerProtocol,
                                  identification: chain.fragment?.identification ?? 0)
            guard chain.end == .upperLayer, (chain.fragment?.offset ?? 0) == 0 else { return quoted }
            transport = bytes.suffix(from: chain.upperLayerOffset)
        default:
            return nil
        }
        quoteTransport(transport, into: &quoted, layers: &packet.layers)
        return quoted
    }

    @usableFromInline
    func quoteTransport(_ bytes: UnsafeRawBufferPointer, into quoted: inout QuotedPacket, layers: inout LayerSet) {
        switch quoted.protocolNumber {
        case .tcp, .udp, .sctp:
            guard bytes.count >= 4 else { return }
            quoted.sourcePort = bytes.u16(at: 0)
            quoted.destinationPort = bytes.u16(at: 2)
            if quoted.protocolNumber == .tcp {
                layers.insert(.tcp)
                if bytes.count >= 8 { quoted.tcpSequence = bytes.u32(at: 4) }
            } else if quoted.protocolNumber == .udp {
                layers.insert(.udp)
            }
        case .icmp:
            if bytes.count >= 4 { layers.insert(.icmp) }
        case .icmpv6:
            if bytes.count >= 4 { layers.insert(.icmpv6) }
        default:
            break
        }
    }
}
