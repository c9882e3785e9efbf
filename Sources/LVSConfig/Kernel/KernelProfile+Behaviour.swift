/// Version-dependent IPVS behaviours. Each threshold names the kernel change it stands for.
extension KernelProfile {
    /// First mainline versions of the changes below.
    public enum Since {
        /// 8d8e20e2 "ipvs: Decrement ttl" (v4.10).
        public static let ttlDecrement = KernelVersion(4, 10)
        /// "ipvs: count pre-established TCP states as active" (v4.8; verify against the
        /// tree in use if ActiveConn counts matter).
        public static let synStatesActive = KernelVersion(4, 8)
        /// The sloppy-TCP rework that moved NONE+ACK to ESTABLISHED in the INPUT and
        /// INPUT-ONLY tables (v3.12, approximate).
        public static let noneAckEstablishes = KernelVersion(3, 12)
        /// GUE encapsulation for tunnelled destinations (v5.2).
        public static let gueTunnels = KernelVersion(5, 2)
        /// GRE encapsulation and the tunnel checksum flags (v5.3).
        public static let greTunnels = KernelVersion(5, 3)
        /// "ipvs: allow connection reuse for unconfirmed conntrack" (v5.9).
        public static let reuseWithoutDrop = KernelVersion(5, 9)
    }

    private func linux(since version: KernelVersion) -> Bool {
        flavour == .linux && self.version >= version
    }

    /// IPVS decrements TTL / hop limit on the request path in every mode (§0.1). DPVS
    /// does not unless `xmit_ttl` is configured; Alibaba's 2.6.32 base predates it.
    public var decrementsTTL: Bool { linux(since: Since.ttlDecrement) }

    /// SYN_SENT, SYN_RECV and SYNACK count as active connections, not only ESTABLISHED
    /// (`tcp_state_active_table`, §0.7).
    public var activeIncludesSynStates: Bool { linux(since: Since.synStatesActive) }

    /// Whether a connection entry in `state` counts toward ActiveConn (the rest are InActConn).
    public func countsAsActive(_ state: IPVSTCPState) -> Bool {
        switch state {
        case .established: true
        case .synSent, .synReceived, .synAck: activeIncludesSynStates
        default: false
        }
    }

    /// An ACK on an entry in state NONE moves it to ESTABLISHED (newer kernels) rather
    /// than CLOSE (older kernels, and DPVS's `tcp_states[]`), in the INPUT and INPUT-ONLY
    /// tables (§5.4).
    public var noneAckEstablishes: Bool { linux(since: Since.noneAckEstablishes) }

    /// GUE tunnels (`--tun-type gue`) are available.
    public var supportsGUE: Bool { linux(since: Since.gueTunnels) }

    /// GRE tunnels and `--tun-csum`/`--tun-remcsum` are available.
    public var supportsGRE: Bool { linux(since: Since.greTunnels) }

    /// Whether `tunnel` can be configured on this director.
    public func supports(_ tunnel: TunnelOptions) -> Bool {
        switch tunnel.type {
        case .ipip: tunnel.checksum == .none || supportsGRE
        case .gue: supportsGUE && (tunnel.checksum == .none || supportsGRE)
        case .gre: supportsGRE
        }
    }

    /// With `conn_reuse_mode=1` and `conntrack=1`, a SYN reusing a client port is
    /// dropped whenever conntrack is in use (before 5.9), not only for confirmed
    /// conntracks: the 1-second delay of §5.7.
    public var connectionReuseDropsSYN: Bool {
        flavour == .linux && version < Since.reuseWithoutDrop
    }

    /// FULL-NAT (`-b`) exists only in DPVS and Alibaba LVS.
    public var supportsFullNAT: Bool { flavour != .linux }

    /// DPVS and Alibaba send RSTs to both ends when an ESTABLISHED entry expires (§2.4).
    public var resetsOnExpiry: Bool { flavour != .linux }
}
