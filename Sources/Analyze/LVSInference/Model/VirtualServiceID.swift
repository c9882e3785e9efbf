import LVSWire

/// A virtual service as the wire shows it: VIP, port and protocol (DESIGN.md §4's
/// `{"vip", "port", "protocol"}`). Sorted by protocol name, then address, then port.
public struct VirtualServiceID: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var vip: IPAddress
    public var port: UInt16
    public var protocolNumber: IPProtocol

    public init(vip: IPAddress, port: UInt16, protocolNumber: IPProtocol) {
        self.vip = vip
        self.port = port
        self.protocolNumber = protocolNumber
    }

    /// The contract's protocol names: `tcp`, `udp`, `sctp`, `icmp`.
    public var protocolName: String {
        switch protocolNumber {
        case .tcp: "tcp"
        case .udp: "udp"
        case .sctp: "sctp"
        default: "icmp"
        }
    }

    public var description: String { "\(protocolName) \(vip.withPort(port))" }

    public static func < (lhs: VirtualServiceID, rhs: VirtualServiceID) -> Bool {
        (lhs.protocolName, lhs.vip, lhs.port) < (rhs.protocolName, rhs.vip, rhs.port)
    }
}
