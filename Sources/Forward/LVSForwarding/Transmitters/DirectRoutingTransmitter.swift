import LVSWire

/// Direct routing (`-g`): `ip_vs_dr_xmit` changes no L3/L4 field; the frame goes to the
/// real server's MAC (the caller sets it) and, on IPv4, the header checksum is rewritten
/// (`ip_send_check`), which only matters when the TTL was decremented (kernels ≥ 4.10).
/// Replies never pass the director, so there is no outbound transmitter.
enum DirectRoutingTransmitter {
    static func inbound(_ bytes: UnsafeMutableRawBufferPointer, _ parsed: ParsedFrame) {
        if parsed.isIPv4 { PacketEditing.refreshIPv4Checksum(bytes, network: parsed.network) }
    }
}
