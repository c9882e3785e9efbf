import LVSConfig
import LVSWire

/// ICMP errors about tunnel packets (§2.3, the tunnel branch of `ip_vs_in_icmp`): a router
/// between the director and a TUN real server reports on the outer packet to the tunnel
/// source. The director finds the client's request inside and answers the client itself:
/// fragmentation needed becomes its own fragmentation needed with the cached route MTU
/// minus 20 (the kernel subtracts 20 even for GUE and GRE, which under-subtracts until the
/// 2026 fix), sent only when the client set DF; other errors go to the client with the same
/// type, code and four bytes. Either way the error itself is consumed.
extension Director {
    mutating func handleICMPAboutTunnel(_ input: Input, into emissions: inout Emissions) -> Bool {
        let parsed = input.parsed
        guard parsed.isIPv4, !tunnelDestinations.isEmpty,
              let quote = TunnelErrorQuote(input.frame, parsed, tunnels: tunnelDestinations) else { return false }
        let inner = quote.inner
        let key = FlowKey(inner.ipProtocol, inner.source, inner.sourcePort, inner.destination, inner.destinationPort)
        guard connections.inbound(key) != nil else { return false }
        guard ICMPErrorTranslator.hasValidChecksum(input.frame, parsed) else {
            emissions.drop(.badICMPChecksum, at: input.time)
            return true
        }
        let icmp = input.frame.suffix(from: parsed.transport)
        var kind = ICMPErrorKind.other(type: parsed.icmpType, code: parsed.icmpCode,
                                       restOfHeader: icmp.u32(at: ICMPv4View.Field.restOfHeader))
        if parsed.icmpType == 3, parsed.icmpCode == ICMPv4UnreachableCode.fragmentationNeeded {
            guard quote.dontFragment else {
                emissions.drop(.tunnelErrorConsumed, at: input.time)
                return true
            }
            // ipv4_update_pmtu then dst_mtu: the route MTU can only shrink.
            var mtu = min(Int(icmp.u16(at: ICMPv4View.Field.nextHopMTU)), topology.realServerSide.mtu)
            if mtu > 68 + IPv4View.minimumHeaderLength { mtu -= IPv4View.minimumHeaderLength }
            kind = .fragmentationNeeded(mtu: mtu)
        }
        let request = input.frame.slice(from: quote.network, length: parsed.end - quote.network)
        emitICMPError(kind, about: request, from: inner.destination, to: inner.source, side: .client,
                      previousHop: topology.clientRouter, time: input.time, buffer: emissions.takeBuffer(),
                      into: &emissions)
        emissions.drop(.tunnelErrorConsumed, at: input.time)
        return true
    }
}
