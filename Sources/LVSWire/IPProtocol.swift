/// An IP protocol / IPv6 next-header number (IANA "Assigned Internet Protocol Numbers").
public struct IPProtocol: RawRepresentable, Hashable, Comparable, Sendable, CustomStringConvertible {
    public var rawValue: UInt8
    @inlinable public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// RFC 8200 §4.3 hop-by-hop options.
    public static let hopByHop = IPProtocol(rawValue: 0)
    /// RFC 792.
    public static let icmp = IPProtocol(rawValue: 1)
    /// RFC 2003 IP in IP (the LVS `-i` default tunnel).
    public static let ipv4 = IPProtocol(rawValue: 4)
    /// RFC 9293.
    public static let tcp = IPProtocol(rawValue: 6)
    /// RFC 768.
    public static let udp = IPProtocol(rawValue: 17)
    /// RFC 2473 IPv6 encapsulation.
    public static let ipv6 = IPProtocol(rawValue: 41)
    /// RFC 8200 §4.4.
    public static let routing = IPProtocol(rawValue: 43)
    /// RFC 8200 §4.5.
    public static let fragment = IPProtocol(rawValue: 44)
    /// RFC 2784.
    public static let gre = IPProtocol(rawValue: 47)
    /// RFC 4303.
    public static let esp = IPProtocol(rawValue: 50)
    /// RFC 4302.
    public static let ah = IPProtocol(rawValue: 51)
    /// RFC 4443.
    public static let icmpv6 = IPProtocol(rawValue: 58)
    /// RFC 8200 §4.2 "no next header".
    public static let noNextHeader = IPProtocol(rawValue: 59)
    /// RFC 8200 §4.6.
    public static let destinationOptions = IPProtocol(rawValue: 60)
    /// RFC 7761 PIM; a register message (type 1) carries a multicast IP packet.
    public static let pim = IPProtocol(rawValue: 103)
    /// RFC 8986 Ethernet as an IPv6 next header (SRv6 L2 services).
    public static let ethernet = IPProtocol(rawValue: 143)
    /// RFC 5798 VRRP (keepalived's failover protocol).
    public static let vrrp = IPProtocol(rawValue: 112)
    /// RFC 9260.
    public static let sctp = IPProtocol(rawValue: 132)

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
