import LVSWire

/// The link-layer path a packet took past a capture point: its MAC addresses (an SLL or
/// SLL2 capture knows only the source, and says instead whether the capturing host
/// received or sent the packet) and whether it travelled encapsulated (IP-in-IP or GRE).
///
/// Two packets with the same IP content on different legs are one packet forwarded: on a
/// DR director the request arrives on (router → director) and leaves on (director → real
/// server); under TUN it leaves encapsulated.
public struct LinkLeg: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var source: MACAddress?
    public var destination: MACAddress?
    /// SLL/SLL2 packet type (`LinuxPacketType`): 4 = sent by the capturing host.
    public var cookedPacketType: UInt8?
    public var encapsulated: Bool

    public init(source: MACAddress?, destination: MACAddress?, cookedPacketType: UInt8? = nil,
                encapsulated: Bool = false) {
        self.source = source
        self.destination = destination
        self.cookedPacketType = cookedPacketType
        self.encapsulated = encapsulated
    }

    /// The capturing host sent this packet (SLL packet type 4, `PACKET_OUTGOING`).
    public var isOutgoing: Bool { cookedPacketType == 4 }

    /// `src>dst`, `src>(in)` / `src>(out)` for cooked captures, `+encap` when tunnelled.
    public var description: String {
        let from = source?.description ?? "?"
        let to: String
        if let destination {
            to = destination.description
        } else if let type = cookedPacketType {
            to = type == 4 ? "(out)" : "(in)"
        } else {
            to = "?"
        }
        return from + ">" + to + (encapsulated ? "+encap" : "")
    }

    public static func < (lhs: LinkLeg, rhs: LinkLeg) -> Bool {
        (lhs.source?.rawValue ?? 0, lhs.destination?.rawValue ?? 0, lhs.cookedPacketType ?? 0, lhs.encapsulated ? 1 : 0)
            < (rhs.source?.rawValue ?? 0, rhs.destination?.rawValue ?? 0, rhs.cookedPacketType ?? 0,
               rhs.encapsulated ? 1 : 0)
    }
}
