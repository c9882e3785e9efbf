import LVSConfig
import LVSWire

extension PersistenceGranularity {
    /// The template key of a client address: the address under the netmask (IPv4, which
    /// the kernel does not require to be contiguous) or prefix (IPv6), lvs-reference.md §5.5.
    func template(of client: IPAddress) -> IPAddress {
        switch (self, client) {
        case let (.ipv4Netmask(mask), .v4(address)):
            return .v4(IPv4Address(rawValue: address.rawValue & mask.rawValue))
        case let (.ipv6PrefixLength(bits), .v6(address)):
            let high = bits >= 64 ? address.high : address.high & ~(UInt64.max >> UInt64(max(bits, 0)))
            let low = bits >= 128 ? address.low : bits <= 64 ? 0 : address.low & ~(UInt64.max >> UInt64(bits - 64))
            return .v6(IPv6Address(high: high, low: low))
        default:
            return client
        }
    }
}
