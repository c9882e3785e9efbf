/// An IP protocol / IPv6 next-header number (IANA "Assigned Internet Protocol Numbers").
public struct IPProtocol: RawRepresentable, Hashable, Comparable, Sendable, CustomStringConvertible {
    public var rawValue: UInt8
    @inlinable public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// RFC 8200 §4.3 hop-by-hop options.
    @inlinable public static var hopByHop: IPProtocol { IPProtocol(rawValue: 0) }
    /// RFC 792.
    @inlinable public static var icmp: IPProtocol { IPProtocol(rawValue: 1) }
    /// RFC 2003 IP in IP (the LVS `-i` default tunnel).
    @inlinable public static var ipv4: IPProtocol { IPProtocol(rawValue: 4) }
    /// RFC 9293.
    @inlinable public static var tcp: IPProtocol { IPProtocol(rawValue: 6) }
    /// RFC 768.
    @inlinable public static var udp: IPProtocol { IPProtocol(rawValue: 17) }
    /// RFC 2473 IPv6 encapsulation.
    @inlinable public static var ipv6: IPProtocol { IPProtocol(rawValue: 41) }
    /// RFC 8200 §4.4.
    @inlinable public static var routing: IPProtocol { IPProtocol(rawValue: 43) }
    /// RFC 8200 §4.5.
    @inlinable public static var fragment: IPProtocol { IPProtocol(rawValue: 44) }
    /// RFC 2784.
    @inlinable public static var gre: IPProtocol { IPProtocol(rawValue: 47) }
    /// RFC 4303.
    @inlinable public static var esp: IPProtocol { IPProtocol(rawValue: 50) }
    /// RFC 4302.
    @inlinable public static var ah: IPProtocol { IPProtocol(rawValue: 51) }
    /// RFC 4443.
    @inlinable public static var icmpv6: IPProtocol { IPProtocol(rawValue: 58) }
    /// RFC 8200 §4.2 "no next header".
    @inlinable public static var noNextHeader: IPProtocol { IPProtocol(rawValue: 59) }
    /// RFC 8200 §4.6.
    @inlinable public static var destinationOptions: IPProtocol { IPProtocol(rawValue: 60) }
    /// RFC 7761 PIM; a register message (type 1) carries a multicast IP packet.
    @inlinable public static var pim: IPProtocol { IPProtocol(rawValue: 103) }
    /// RFC 8986 Ethernet as an IPv6 next header (SRv6 L2 services).
    @inlinable public static var ethernet: IPProtocol { IPProtocol(rawValue: 143) }
    /// RFC 5798 VRRP (keepalived's failover protocol).
    @inlinable public static var vrrp: IPProtocol { IPProtocol(rawValue: 112) }
    /// RFC 9260.
    @inlinable public static var sctp: IPProtocol { IPProtocol(rawValue: 132) }

    /// IPv6 extension headers that share the generic next-header/length layout.
    @inlinable public var isIPv6ExtensionHeader: Bool {
        switch rawValue {
        case 0, 43, 44, 51, 60, 135, 139, 140: true
        default: false
        }
    }

    public var description: String {
        switch self {
        case .icmp: "icmp"
        case .tcp: "tcp"
        case .udp: "udp"
        case .icmpv6: "icmpv6"
        case .sctp: "sctp"
        case .gre: "gre"
        case .ipv4: "ipip"
        case .ipv6: "ipv6"
        case .vrrp: "vrrp"
        default: "proto-\(rawValue)"
        }
    }

    public static func < (lhs: IPProtocol, rhs: IPProtocol) -> Bool { lhs.rawValue < rhs.rawValue }
}
