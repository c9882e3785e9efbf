import LVSConfig

/// What one emission is.
public enum Verdict: Hashable, Sendable, CustomStringConvertible {
    /// A frame IPVS forwarded through a connection entry, in `direction`, by `mode`.
    case forwarded(ForwardingMode, Direction)
    /// A frame routed without IPVS changing it beyond TTL and MACs (a NAT real server's
    /// packet that matches no entry leaves with its own source address).
    case routed
    /// An ICMP error the director generated.
    case icmpError(ICMPErrorKind)
    /// A TCP reset the director generated (DPVS/Alibaba reset both ends when an
    /// ESTABLISHED entry expires).
    case reset
    /// Nothing forwarded.
    case dropped(DropReason)

    public var description: String {
        switch self {
        case let .forwarded(mode, direction): "forwarded \(mode) \(direction)"
        case .routed: "routed"
        case let .icmpError(kind): "icmp \(kind)"
        case .reset: "reset"
        case let .dropped(reason): "dropped \(reason)"
        }
    }
}

/// The ICMP errors the director generates itself (`icmp_send` / `icmpv6_send`).
public enum ICMPErrorKind: Hashable, Sendable, CustomStringConvertible {
    /// ICMPv4 type 11 code 0 / ICMPv6 type 3 code 0.
    case timeExceeded
    /// ICMPv4 type 3 code 4 with the next-hop MTU.
    case fragmentationNeeded(mtu: Int)
    /// ICMPv6 type 2 with the MTU.
    case packetTooBig(mtu: Int)
    /// ICMPv4 type 3 code 3 / ICMPv6 type 1 code 4 (`ip_vs_leave`).
    case portUnreachable
    /// Another ICMPv4 error passed on to the client with its type, code and the four
    /// type-specific bytes (an error about a tunnel packet, `ip_vs_in_icmp`).
    case other(type: UInt8, code: UInt8, restOfHeader: UInt32)

    public var description: String {
        switch self {
        case .timeExceeded: "time-exceeded"
        case let .fragmentationNeeded(mtu): "fragmentation-needed mtu \(mtu)"
        case let .packetTooBig(mtu): "packet-too-big mtu \(mtu)"
        case .portUnreachable: "port-unreachable"
        case let .other(type, code, _): "type \(type) code \(code)"
        }
    }
}
