import LVSWire

/// How much of the client address a persistence template keys on: ipvsadm `-M`,
/// keepalived `persistence_granularity`. IPv4 services store a netmask (which the kernel
/// does not require to be contiguous); IPv6 services a prefix length 1...128.
public enum PersistenceGranularity: Hashable, Sendable, CustomStringConvertible {
    case ipv4Netmask(IPv4Address)
    case ipv6PrefixLength(Int)

    /// /32 or /128: each client address is its own template (the ipvsadm default).
    public static func exact(_ family: AddressFamily) -> PersistenceGranularity {
        family == .ipv4 ? .ipv4Netmask(IPv4Address(rawValue: .max)) : .ipv6PrefixLength(128)
    }

    public func isExact(for family: AddressFamily) -> Bool { self == .exact(family) }

    /// The text ipvsadm prints after `-M`: a dotted quad or a prefix length.
    public var ipvsadmText: String {
        switch self {
        case let .ipv4Netmask(mask): mask.description
        case let .ipv6PrefixLength(bits): String(bits)
        }
    }

    public var description: String { ipvsadmText }
}

extension PersistenceGranularity: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let bits = try? container.decode(Int.self) {
            self = .ipv6PrefixLength(bits)
            return
        }
        let text = try container.decode(String.self)
        guard let mask = IPv4Address(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "bad netmask \(text)")
        }
        self = .ipv4Netmask(mask)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case let .ipv4Netmask(mask): try container.encode(mask.description)
        case let .ipv6PrefixLength(bits): try container.encode(bits)
        }
    }
}
