import LVSWire

/// Builds the ICMP errors the director sends itself, as `icmp_send` (net/ipv4/icmp.c) and
/// `icmpv6_send` (net/ipv6/icmp.c) lay them out:
///
/// - IPv4: TOS = (original TOS & 0x1E) | 0xC0 (`IPTOS_PREC_INTERNETCONTROL`), TTL 64,
///   no DF (the ICMP socket does not do PMTU discovery), ID from the director's counter
///   (the kernel's `ip_select_ident` is hashed and unpredictable); the quote is as much of
///   the offending packet as fits in 576 bytes (548 after the IP and ICMP headers).
/// - IPv6: traffic class 0, flow label 0, hop limit 64; the quote fills up to the minimum
///   MTU of 1280 (1232 bytes).
struct ICMPErrorBuilder {
    var kind: ICMPErrorKind
    var source: IPAddress
    var destination: IPAddress
    var ttl: UInt8
    var identification: UInt16
    var destinationMAC: MACAddress
    var sourceMAC: MACAddress

    static let ipv4QuoteLimit = 576 - IPv4View.minimumHeaderLength - ICMPv4View.headerLength
    static let ipv6QuoteLimit = 1280 - IPv6View.headerLength - ICMPv6View.headerLength

    /// Writes the whole frame into `buffer`, quoting `offending` (an IP packet).
    func build(into buffer: PacketBuffer, quoting offending: UnsafeRawBufferPointer) {
        let ipv4 = source.isIPv4
        let quote = min(offending.count, ipv4 ? Self.ipv4QuoteLimit : Self.ipv6QuoteLimit)
        let ipHeader = ipv4 ? IPv4View.minimumHeaderLength : IPv6View.headerLength
        let icmpLength = ICMPv4View.headerLength + quote
        let network = EthernetView.headerLength
        buffer.reset(length: network + ipHeader + icmpLength)
        let bytes = buffer.mutableBytes
        EthernetHeader(destination: destinationMAC, source: sourceMAC, etherType: ipv4 ? .ipv4 : .ipv6)
            .emit(into: bytes)
        let message = UnsafeMutableRawBufferPointer(rebasing: bytes[(network + ipHeader)...])
        if let base = offending.baseAddress, let target = message.baseAddress {
            (target + ICMPv4View.headerLength).copyMemory(from: base, byteCount: quote)
        }
        writeHeaders(bytes, network: network, message: message, offending: offending, icmpLength: icmpLength)
    }

    private func writeHeaders(_ bytes: UnsafeMutableRawBufferPointer, network: Int,
                              message: UnsafeMutableRawBufferPointer, offending: UnsafeRawBufferPointer,
                              icmpLength: Int) {
        let ip = UnsafeMutableRawBufferPointer(rebasing: bytes[network...])
        switch (source, destination) {
        case let (.v4(s), .v4(d)):
            let tos = offending.count > 1 ? offending.u8(at: IPv4View.Field.dscpAndECN) : 0
            let control = tos & 0x1E | 0xC0
            IPv4Header(source: s, destination: d, protocol: .icmp, payloadLength: icmpLength, ttl: ttl,
                       identification: identification, dontFragment: false, dscp: control >> 2, ecn: control & 0x3)
                .emit(into: ip, computingChecksum: true)
            v4Header.emit(into: message)
            InternetChecksum.fillICMPv4(message)
        case let (.v6(s), .v6(d)):
            IPv6Header(source: s, destination: d, nextHeader: .icmpv6, payloadLength: UInt16(icmpLength), hopLimit: ttl)
                .emit(into: ip)
            v6Header.emit(into: message)
            InternetChecksum.fillICMPv6(message, source: s, destination: d)
        default:
            preconditionFailure("ICMP error across address families")
        }
    }

    private var v4Header: ICMPv4Header {
        switch kind {
        case .timeExceeded: ICMPv4Header(type: .timeExceeded, code: 0)
        case let .fragmentationNeeded(mtu), let .packetTooBig(mtu): .fragmentationNeeded(mtu: UInt16(clamping: mtu))
        case .portUnreachable: ICMPv4Header(type: .destinationUnreachable, code: ICMPv4UnreachableCode.port)
        case let .other(type, code, rest): ICMPv4Header(type: ICMPv4Type(rawValue: type), code: code, restOfHeader: rest)
        }
    }

    private var v6Header: ICMPv6Header {
        switch kind {
        case .timeExceeded: ICMPv6Header(type: .timeExceeded, code: 0)
        case let .fragmentationNeeded(mtu), let .packetTooBig(mtu): .packetTooBig(mtu: UInt32(mtu))
        case .portUnreachable: ICMPv6Header(type: .destinationUnreachable, code: 4)
        case let .other(type, code, rest): ICMPv6Header(type: ICMPv6Type(rawValue: type), code: code, restOfHeader: rest)
        }
    }
}
