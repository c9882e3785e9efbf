import LVSConfig
import LVSWire

/// The request inside an ICMP error about a tunnel packet the director sent (§2.3,
/// `ip_vs_in_icmp`): the quote is an outer IPv4 header toward a tunnel destination, then
/// IP-in-IP, GUE (`ipvs_udp_decap`: version 0, no control bit, proto IPIP) or GRE
/// (`ipvs_gre_decap`: version 0, at most the C bit, protocol 0x0800), then the client's
/// IPv4 request. Only inner IPv4 is handled, as in the kernel.
struct TunnelErrorQuote {
    /// Offset of the inner (client) IPv4 header in the frame.
    var network: Int
    var inner: QuotedPacket
    var dontFragment: Bool

    /// `tunnels` maps a real-server address to its tunnel options (tunnel destinations only).
    init?(_ frame: UnsafeRawBufferPointer, _ parsed: ParsedFrame, tunnels: [IPAddress: TunnelOptions]) {
        let start = parsed.transport + ICMPv4View.headerLength
        guard parsed.isIPv4, start < parsed.end,
              let outer = try? IPv4View(checking: frame.slice(from: start, length: parsed.end - start)),
              outer.fragmentOffset == 0, let tunnel = tunnels[.v4(outer.destination)] else { return nil }
        var offset = start + outer.headerLength
        switch (outer.protocol, tunnel.type) {
        case (.ipv4, .ipip):
            break
        case (.udp, .gue):
            guard offset + 12 <= parsed.end, frame.u16(at: offset + 2) == tunnel.port,
                  frame.u8(at: offset + 8) & 0xE0 == 0, frame.u8(at: offset + 9) == IPProtocol.ipv4.rawValue
            else { return nil }
            offset += 8 + 4 + Int(frame.u8(at: offset + 8) & 0x1F) * 4
        case (.gre, .gre):
            guard offset + 4 <= parsed.end, frame.u16(at: offset) & ~0x8000 == 0,
                  frame.u16(at: offset + 2) == EtherType.ipv4.rawValue else { return nil }
            offset += frame.u16(at: offset) & 0x8000 != 0 ? 8 : 4
        default:
            return nil
        }
        guard offset < parsed.end,
              let innerIP = try? IPv4View(checking: frame.slice(from: offset, length: parsed.end - offset)) else {
            return nil
        }
        guard let quote = QuotedPacket(frame, start: offset, end: parsed.end, isIPv4: true) else { return nil }
        network = offset
        inner = quote
        dontFragment = innerIP.dontFragment
    }
}
