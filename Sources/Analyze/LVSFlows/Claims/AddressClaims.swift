import LVSCapture
import LVSWire

/// Everything ARP and neighbour discovery said about addresses, at every capture point:
/// which MACs claimed each IP and how, who asked for it, and where the claimed MAC
/// flip-flopped. Arrays are sorted (address, then point, then MAC, then kind), so the
/// value is the same for the same captures.
public struct AddressClaims: Sendable {
    public var claims: [AddressClaim]
    public var queries: [AddressQuery]
    public var flipFlops: [MACFlipFlop]

    public init(claims: [AddressClaim] = [], queries: [AddressQuery] = [], flipFlops: [MACFlipFlop] = []) {
        self.claims = claims
        self.queries = queries
        self.flipFlops = flipFlops
    }

    /// The claims for `address`, at every point.
    public func claims(for address: IPAddress) -> [AddressClaim] { claims.filter { $0.address == address } }

    /// The distinct MACs that claimed `address` (any kind, any point), sorted.
    public func macs(claiming address: IPAddress, answersOnly: Bool = false) -> [MACAddress] {
        Set(claims(for: address).filter { !answersOnly || $0.kind.isAnswer }.map(\.mac)).sorted()
    }

    /// The queries for `address`.
    public func queries(for address: IPAddress) -> [AddressQuery] { queries.filter { $0.address == address } }

    /// Merges the claims of several points (each already sorted) into one sorted value.
    public static func merging(_ parts: [AddressClaims]) -> AddressClaims {
        AddressClaims(
            claims: parts.flatMap(\.claims).sorted(by: AddressClaims.order),
            queries: parts.flatMap(\.queries).sorted(by: AddressClaims.order),
            flipFlops: parts.flatMap(\.flipFlops).sorted { ($0.address, $0.point) < ($1.address, $1.point) })
    }

    static func order(_ a: AddressQuery, _ b: AddressQuery) -> Bool {
        if (a.address, a.point, a.requesterMAC) != (b.address, b.point, b.requesterMAC) {
            return (a.address, a.point, a.requesterMAC) < (b.address, b.point, b.requesterMAC)
        }
        switch (a.requesterAddress, b.requesterAddress) {
        case let (x?, y?): return x < y
        case (nil, _?): return true
        default: return false
        }
    }

    static func order(_ a: AddressClaim, _ b: AddressClaim) -> Bool {
        (a.address, a.point, a.mac, a.kind) < (b.address, b.point, b.mac, b.kind)
    }
}
