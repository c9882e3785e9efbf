import LVSWire

/// Masquerading (`-m`): `ip_vs_nat_xmit` toward the real server and `handle_response`
/// toward the client (lvs-reference.md §2.1). Only the destination (request) or source
/// (reply) address and port change; TTL and the MACs are the caller's.
enum NATTransmitter {
    /// Request: VIP:vport → RIP:rport.
    static func inbound(_ bytes: UnsafeMutableRawBufferPointer, _ parsed: ParsedFrame, connection: Connection) {
        TransportRewrite(destination: (connection.real, connection.realPort))
            .apply(to: bytes, parsed, ipLength: parsed.ipLength)
    }

    /// Reply: RIP:rport → VIP:vport.
    static func outbound(_ bytes: UnsafeMutableRawBufferPointer, _ parsed: ParsedFrame, connection: Connection) {
        TransportRewrite(source: (connection.virtual, connection.virtualPort))
            .apply(to: bytes, parsed, ipLength: parsed.ipLength)
    }
}
