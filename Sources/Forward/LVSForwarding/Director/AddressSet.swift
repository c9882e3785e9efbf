import LVSWire

/// The director's own or virtual addresses, asked about on every frame: sorted columns per
/// family searched by bisection. A deployment holds a handful to a few thousand addresses,
/// and `Set<IPAddress>` paid a seeded `Hasher` run per question (three per frame).
struct AddressSet: Sendable {
    private var ipv4: ContiguousArray<UInt32> = []
    private var ipv6: ContiguousArray<IPv6Address> = []

    init(_ addresses: some Sequence<IPAddress>) {
        for address in addresses {
            switch address {
            case let .v4(a): ipv4.append(a.rawValue)
            case let .v6(a): ipv6.append(a)
            }
        }
        ipv4 = ContiguousArray(Set(ipv4).sorted())
        ipv6 = ContiguousArray(Set(ipv6).sorted())
    }

    func contains(_ address: IPAddress) -> Bool {
        switch address {
        case let .v4(a): Self.bisect(ipv4, a.rawValue)
        case let .v6(a): Self.bisect(ipv6, a)
        }
    }

    private static func bisect<T: Comparable>(_ sorted: ContiguousArray<T>, _ value: T) -> Bool {
        var low = 0
        var high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if sorted[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low < sorted.count && sorted[low] == value
    }
}
