/// The protocol layers lvscope decodes. Closed on purpose: it names our decoders, not
/// the wire's number spaces (those are open structs such as `EtherType`).
public enum Layer: UInt8, CaseIterable, Hashable, Sendable, Comparable {
    case ethernet, vlan, sll, sll2, null, arp
    case ipv4, ipv6, ipv6Extension, tcp, udp, icmp, icmpv6, gre
    /// IP-in-IP is not a header of its own; it is an IP layer whose payload is IP.
    case ipInIP
    /// Overlays that carry Ethernet or IP: VXLAN, Geneve, ERSPAN, MPLS, MACsec.
    case vxlan, geneve, erspan, mpls, macsec

    /// Short name used in reports, TSV columns and the decode summary (tshark's names).
    public var name: String {
        switch self {
        case .ethernet: "eth"
        case .vlan: "vlan"
        case .sll: "sll"
        case .sll2: "sll2"
        case .null: "null"
        case .arp: "arp"
        case .ipv4: "ip"
        case .ipv6: "ipv6"
        case .ipv6Extension: "ipv6.ext"
        case .tcp: "tcp"
        case .udp: "udp"
        case .icmp: "icmp"
        case .icmpv6: "icmpv6"
        case .gre: "gre"
        case .ipInIP: "ipip"
        case .vxlan: "vxlan"
        case .geneve: "geneve"
        case .erspan: "erspan"
        case .mpls: "mpls"
        case .macsec: "macsec"
        }
    }

    public static func < (lhs: Layer, rhs: Layer) -> Bool { lhs.rawValue < rhs.rawValue }
}
