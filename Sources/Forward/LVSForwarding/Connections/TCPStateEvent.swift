/// Which row of the IPVS TCP state table a segment selects (`tcp_state_idx`): RST first,
/// then SYN, FIN, ACK; a segment with none of them selects no row, and the kernel then
/// moves the entry to CLOSE.
public enum TCPStateEvent: Int, Sendable, CaseIterable {
    case syn = 0
    case fin = 1
    case ack = 2
    case rst = 3
    /// No SYN, FIN, ACK or RST flag.
    case noFlags = -1

    public init(syn: Bool, fin: Bool, ack: Bool, rst: Bool) {
        if rst { self = .rst } else if syn { self = .syn } else if fin { self = .fin } else if ack { self = .ack } else {
            self = .noFlags
        }
    }
}

/// The table block a segment is looked up in (`IP_VS_DIR_*` → `tcp_state_off`).
public enum TCPStateDirection: Int, Sendable {
    /// Client → real server.
    case input = 0
    /// Real server → client (only NAT and FULL-NAT replies pass the director).
    case output = 4
    /// Client → real server on an entry that has never seen output (`IP_VS_CONN_F_NOOUTPUT`,
    /// set for every DR and TUN destination).
    case inputOnly = 8
}
