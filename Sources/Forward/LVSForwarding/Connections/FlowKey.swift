import LVSWire

/// A fixed-size, trivially copyable lookup key: protocol, two endpoints (address + port).
/// IPv4 addresses are stored IPv4-mapped and the family is part of the key, so keys of the
/// two families never collide (STYLE.md §9.9).
struct FlowKey: Hashable, Sendable {
    var highA: UInt64
    var lowA: UInt64
    var highB: UInt64
    var lowB: UInt64
    var ports: UInt32
    /// The IP protocol number, plus 0x100 for IPv6.
    var protocolAndFamily: UInt16

    init(_ proto: IPProtocol, _ a: IPAddress, _ portA: UInt16, _ b: IPAddress, _ portB: UInt16) {
        (highA, lowA) = Self.words(a)
        (highB, lowB) = Self.words(b)
        ports = UInt32(portA) << 16 | UInt32(portB)
        protocolAndFamily = UInt16(proto.rawValue) | (a.isIPv4 ? 0 : 0x100)
    }

    /// The all-zero key, filling free buckets of a `FlowIndex`.
    static let zero = FlowKey(highA: 0, lowA: 0, highB: 0, lowB: 0, ports: 0, protocolAndFamily: 0)

    private init(highA: UInt64, lowA: UInt64, highB: UInt64, lowB: UInt64, ports: UInt32, protocolAndFamily: UInt16) {
        (self.highA, self.lowA, self.highB, self.lowB) = (highA, lowA, highB, lowB)
        (self.ports, self.protocolAndFamily) = (ports, protocolAndFamily)
    }

    /// A 64-bit mix of every field for `FlowIndex` (multiply and xor-shift rounds, as in
    /// splitmix64): unseeded and cheap, so equal inputs index identically in every run.
    var mix: UInt64 {
        var hash = (UInt64(protocolAndFamily) << 32 | UInt64(ports)) ^ 0x243F_6A88_85A3_08D3
        hash = (hash ^ lowA) &* 0x9E37_79B9_7F4A_7C15
        hash = (hash ^ (hash >> 31) ^ lowB) &* 0xBF58_476D_1CE4_E5B9
        hash = (hash ^ (hash >> 29) ^ highA) &* 0x94D0_49BB_1331_11EB
        hash = (hash ^ (hash >> 32) ^ highB) &* 0x9E37_79B9_7F4A_7C15
        return hash ^ (hash >> 29)
    }

    private static func words(_ address: IPAddress) -> (UInt64, UInt64) {
        switch address {
        case let .v4(a): (0, 0xFFFF_0000_0000 | UInt64(a.rawValue))
        case let .v6(a): (a.high, a.low)
        }
    }
}
