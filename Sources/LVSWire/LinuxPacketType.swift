/// The direction/kind of a packet in a Linux cooked capture: `sll_pkttype`, the
/// `PACKET_*` constants of `<linux/if_packet.h>`. Open: other values are representable.
public struct LinuxPacketType: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public var rawValue: UInt16
    @inlinable public init(rawValue: UInt16) { self.rawValue = rawValue }

    /// `PACKET_HOST`: addressed to the capturing host.
    @inlinable public static var host: LinuxPacketType { LinuxPacketType(rawValue: 0) }
    /// `PACKET_BROADCAST`: link-layer broadcast.
    @inlinable public static var broadcast: LinuxPacketType { LinuxPacketType(rawValue: 1) }
    /// `PACKET_MULTICAST`: link-layer multicast.
    @inlinable public static var multicast: LinuxPacketType { LinuxPacketType(rawValue: 2) }
    /// `PACKET_OTHERHOST`: addressed to another host (promiscuous mode).
    @inlinable public static var otherHost: LinuxPacketType { LinuxPacketType(rawValue: 3) }
    /// `PACKET_OUTGOING`: sent by the capturing host.
    @inlinable public static var outgoing: LinuxPacketType { LinuxPacketType(rawValue: 4) }

    public var description: String {
        switch rawValue {
        case 0: "host"
        case 1: "broadcast"
        case 2: "multicast"
        case 3: "otherhost"
        case 4: "outgoing"
        default: "pkttype-\(rawValue)"
        }
    }
}
