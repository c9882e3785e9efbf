/// Zeek's per-endpoint TCP state (`TCP_ENDPOINT_*` in Zeek's TCP analyzer), from which
/// the connection's `conn_state` is derived.
enum TCPEndpointState: UInt8 {
    case inactive
    case synSent
    case synAckSent
    /// Sending without a handshake having been seen (capture began mid-connection).
    case partial
    case established
    /// Sent a FIN.
    case closed
    /// Sent a RST.
    case reset

    /// INACTIVE and PARTIAL: Zeek's "inactive" in `conn_state`.
    var isInactive: Bool { self == .inactive || self == .partial }
}
