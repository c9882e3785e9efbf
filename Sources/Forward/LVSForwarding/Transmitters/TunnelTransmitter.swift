import LVSConfig
import LVSWire

/// IP tunnelling (`-i`): `ip_vs_tunnel_xmit` / `ip_vs_tunnel_xmit_v6` (lvs-reference.md
/// §2.3). The inner packet keeps everything but its TTL (already decremented by the
/// caller) and IPv4 header checksum; an outer header is pushed in front:
///
/// - IPv4 outer: protocol 4 / 41 / 17 (GUE) / 47 (GRE), source = the director's address
///   toward the real server, destination = RIP, TTL = inner TTL, TOS = inner DS field with
///   ECN encapsulated (`INET_ECN_encapsulate`: inner ECN copied, CE becomes ECT(0)), DF
///   copied from an IPv4 inner header only with `pmtu_disc=1`, ID as the caller chose it (0
///   with DF, the director's counter otherwise: `ip_select_ident` is not reproducible);
/// - IPv6 outer: next header 41 / 4 / 17 / 47, traffic class as above, flow label 0, hop
///   limit = inner TTL.
///
/// GUE (`--tun-type gue`): UDP to `--tun-port` from a flow-hash port in 32768...60999
/// (`udp_flow_src_port`; here a keyed hash of the inner flow), checksum 0 unless `csum` or
/// `remcsum`, then a 4-byte GUE header (version 0, no options: remote checksum offload only
/// applies to locally generated CHECKSUM_PARTIAL packets). GRE (`--tun-type gre`): the
/// 4-byte RFC 2784 header, plus checksum and reserved words with `--tun-csum`.
enum TunnelTransmitter {
    /// Bytes the encapsulation adds, the MTU reduction of `__ip_vs_get_out_rt`.
    static func overhead(outerIPv4: Bool, tunnel: TunnelOptions) -> Int {
        let ip = outerIPv4 ? IPv4View.minimumHeaderLength : IPv6View.headerLength
        switch tunnel.type {
        case .ipip: return ip
        case .gue: return ip + UDPView.headerLength + 4
        case .gre: return ip + (tunnel.checksum == .checksum ? 8 : 4)
        }
    }

    struct Outer {
        var source: IPAddress
        var destination: IPAddress
        var tunnel: TunnelOptions
        var pmtuDiscovery: Bool
        var identification: UInt16
        var sourcePort: UInt16
        var destinationMAC: MACAddress
        var sourceMAC: MACAddress
    }

    /// Turns the frame in `buffer` (inner packet after its Ethernet header) into the
    /// encapsulated frame.
    static func encapsulate(_ buffer: PacketBuffer, _ parsed: ParsedFrame, outer: Outer) {
        let inner = UnsafeRawBufferPointer(rebasing: buffer.bytes[parsed.network...])
        // IPv6: the traffic class is bits 20...27 of the first word.
        let ds = parsed.isIPv4 ? inner.u8(at: IPv4View.Field.dscpAndECN)
            : UInt8(truncatingIfNeeded: inner.u32(at: IPv6View.Field.versionClassAndFlow) >> 20)
        let ttl = inner.u8(at: parsed.isIPv4 ? IPv4View.Field.ttl : IPv6View.Field.hopLimit)
        let innerDF = parsed.isIPv4 && inner.u16(at: IPv4View.Field.flagsAndFragmentOffset) & 0x4000 != 0
        if parsed.isIPv4 { PacketEditing.refreshIPv4Checksum(buffer.mutableBytes, network: parsed.network) }
        buffer.removeFront(parsed.network)
        let innerProtocol: IPProtocol = parsed.isIPv4 ? .ipv4 : .ipv6
        let carried = pushEncapsulation(buffer, innerProtocol: innerProtocol, outer: outer)
        pushOuterIP(buffer, carried: carried, ds: encapsulateECN(ds), ttl: ttl,
                    dontFragment: outer.pmtuDiscovery && innerDF, outer: outer)
        buffer.prepend(EthernetView.headerLength)
        EthernetHeader(destination: outer.destinationMAC, source: outer.sourceMAC,
                       etherType: outer.destination.isIPv4 ? .ipv4 : .ipv6).emit(into: buffer.mutableBytes)
    }

    /// `INET_ECN_encapsulate(ds, ds)`: DSCP kept, ECN copied except CE → ECT(0).
    static func encapsulateECN(_ ds: UInt8) -> UInt8 {
        let ecn = ds & 0x3
        return ds & ~0x3 | (ecn == 0x3 ? 0x2 : ecn)
    }

    /// Pushes GUE+UDP or GRE; returns the protocol the outer IP header announces.
    private static func pushEncapsulation(_ buffer: PacketBuffer, innerProtocol: IPProtocol,
                                          outer: Outer) -> IPProtocol {
        switch outer.tunnel.type {
        case .ipip:
            return innerProtocol
        case .gue:
            buffer.prepend(4)
            buffer.mutableBytes.setU8(innerProtocol.rawValue, at: 1)
            buffer.prepend(UDPView.headerLength)
            let datagram = buffer.mutableBytes
            UDPHeader(sourcePort: outer.sourcePort, destinationPort: outer.tunnel.port ?? 0,
                      length: UInt16(truncatingIfNeeded: datagram.count)).emit(into: datagram)
            if outer.tunnel.checksum != .none {
                PacketEditing.fillTransportChecksum(datagram, proto: .udp, source: outer.source,
                                                    destination: outer.destination)
            }
            return .udp
        case .gre:
            let withChecksum = outer.tunnel.checksum == .checksum
            buffer.prepend(withChecksum ? 8 : 4)
            let packet = buffer.mutableBytes
            GREHeader(protocolType: innerProtocol == .ipv4 ? .ipv4 : .ipv6, checksum: withChecksum ? 0 : nil)
                .emit(into: packet)
            if withChecksum { InternetChecksum.fillGRE(packet) }
            return .gre
        }
    }

    private static func pushOuterIP(_ buffer: PacketBuffer, carried: IPProtocol, ds: UInt8, ttl: UInt8,
                                    dontFragment: Bool, outer: Outer) {
        let payloadLength = buffer.count
        switch (outer.source, outer.destination) {
        case let (.v4(source), .v4(destination)):
            buffer.prepend(IPv4View.minimumHeaderLength)
            IPv4Header(source: source, destination: destination, protocol: carried, payloadLength: payloadLength,
                       ttl: ttl, identification: outer.identification, dontFragment: dontFragment,
                       dscp: ds >> 2, ecn: ds & 0x3).emit(into: buffer.mutableBytes, computingChecksum: true)
        case let (.v6(source), .v6(destination)):
            buffer.prepend(IPv6View.headerLength)
            IPv6Header(source: source, destination: destination, nextHeader: carried,
                       payloadLength: UInt16(truncatingIfNeeded: payloadLength), hopLimit: ttl, trafficClass: ds)
                .emit(into: buffer.mutableBytes)
        default:
            preconditionFailure("tunnel source and real server differ in family")
        }
    }

    /// `udp_flow_src_port`: a flow hash scaled into the local port range 32768...60999.
    static func flowSourcePort(_ parsed: ParsedFrame, secret: UInt64) -> UInt16 {
        let key = FlowKey(parsed.ipProtocol, parsed.source, parsed.sourcePort, parsed.destination, parsed.destinationPort)
        let sip = KernelSipHash(key0: secret ^ key.highA ^ key.highB, key1: key.lowA ^ (key.lowB << 1),
                                compressionRounds: 1, finalizationRounds: 3)
        let hash = UInt64(sip.hsiphash(key.ports ^ UInt32(key.protocolAndFamily)))
        let low: UInt64 = 32768
        let high: UInt64 = 60999
        return UInt16((hash * (high - low)) >> 32 + low)
    }
}
