import LVSWire

extension PacketFacts {
    /// One line for reports: `tcp 203.0.113.10:41438 > 192.0.2.12:80 [S] len 0`.
    var summary: String {
        if let tuple {
            let flags = tuple.proto == .tcp ? " [\(FrameFields.flags(tcpFlags))]" : ""
            return "\(tuple.proto.replayName) \(tuple.source.withPort(tuple.sourcePort)) > "
                + "\(tuple.destination.withPort(tuple.destinationPort))\(flags) len \(key?.payloadLength ?? 0)"
        }
        if let inner, let icmp {
            let name = icmp.version == 6 ? "icmpv6" : "icmp"
            return "\(name) \(inner.source) > \(inner.destination) type \(icmp.type) code \(icmp.code)"
        }
        if let inner { return "ip \(inner.source) > \(inner.destination) proto \(inner.protocolNumber.rawValue)" }
        return arp != nil ? "arp" : "non-ip"
    }
}
