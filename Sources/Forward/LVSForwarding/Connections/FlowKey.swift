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

    private static func words(_ address: IPAddress) -> (UInt64, UInt64) {
        switch address {
        case let .v4(a): (0, 0xFFFF_0000_0000 | UInt64(a.rawValue))
        case let .v6(a): (a.high, a.low)
        }
    }
}
