import LVSWire

/// Why the director emitted nothing for a frame (or nothing but an ICMP error). Each case
/// names the kernel decision it stands for.
public enum DropReason: Hashable, Sendable, CustomStringConvertible {
    /// Not an Ethernet II frame carrying IPv4 or IPv6 (ARP, VLAN-tagged, LLC...).
    case notIP
    /// The headers contradict themselves (truncated or impossible lengths).
    case malformed(WireError)
    /// `ip_rcv` drops an IPv4 header whose checksum is wrong.
    case badIPv4HeaderChecksum
    /// Addressed to another host's MAC, or to a broadcast/multicast MAC
    /// (`pkt_type != PACKET_HOST`, ignored by IPVS).
    case notForDirector
    /// A fragment: IPVS would reassemble first (`ip_vs_gather_frags`); the model does not.
    case fragment
    /// IPv6 with extension headers before the transport header (not modelled).
    case ipv6ExtensionHeaders
    /// The source address is one of the director's own (a martian for `fib_validate_source`):
    /// a DR/TUN real server replying from the VIP through the director.
    case directReplyAtDirector
    /// To a director address but not IPVS business (no service, ICMP echo, other
    /// protocols): the director's own stack handles it.
    case localDelivery
    /// To a VIP, but no virtual service for this protocol and port.
    case noService
    /// TCP without SYN (or with RST), or from FTP data port 20, and no entry: IPVS does not
    /// schedule it; the director's stack answers a RST from the VIP.
    case notSchedulable
    /// The scheduler found no destination (`ip_vs_leave` also sends ICMP port unreachable).
    case noRealServer
    /// The entry's real server was removed and `expire_nodest_conn` is 0.
    case destinationUnavailable
    /// A SYN reusing an entry that is rescheduled while conntrack still holds the old flow
    /// (`conn_reuse_mode` with `conntrack=1`: the first SYN is dropped, the client retries).
    case connectionReuse
    /// TTL or hop limit would reach 0 (an ICMP time-exceeded is emitted).
    case ttlExceeded
    /// Larger than the path MTU with DF set (an ICMP fragmentation-needed / packet-too-big
    /// is emitted).
    case tooBig
    /// The tunnel leaves less than 68 (IPv4) / 1280 (IPv6) bytes of MTU.
    case tunnelMTUTooSmall
    /// An ICMP error whose checksum is wrong (IPVS checks before rewriting).
    case badICMPChecksum
    /// FULL-NAT: the service has no local address.
    case noLocalAddress
    /// FULL-NAT: no free local port for this real server.
    case localPortsExhausted
    /// No MAC known for the next hop toward the real server.
    case noNeighbour
    /// A packet that would need IPv6 fragmentation of a tunnel's outer header.
    case wouldFragment
    /// An ICMP error about a tunnel packet that the director consumes: relayed to the client
    /// as its own error (that emission precedes this), or ignored (fragmentation needed for
    /// a client packet without DF).
    case tunnelErrorConsumed

    public var description: String {
        switch self {
        case .notIP: "not-ip"
        case let .malformed(error): "malformed: \(error)"
        case .badIPv4HeaderChecksum: "bad-ipv4-header-checksum"
        case .notForDirector: "not-for-director"
        case .fragment: "fragment"
        case .ipv6ExtensionHeaders: "ipv6-extension-headers"
        case .directReplyAtDirector: "direct-reply-at-director"
        case .localDelivery: "local-delivery"
        case .noService: "no-service"
        case .notSchedulable: "not-schedulable"
        case .noRealServer: "no-real-server"
        case .destinationUnavailable: "destination-unavailable"
        case .connectionReuse: "connection-reuse"
        case .ttlExceeded: "ttl-exceeded"
        case .tooBig: "too-big"
        case .tunnelMTUTooSmall: "tunnel-mtu-too-small"
        case .badICMPChecksum: "bad-icmp-checksum"
        case .noLocalAddress: "no-local-address"
        case .localPortsExhausted: "local-ports-exhausted"
        case .noNeighbour: "no-neighbour"
        case .wouldFragment: "would-fragment"
        case .tunnelErrorConsumed: "tunnel-error-consumed"
        }
    }
}
