import LVSWire

extension FrameWalk {
    /// An Ethernet frame inside a tunnel or mirror (VXLAN, Geneve, GRE bridging, ERSPAN):
    /// its layers are counted and its IP header becomes the tunnel's inner header; the
    /// outer link facts (MACs, VLANs) stay those of the captured frame.
    @usableFromInline
    mutating func innerEthernet(_ kind: TunnelInfo.Kind, at offset: Int, depth: Int,
                                into packet: inout DecodedPacket) throws(WireError) {
        guard depth < options.maximumTunnelDepth else {
            packet.anomalies.insert(.deepTunnel)
            return
        }
        let eth = try view(at: offset) { b throws(WireError) in try EthernetView(checking: b) }
        var type = eth.etherType
        var next = offset + EthernetView.headerLength
        while type.isVLANTag {
            if type == .vlan { attempt(.vlan, at: next, into: &packet) }
            let tag = try view(at: next) { b throws(WireError) in try VLANTagView(checking: b) }
            type = tag.etherType
            next += VLANTagView.headerLength
        }
        switch type {
        case .ipv4: try tunnel(kind, greKey: greKey, at: next, version: 4, depth: depth, into: &packet)
        case .ipv6: try tunnel(kind, greKey: greKey, at: next, version: 6, depth: depth, into: &packet)
        case .arp, .reverseARP: attempt(.arp, at: next, into: &packet)
        default: break
        }
    }

    /// An MPLS label stack, then IPv4 or IPv6 by the first nibble (RFC 3032 §2.2).
    @usableFromInline
    mutating func mpls(at offset: Int, depth: Int, into packet: inout DecodedPacket) throws(WireError) {
        let stack = try view(at: offset) { b throws(WireError) in try MPLSLabelStack(checking: b) }
        let next = offset + stack.headerLength
        guard next < frame.count else { return }
        let version: UInt8 = frame.u8(at: next) >> 4
        guard version == 4 || version == 6 else { return }
        if depth == 0 {
            try version == 4 ? ipv4(at: next, depth: 0, into: &packet) : ipv6(at: next, depth: 0, into: &packet)
        } else {
            try tunnel(.mpls, greKey: nil, at: next, version: version, depth: depth - 1, into: &packet)
        }
    }

    /// MACsec: readable only without encryption; then an EtherType and its payload.
    @usableFromInline
    mutating func macsec(at offset: Int, into packet: inout DecodedPacket) throws(WireError) {
        let sectag = try view(at: offset) { b throws(WireError) in try MACsecView(checking: b) }
        let next = offset + sectag.headerLength
        guard !sectag.isEncrypted, next + 2 <= frame.count else { return }
        try network(EtherType(rawValue: frame.u16(at: next)), at: next + 2, into: &packet)
    }

    /// UDP-borne overlays by well-known port: VXLAN, Geneve, MPLS over UDP.
    @usableFromInline
    mutating func udpOverlay(_ udp: TransportInfo, depth: Int, into packet: inout DecodedPacket) throws(WireError) {
        let offset = udp.payloadOffset
        let ports = (udp.sourcePort, udp.destinationPort)
        if ports.1 == VXLANView.udpPort {
            _ = try view(at: offset) { b throws(WireError) in try VXLANView(checking: b) }
            try innerEthernet(.vxlan, at: offset + VXLANView.headerLength, depth: depth, into: &packet)
        } else if ports.1 == GeneveView.udpPort {
            let geneve = try view(at: offset) { b throws(WireError) in try GeneveView(checking: b) }
            let inner = offset + geneve.headerLength
            switch geneve.protocolType {
            case .transparentEthernetBridging: try innerEthernet(.geneve, at: inner, depth: depth, into: &packet)
            case .ipv4: try tunnel(.geneve, greKey: nil, at: inner, version: 4, depth: depth, into: &packet)
            case .ipv6: try tunnel(.geneve, greKey: nil, at: inner, version: 6, depth: depth, into: &packet)
            default: break
            }
        } else if ports.1 == MPLSLabelStack.udpPort {
            try mpls(at: offset, depth: depth + 1, into: &packet)
        }
    }
}
