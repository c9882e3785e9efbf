import LVSWire

/// The packet an ICMP error quotes: where its header sits in the frame, its addresses and
/// ports. IPVS needs the quoted transport ports to find the entry
/// (`ip_vs_fill_iph_skb_icmp`); quotes without them, non-first fragments and IPv6 quotes
/// with extension headers are not related to any entry.
struct QuotedPacket {
    /// Offset of the quoted IP header in the frame.
    var network: Int
    var isIPv4: Bool
    var headerLength: Int
    var ipProtocol: IPProtocol
    var source: IPAddress
    var destination: IPAddress
    var sourcePort: UInt16
    var destinationPort: UInt16

    var ports: Int { network + headerLength }

    /// The packet an ICMP error in `parsed` quotes.
    init?(_ frame: UnsafeRawBufferPointer, _ parsed: ParsedFrame) {
        self.init(frame, start: parsed.transport + ICMPv4View.headerLength, end: parsed.end, isIPv4: parsed.isIPv4)
    }

    /// The IP packet at `start` (up to `end`) of `frame`.
    init?(_ frame: UnsafeRawBufferPointer, start: Int, end: Int, isIPv4: Bool) {
        guard start < end else { return nil }
        let quote = frame.slice(from: start, length: end - start)
        network = start
        self.isIPv4 = isIPv4
        if isIPv4 {
            guard let ip = try? IPv4View(checking: quote), ip.fragmentOffset == 0 else { return nil }
            headerLength = ip.headerLength
            ipProtocol = ip.protocol
            source = .v4(ip.source)
            destination = .v4(ip.destination)
        } else {
            guard let ip = try? IPv6View(checking: quote) else { return nil }
            headerLength = IPv6View.headerLength
            ipProtocol = ip.nextHeader
            source = .v6(ip.source)
            destination = .v6(ip.destination)
        }
        guard ipProtocol == .tcp || ipProtocol == .udp, quote.count >= headerLength + 4 else { return nil }
        sourcePort = quote.u16(at: headerLength)
        destinationPort = quote.u16(at: headerLength + 2)
    }
}
