import LVSWire

/// Reads every accessor of a view and folds the values into a number, so that a sweep
/// exercises all of them.
enum Touch {
    static func mix(_ values: Int...) -> Int { values.reduce(0) { $0 &* 31 &+ $1 } }
    static func bytes(_ buffer: UnsafeRawBufferPointer) -> Int { buffer.reduce(buffer.count) { $0 &+ Int($1) } }
    static func mac(_ address: MACAddress?) -> Int { Int(truncatingIfNeeded: address?.rawValue ?? 7) }
    static func v4(_ address: IPv4Address?) -> Int { Int(address?.rawValue ?? 9) }
    static func v6(_ address: IPv6Address?) -> Int {
        Int(truncatingIfNeeded: (address?.high ?? 3) ^ (address?.low ?? 5))
    }

    static func checksum(_ status: ChecksumStatus) -> Int {
        switch status {
        case .good: 1
        case let .bad(expected): 2 &+ Int(expected)
        case .zero: 3
        case .partial: 4
        case .notVerifiable: 5
        }
    }

    static func ethernet(_ view: EthernetView) -> Int {
        mix(mac(view.destination), mac(view.source), Int(view.etherType.rawValue), view.headerLength,
            view.isIEEE8023Length ? 1 : 0, bytes(view.payload))
    }

    static func vlan(_ view: VLANTagView) -> Int {
        mix(Int(view.tci), Int(view.vlanID), Int(view.priority), view.dropEligible ? 1 : 0,
            Int(view.etherType.rawValue), bytes(view.payload))
    }

    static func sll(_ view: LinuxSLLView) -> Int {
        mix(Int(view.packetType), Int(view.packetKind.rawValue), Int(view.arphrdType), Int(view.addressLength),
            mac(view.address), bytes(view.addressBytes), Int(view.protocolType.rawValue), bytes(view.payload))
    }

    static func sll2(_ view: LinuxSLL2View) -> Int {
        mix(Int(view.protocolType.rawValue), Int(view.interfaceIndex), Int(view.arphrdType), Int(view.packetType),
            Int(view.addressLength), mac(view.address), bytes(view.addressBytes), bytes(view.payload))
    }

    static func null(_ view: NullLoopbackView) -> Int {
        mix(Int(view.family), view.isIPv4 ? 1 : 0, view.isIPv6 ? 1 : 0, bytes(view.payload))
    }

    static func arp(_ view: ARPView) -> Int {
        mix(Int(view.hardwareType), Int(view.protocolType.rawValue), view.hardwareLength, view.protocolLength,
            Int(view.operation.rawValue), view.packetLength, mac(view.senderMAC), v4(view.senderIPv4),
            mac(view.targetMAC), v4(view.targetIPv4), view.isGratuitous ? 1 : 0, bytes(view.senderHardwareAddress),
            bytes(view.senderProtocolAddress), bytes(view.targetHardwareAddress), bytes(view.targetProtocolAddress))
    }

    static func ipv4(_ view: IPv4View) -> Int {
        mix(Int(view.version), view.headerLength, Int(view.dscp), Int(view.ecn), Int(view.totalLength),
            Int(view.identification), view.reservedFlag ? 1 : 0, view.dontFragment ? 1 : 0,
            view.moreFragments ? 1 : 0, view.fragmentOffset, view.isFragment ? 1 : 0, Int(view.ttl),
            Int(view.protocol.rawValue), Int(view.headerChecksum), v4(view.source), v4(view.destination),
            bytes(view.header), bytes(view.options), view.declaredPayloadLength, bytes(view.payload),
            view.isPayloadTruncated ? 1 : 0, bytes(view.trailer),
            checksum(ChecksumStatus(verifyingIPv4Header: view)), checksum(ChecksumStatus(verifyingTransportOf: view)))
    }

    static func ipv6(_ view: IPv6View) -> Int {
        mix(Int(view.version), Int(view.trafficClass), Int(view.flowLabel), Int(view.payloadLength),
            Int(view.nextHeader.rawValue), Int(view.hopLimit), v6(view.source), v6(view.destination),
            view.declaredPayloadLength, bytes(view.payload), view.isPayloadTruncated ? 1 : 0, bytes(view.trailer))
    }

    static func chain(_ chain: IPv6ExtensionChain, _ view: IPv6View) -> Int {
        mix(Int(chain.upperLayerProtocol.rawValue), chain.upperLayerOffset, chain.extensionHeaderCount,
            chain.fragment?.offset ?? -1, Int(chain.routingSegmentsLeft ?? 0), bytes(chain.upperLayerBytes(of: view)),
            chain.declaredUpperLayerLength(of: view))
    }

    static func tcp(_ view: TCPView) -> Int {
        var value = mix(Int(view.sourcePort), Int(view.destinationPort), Int(view.sequenceNumber.rawValue),
                        Int(view.acknowledgementNumber.rawValue), view.headerLength, Int(view.flags.rawValue),
                        Int(view.reservedBits), Int(view.window), Int(view.checksum), Int(view.urgentPointer),
                        bytes(view.options), bytes(view.payload))
        var options = view.decodedOptions
        while let option = options.next() {
            value = mix(value, option.encodedLength, Int(option.kind), bytes(options.currentOption))
        }
        let decoded = view.decodedOptions
        return mix(value, decoded.malformedOffset ?? -1, decoded.malformedTOAOffset ?? -1,
                   Int(decoded.maximumSegmentSize ?? 0), Int(decoded.windowScale ?? 0), decoded.sackBlocks?.count ?? 0,
                   Int(decoded.timestamps?.value ?? 0), Int(decoded.clientAddress?.port ?? 0))
    }

    static func udp(_ view: UDPView) -> Int {
        mix(Int(view.sourcePort), Int(view.destinationPort), Int(view.length), Int(view.checksum),
            view.declaredPayloadLength, bytes(view.payload), view.isPayloadTruncated ? 1 : 0)
    }

    static func icmpv4(_ view: ICMPv4View) -> Int {
        mix(Int(view.type.rawValue), Int(view.code), Int(view.checksum), Int(view.restOfHeader), Int(view.identifier),
            Int(view.sequence), Int(view.nextHopMTU), Int(view.pointer), v4(view.gateway),
            view.isFragmentationNeeded ? 1 : 0, bytes(view.payload), bytes(view.quotedPacket))
    }

    static func icmpv6(_ view: ICMPv6View) -> Int {
        mix(Int(view.type.rawValue), Int(view.code), Int(view.checksum), Int(view.mtu), Int(view.pointer),
            Int(view.identifier), Int(view.sequence), view.isRouterFlag ? 1 : 0, view.isSolicitedFlag ? 1 : 0,
            view.isOverrideFlag ? 1 : 0, v6(view.ndTargetAddress), view.ndOptionsOffset ?? -1,
            mac(view.sourceLinkLayerAddress), mac(view.targetLinkLayerAddress), bytes(view.payload),
            bytes(view.quotedPacket))
    }

    static func gre(_ view: GREView) -> Int {
        mix(Int(view.version), Int(view.recursionControl), Int(view.protocolType.rawValue), Int(view.checksum ?? 0),
            Int(view.key ?? 0), Int(view.sequenceNumber ?? 0), Int(view.acknowledgmentNumber ?? 0),
            Int(view.pptpCallID ?? 0), view.headerLength, bytes(view.payload),
            checksum(ChecksumStatus(verifyingGRE: view, declaredLength: view.bytes.count)))
    }

    /// Builds every view over `raw`, touching the ones that check out.
    static func everyView(_ raw: UnsafeRawBufferPointer) -> Int {
        var value = 0
        if let view = try? EthernetView(checking: raw) { value &+= ethernet(view) }
        if let view = try? VLANTagView(checking: raw) { value &+= vlan(view) }
        if let view = try? LinuxSLLView(checking: raw) { value &+= sll(view) }
        if let view = try? LinuxSLL2View(checking: raw) { value &+= sll2(view) }
        if let view = try? NullLoopbackView(checking: raw, byteOrder: .detect) { value &+= null(view) }
        if let view = try? ARPView(checking: raw) { value &+= arp(view) }
        if let view = try? IPv4View(checking: raw) { value &+= ipv4(view) }
        if let view = try? IPv6View(checking: raw) {
            value &+= ipv6(view)
            if let walked = try? view.extensionChain() { value &+= chain(walked, view) }
        }
        if let view = try? TCPView(checking: raw) { value &+= tcp(view) }
        if let view = try? UDPView(checking: raw) { value &+= udp(view) }
        if let view = try? ICMPv4View(checking: raw) { value &+= icmpv4(view) }
        if let view = try? ICMPv6View(checking: raw) { value &+= icmpv6(view) }
        if let view = try? GREView(checking: raw) { value &+= gre(view) }
        var options = TCPOptions(raw)
        while let option = options.next() { value &+= option.encodedLength &+ bytes(options.currentOption) }
        return value
    }
}
