/// An EtherType (IEEE 802.3 length/type field above 0x0600). Open: any value is
/// representable, and an unknown one is evidence worth reporting.
public struct EtherType: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public var rawValue: UInt16
    @inlinable public init(rawValue: UInt16) { self.rawValue = rawValue }

    /// RFC 894.
    @inlinable public static var ipv4: EtherType { EtherType(rawValue: 0x0800) }
    /// RFC 826.
    @inlinable public static var arp: EtherType { EtherType(rawValue: 0x0806) }
    /// RFC 903 reverse ARP (same packet layout as ARP).
    @inlinable public static var reverseARP: EtherType { EtherType(rawValue: 0x8035) }
    /// IEEE 802.1Q customer tag.
    @inlinable public static var vlan: EtherType { EtherType(rawValue: 0x8100) }
    /// IEEE 802.1ad service tag (QinQ outer tag).
    @inlinable public static var qinq: EtherType { EtherType(rawValue: 0x88A8) }
    /// Pre-standard QinQ outer tag still emitted by some switches.
    @inlinable public static var qinqLegacy: EtherType { EtherType(rawValue: 0x9100) }
    /// RFC 2464.
    @inlinable public static var ipv6: EtherType { EtherType(rawValue: 0x86DD) }
    /// RFC 1701 transparent Ethernet bridging: GRE, Geneve and NVGRE carrying Ethernet.
    @inlinable public static var transparentEthernetBridging: EtherType { EtherType(rawValue: 0x6558) }
    /// Cisco WCCP redirect inside GRE (a 4-byte redirect header, then IP).
    @inlinable public static var wccp: EtherType { EtherType(rawValue: 0x883E) }

    /// True for the tag types that are followed by a 802.1Q TCI and another type.
    @inlinable public var isVLANTag: Bool {
        self == .vlan || self == .qinq || self == .qinqLegacy
    }

    public var description: String {
        switch self {
        case .ipv4: "IPv4"
        case .arp: "ARP"
        case .vlan: "802.1Q"
        case .qinq, .qinqLegacy: "802.1ad"
        case .ipv6: "IPv6"
        default: "0x" + String(rawValue, radix: 16, uppercase: false).leftPadded(to: 4)
        }
    }
}

extension String {
    /// Pads with zeros on the left up to `width` characters.
    package func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
