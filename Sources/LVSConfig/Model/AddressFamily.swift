import LVSWire

/// The address family of a virtual service or real server (kernel `AF_INET` /
/// `AF_INET6`; ipvsadm `-6` selects IPv6 for a fwmark service).
public enum AddressFamily: String, Hashable, Comparable, Sendable, Codable, CaseIterable, CustomStringConvertible {
    case ipv4
    case ipv6

    public init(of address: IPAddress) {
        self = address.isIPv4 ? .ipv4 : .ipv6
    }

    /// Bits in an address of this family: the finest persistence granularity.
    public var addressBits: Int { self == .ipv4 ? 32 : 128 }

    public var description: String { rawValue }

    public static func < (lhs: AddressFamily, rhs: AddressFamily) -> Bool {
        lhs == .ipv4 && rhs == .ipv6
    }
}
