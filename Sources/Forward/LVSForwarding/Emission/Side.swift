/// Which of the director's two sides a frame arrives on or leaves by. One-arm setups name
/// the same interface twice in `DirectorTopology`.
public enum Side: String, Hashable, Sendable, CustomStringConvertible {
    /// Toward the clients (the VIP side, the upstream router).
    case client
    /// Toward the real servers (the DIP side).
    case realServer = "real-server"

    public var description: String { rawValue }
}

/// Which way a forwarded packet goes through the director (IPVS `IP_VS_DIR_INPUT` /
/// `IP_VS_DIR_OUTPUT`).
public enum Direction: String, Hashable, Sendable, CustomStringConvertible {
    /// Client → real server.
    case inbound
    /// Real server → client.
    case outbound

    public var description: String { rawValue }
}
