import LVSWire

extension FrameWalk {
    /// Link layer by capture link type, then the network layer it carries.
    @usableFromInline
    mutating func link(_ linkType: LinkType, into packet: inout DecodedPacket) throws(WireError) {
        switch linkType.rawValue {
        case LinkType.ethernet.rawValue:
            try ethernet(into: &packet)
        case LinkType.linuxSLL.rawValue:
            attempt(.sll, at: 0, into: &packet)
            let sll = try view(at: 0) { b throws(WireError) in try LinuxSLLView(checking: b) }
            packet.link.cookedPacketType = UInt8(truncatingIfNeeded: sll.packetType)
            packet.link.source = sll.address
            linkHeaderEnd = LinuxSLLView.headerLength
            try network(sll.protocolType, at: LinuxSLLView.headerLength, into: &packet)
        case LinkType.linuxSLL2.rawValue:
            attempt(.sll2, at: 0, into: &packet)
            let sll = try view(at: 0) { b throws(WireError) in try LinuxSLL2View(checking: b) }
            packet.link.cookedPacketType = sll.packetType
            packet.link.interfaceIndex = sll.interfaceIndex
            packet.link.source = sll.address
            linkHeaderEnd = LinuxSLL2View.headerLength
            try network(sll.protocolType, at: LinuxSLL2View.headerLength, into: &packet)
        case LinkType.null.rawValue, LinkType.loop.rawValue:
            attempt(.null, at: 0, into: &packet)
            let null = try view(at: 0) { b throws(WireError) in try NullLoopbackView(checking: b, linkType: linkType) }
            linkHeaderEnd = NullLoopbackView.headerLength
            if null.isIPv4 {
                try ipv4(at: NullLoopbackView.headerLength, depth: 0, into: &packet)
            } else if null.isIPv6 {
                try ipv6(at: NullLoopbackView.headerLength, depth: 0, into: &packet)
            } else {
                packet.anomalies.insert(.unknownEtherType)
            }
        case LinkType.raw.rawValue, LinkType.rawLegacy12.rawValue, LinkType.rawLegacy14.rawValue:
            try rawIP(at: 0, into: &packet)
        case LinkType.ipv4.rawValue:
            try ipv4(at: 0, depth: 0, into: &packet)
        case LinkType.ipv6.rawValue:
            try ipv6(at: 0, depth: 0, into: &packet)
        default:
            // The capture reader refuses other link types; decode nothing rather than guess.
            packet.anomalies.insert(.unknownEtherType)
        }
    }

    /// Ethernet II, then any 802.1Q/802.1ad tags.
    @usableFromInline
    mutating func ethernet(into packet: inout DecodedPacket) throws(WireError) {
        attempt(.ethernet, at: 0, into: &packet)
        let eth = try view(at: 0) { b throws(WireError) in try EthernetView(checking: b) }
        packet.link.source = eth.source
        packet.link.destination = eth.destination
        var type = eth.etherType
        var offset = EthernetView.headerLength
        while type.isVLANTag {
            // tshark names 802.1ad tags "ieee8021ad", not "vlan".
            if type == .vlan { attempt(.vlan, at: offset, into: &packet) }
            let tag = try view(at: offset) { b throws(WireError) in try VLANTagView(checking: b) }
            switch packet.link.vlanDepth {
            case 0: packet.link.outerVLAN = tag.vlanID
            case 1: packet.link.innerVLAN = tag.vlanID
            default: packet.anomalies.insert(.deepVLANStack)
            }
            packet.link.vlanDepth &+= 1
            type = tag.etherType
            offset += VLANTagView.headerLength
        }
        linkHeaderEnd = offset
        try network(type, at: offset, into: &packet)
    }

    /// Dispatches on the EtherType that follows the link header.
    @usableFromInline
    mutating func network(_ type: EtherType, at offset: Int, into packet: inout DecodedPacket) throws(WireError) {
        packet.link.etherType = type
        switch type {
        case .ipv4: try ipv4(at: offset, depth: 0, into: &packet)
        case .ipv6: try ipv6(at: offset, depth: 0, into: &packet)
        case .arp: try arp(at: offset, into: &packet)
        case .reverseARP: attempt(.arp, at: offset, into: &packet)
        case MPLSLabelStack.unicast, MPLSLabelStack.multicast: try mpls(at: offset, depth: 0, into: &packet)
        case MACsecView.etherType: try macsec(at: offset, into: &packet)
        default: packet.anomalies.insert(.unknownEtherType)
        }
    }

    /// Raw IP: the version nibble decides.
    @usableFromInline
    mutating func rawIP(at offset: Int, into packet: inout DecodedPacket) throws(WireError) {
        try WireError.require(offset + 1, in: frame, layer: .ipv4)
        switch frame.u8(at: offset) >> 4 {
        case 4: try ipv4(at: offset, depth: 0, into: &packet)
        case 6: try ipv6(at: offset, depth: 0, into: &packet)

        case let version: throw WireError(.ipv4, at: offset, .badVersion(version))
        }
    }

    @usableFromInline
    mutating func arp(at offset: Int, into packet: inout DecodedPacket) throws(WireError) {
        attempt(.arp, at: offset, into: &packet)
        let arp = try view(at: offset) { b throws(WireError) in try ARPView(checking: b) }
        guard let senderMAC = arp.senderMAC, let senderIP = arp.senderIPv4, let targetMAC = arp.targetMAC,
              let targetIP = arp.targetIPv4 else { return }
        packet.arp = ARPInfo(operation: arp.operation.rawValue, senderMAC: senderMAC, senderIP: senderIP,
                             targetMAC: targetMAC, targetIP: targetIP)
    }
}
