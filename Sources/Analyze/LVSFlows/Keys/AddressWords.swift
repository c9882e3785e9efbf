import LVSWire

/// An IP address as the two words a key stores.
struct AddressWords: Equatable {
    var high: UInt64
    var low: UInt64
    var isIPv6: Bool

    init(high: UInt64, low: UInt64, isIPv6: Bool) {
        self.high = high
        self.low = low
        self.isIPv6 = isIPv6
    }

    init(_ address: IPAddress) {
        switch address {
        case let .v4(a): self.init(high: 0, low: UInt64(a.rawValue), isIPv6: false)
        case let .v6(a): self.init(high: a.high, low: a.low, isIPv6: true)
        }
    }

    var address: IPAddress {
        isIPv6 ? .v6(IPv6Address(high: high, low: low)) : .v4(IPv4Address(rawValue: UInt32(truncatingIfNeeded: low)))
    }
}
