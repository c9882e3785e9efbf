/// A capture file's link-layer header type (tcpdump.org LINKTYPE_* values).
///
/// pcap files keep FCS-length and reserved bits in the upper 16 bits of the link-type
/// word; `init(headerWord:)` masks them as libpcap does.
public struct LinkType: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public var rawValue: UInt32
    @inlinable public init(rawValue: UInt32) { self.rawValue = rawValue }

    /// Masks the FCS and reserved bits of a pcap header's link-type word.
    @inlinable public init(headerWord: UInt32) { rawValue = headerWord & 0xFFFF }

    /// LINKTYPE_NULL: BSD loopback, 4-byte address family in the capturing host's order.
    @inlinable public static var null: LinkType { LinkType(rawValue: 0) }
    /// LINKTYPE_ETHERNET (DLT_EN10MB).
    @inlinable public static var ethernet: LinkType { LinkType(rawValue: 1) }
    /// LINKTYPE_RAW: raw IPv4 or IPv6, version from the first nibble.
    @inlinable public static var raw: LinkType { LinkType(rawValue: 101) }
    /// DLT_RAW as OpenBSD numbered it (12), and as some systems wrote it (14).
    @inlinable public static var rawLegacy12: LinkType { LinkType(rawValue: 12) }
    @inlinable public static var rawLegacy14: LinkType { LinkType(rawValue: 14) }
    /// LINKTYPE_LINUX_SLL: Linux cooked capture v1 (`tcpdump -i any`).
    @inlinable public static var linuxSLL: LinkType { LinkType(rawValue: 113) }
    /// LINKTYPE_LOOP: OpenBSD loopback, address family in network order.
    @inlinable public static var loop: LinkType { LinkType(rawValue: 108) }
    /// LINKTYPE_IPV4.
    @inlinable public static var ipv4: LinkType { LinkType(rawValue: 228) }
    /// LINKTYPE_IPV6.
    @inlinable public static var ipv6: LinkType { LinkType(rawValue: 229) }
    /// LINKTYPE_LINUX_SLL2: Linux cooked capture v2 (interface index, packet type).
    @inlinable public static var linuxSLL2: LinkType { LinkType(rawValue: 276) }

    /// The link types lvscope decodes.
    public static let supported: [LinkType] = [
        .null, .ethernet, .raw, .rawLegacy12, .rawLegacy14, .linuxSLL, .loop, .ipv4, .ipv6, .linuxSLL2,
    ]

    @inlinable public var isSupported: Bool {
        switch rawValue {
        case 0, 1, 12, 14, 101, 108, 113, 228, 229, 276: true
        default: false
        }
    }

    /// libpcap's DLT name (`pcap_datalink_val_to_name`), as tcpdump prints it.
    public var name: String {
        switch rawValue {
        case 0: "NULL"
        case 1: "EN10MB"
        case 12, 14, 101: "RAW"
        case 108: "LOOP"
        case 113: "LINUX_SLL"
        case 228: "IPV4"
        case 229: "IPV6"
        case 276: "LINUX_SLL2"
        default: "DLT-\(rawValue)"
        }
    }

    public var description: String { name }
}
