import LVSWire

extension FrameWalk {
    @usableFromInline
    mutating func ipv4(at offset: Int, depth: Int, into packet: inout DecodedPacket) throws(WireError) {
        attempt(.ipv4, at: offset, into: &packet)
        if offset < frame.count, frame.u8(at: offset) >> 4 == 6 {
            // Wireshark hands an IPv4-typed packet with version 6 to its IPv6 dissector.
            packet.anomalies.insert(.versionMismatch)
            try ipv6(at: offset, depth: depth, into: &packet)
            return
        }
        let ip = try view(at: offset) { b throws(WireError) in try IPv4View(checking: b) }
        // The lengths are read once: the view's accessors are not always inlined.
        let headerLength = ip.headerLength
        let totalLength = ip.effectiveTotalLength
        let lengths = (header: headerLength, total: totalLength, payload: totalLength - headerLength)
        // The header is written field by field where it is kept (see `fill`), not built
        // on the stack and copied: that copy reloaded fresh narrow stores as wide ones.
        if depth == 0 {
            packet.present.insert(.ip)
            fill(&packet.ipStorage, from: ip, at: offset, lengths: lengths)
        } else {
            enterTunnel(depth: depth, into: &packet)
            fill(&packet.tunnelStorage.inner, from: ip, at: offset, lengths: lengths)
        }
        if ip.hasOffloadedLength {
            packet.anomalies.insert(.offloadedIPLength)
        }
        if headerLength > IPv4View.minimumHeaderLength { packet.anomalies.insert(.ipv4Options) }
        if ip.ttl == 0 { packet.anomalies.insert(.zeroTTL) }
        noteTrailingBytes(after: offset + totalLength, into: &packet)
        if ip.fragmentOffset > 0 {
            packet.anomalies.insert(.laterFragment)
            return
        }
        let context = IPContext(offset: offset, payloadLength: lengths.payload, version: 4, isFragment: ip.isFragment)
        try upper(ip.protocol, at: offset + headerLength, in: context, depth: depth, into: &packet)
    }

    /// Every field of `info`, from an IPv4 header at `offset` and its lengths.
    @inlinable @inline(__always)
    func fill(_ info: inout IPInfo, from ip: IPv4View, at offset: Int,
              lengths: (header: Int, total: Int, payload: Int)) {
        info.offset = offset
        info.version = 4
        info.source = .v4(ip.source)
        info.destination = .v4(ip.destination)
        info.protocolNumber = ip.protocol
        info.ttl = ip.ttl
        info.identification = UInt32(ip.identification)
        info.trafficClass = ip.dscp << 2 | ip.ecn
        info.flowLabel = 0
        info.dontFragment = ip.dontFragment
        info.moreFragments = ip.moreFragments
        info.fragmentOffset = ip.fragmentOffset
        info.totalLength = lengths.total
        info.payloadOffset = offset + lengths.header
        info.payloadLength = lengths.payload
        info.headerChecksum = options.verifyChecksums ? ChecksumStatus(verifyingIPv4Header: ip) : nil
    }

    @usableFromInline
    mutating func ipv6(at offset: Int, depth: Int, into packet: inout DecodedPacket) throws(WireError) {
        // tshark lists "ipv6" only for a version-6 header.
        if offset < frame.count, frame.u8(at: offset) >> 4 == 6 { packet.layers.insert(.ipv6) }
        let ip = try view(at: offset) { b throws(WireError) in try IPv6View(checking: b) }
        let chain = try view(at: offset) { _ throws(WireError) in try IPv6ExtensionChain(walking: ip) }
        var info = IPInfo(
            offset: offset, version: 6, source: .v6(ip.source), destination: .v6(ip.destination),
            protocolNumber: chain.upperLayerProtocol, ttl: ip.hopLimit,
            identification: chain.fragment?.identification ?? 0, trafficClass: ip.trafficClass,
            flowLabel: ip.flowLabel, totalLength: IPv6View.headerLength + ip.declaredPayloadLength,
            payloadOffset: offset + chain.upperLayerOffset,
            payloadLength: chain.declaredUpperLayerLength(of: ip))
        if let fragment = chain.fragment {
            info.moreFragments = fragment.moreFragments
            info.fragmentOffset = fragment.offset
        }
        if chain.upperLayerOffset > IPv6View.headerLength { packet.layers.insert(.ipv6Extension) }
        if ip.hopLimit == 0 { packet.anomalies.insert(.zeroTTL) }
        noteTrailingBytes(after: offset + info.totalLength, into: &packet)
        enter(info, depth: depth, into: &packet)
        if ip.hasOffloadedLength { packet.anomalies.insert(.offloadedIPLength) }
        if chain.end == .encrypted || chain.end == .noNextHeader {
            packet.anomalies.insert(.opaqueIPv6Payload)
            return
        }
        if chain.end == .fragmentData || info.fragmentOffset > 0 {
            packet.anomalies.insert(.laterFragment)
            return
        }
        let context = IPContext(offset: offset, payloadLength: info.payloadLength, version: 6,
                                isFragment: info.isFragment, isRoutedOnward: (chain.routingSegmentsLeft ?? 0) > 0)
        try upper(info.protocolNumber, at: info.payloadOffset, in: context, depth: depth, into: &packet)
    }

    /// What GRE carries: IP, Ethernet (transparent bridging), ERSPAN mirrors, MPLS, or
    /// WCCP redirects (a 4-byte header, then IP).
    @usableFromInline
    mutating func grePayload(_ gre: GREView, at offset: Int, depth: Int, into packet: inout DecodedPacket) throws(WireError) {
        switch gre.protocolType {
        case .ipv4: try tunnel(.gre, greKey: gre.key, at: offset, version: 4, depth: depth, into: &packet)
        case .ipv6: try tunnel(.gre, greKey: gre.key, at: offset, version: 6, depth: depth, into: &packet)
        case .transparentEthernetBridging:
            greKey = gre.key
            try innerEthernet(.gre, at: offset, depth: depth, into: &packet)
        case ERSPANView.typeIIGREProtocol, ERSPANView.typeIIIGREProtocol:
            let kind: ERSPANView.Kind = gre.protocolType == ERSPANView.typeIIIGREProtocol
                ? .typeIII : gre.sequencePresent ? .typeII : .typeI
            let erspan = try view(at: offset) { b throws(WireError) in try ERSPANView(checking: b, kind: kind) }
            try innerEthernet(.erspan, at: offset + erspan.headerLength, depth: depth, into: &packet)
        case MPLSLabelStack.unicast, MPLSLabelStack.multicast:
            try mpls(at: offset, depth: depth + 1, into: &packet)
        case .wccp:
            let inner = offset + 4
            if inner < frame.count, frame.u8(at: inner) >> 4 == 4 {
                try tunnel(.gre, greKey: nil, at: inner, version: 4, depth: depth, into: &packet)
            }
        default:
            break
        }
    }

    /// Records an IP header as the outer one, or as a tunnel's inner one.
    @usableFromInline
    mutating func enter(_ info: IPInfo, depth: Int, into packet: inout DecodedPacket) {
        if depth == 0 {
            packet.ip = info
        } else {
            enterTunnel(depth: depth, into: &packet)
            packet.tunnelStorage.inner = info
        }
    }

    /// Marks the tunnel being entered; its inner header is written next.
    @inlinable
    func enterTunnel(depth: Int, into packet: inout DecodedPacket) {
        packet.present.insert(.tunnel)
        packet.tunnelStorage.kind = tunnelKind
        packet.tunnelStorage.greKey = greKey
        packet.tunnelStorage.depth = UInt8(truncatingIfNeeded: depth)
    }

    /// Bytes after the IP packet that minimum-frame padding (60 bytes) does not explain.
    @usableFromInline
    func noteTrailingBytes(after end: Int, into packet: inout DecodedPacket) {
        guard end < frame.count else { return }
        let paddedMinimum = packet.layers.contains(.ethernet) ? 60 + 4 * Int(packet.link.vlanDepth) : 0
        if frame.count > max(end, paddedMinimum) { packet.anomalies.insert(.trailingBytes) }
    }

    /// The upper layer of an IP header: transport, ICMP, or another IP header.
    @usableFromInline
    mutating func upper(_ proto: IPProtocol, at offset: Int, in ip: IPContext, depth: Int,
                        into packet: inout DecodedPacket) throws(WireError) {
        switch proto {
        case .tcp: try tcp(at: offset, in: ip, into: &packet)
        case .udp: try udp(at: offset, in: ip, depth: depth, into: &packet)
        case .icmp: try icmpv4(at: offset, in: ip, into: &packet)
        case .icmpv6: try icmpv6(at: offset, in: ip, into: &packet)
        case .ipv4, .ipv6:
            packet.layers.insert(.ipInIP)
            try tunnel(.ipInIP, greKey: nil, at: offset, version: proto == .ipv4 ? 4 : 6, depth: depth, into: &packet)
        case .gre:
            attempt(.gre, at: offset, into: &packet)
            let gre = try view(at: offset) { b throws(WireError) in try GREView(checking: b) }
            let inner = offset + gre.headerLength
            try grePayload(gre, at: inner, depth: depth, into: &packet)
        case .ethernet:
            try innerEthernet(.ipInIP, at: offset, depth: depth, into: &packet)
        case .pim:
            try pimRegister(at: offset, depth: depth, into: &packet)
        default:
            break
        }
    }

    /// A PIM register message (RFC 7761 §4.9.3: type 1, a 4-byte header and 4 bytes of
    /// flags) carries the multicast packet it registers; tshark dissects it.
    @usableFromInline
    mutating func pimRegister(at offset: Int, depth: Int, into packet: inout DecodedPacket) throws(WireError) {
        let registerHeaderLength = 8
        let inner = offset + registerHeaderLength
        guard inner < frame.count, frame.u8(at: offset) == 0x21 else { return }
        let version: UInt8 = frame.u8(at: inner) >> 4
        guard version == 4 || version == 6 else { return }
        try tunnel(.ipInIP, greKey: nil, at: inner, version: version, depth: depth, into: &packet)
    }

    @usableFromInline
    mutating func tunnel(_ kind: TunnelInfo.Kind, greKey: UInt32?, at offset: Int, version: UInt8, depth: Int,
                         into packet: inout DecodedPacket) throws(WireError) {
        guard depth < options.maximumTunnelDepth else {
            packet.anomalies.insert(.deepTunnel)
            return
        }
        tunnelKind = kind
        self.greKey = greKey
        if version == 4 {
            try ipv4(at: offset, depth: depth + 1, into: &packet)
        } else {
            try ipv6(at: offset, depth: depth + 1, into: &packet)
        }
    }
}
