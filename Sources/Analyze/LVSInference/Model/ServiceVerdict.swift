import LVSWire

/// One virtual service: the mode its traffic shows, how sure that is and why, and the
/// real servers (and FULL-NAT local addresses) behind it.
public struct ServiceVerdict: Hashable, Sendable {
    /// One line of evidence, with the packets it rests on.
    public struct Evidence: Hashable, Sendable {
        public var text: String
        public var packets: [PacketReference]

        public init(_ text: String, packets: [PacketReference] = []) {
            self.text = text
            self.packets = packets
        }
    }

    /// A real server as observed (and, with a config, as configured).
    public struct RealServer: Hashable, Sendable, Comparable {
        public var address: IPAddress
        public var port: UInt16
        public var mac: MACAddress?
        /// Connections the director sent it in the captures.
        public var connections: Int

        public init(address: IPAddress, port: UInt16, mac: MACAddress?, connections: Int) {
            self.address = address
            self.port = port
            self.mac = mac
            self.connections = connections
        }

        public static func < (lhs: RealServer, rhs: RealServer) -> Bool {
            (lhs.address, lhs.port) < (rhs.address, rhs.port)
        }
    }

    public var service: VirtualServiceID
    public var mode: InferredMode
    /// 0…1.
    public var confidence: Double
    public var evidence: [Evidence]
    public var realServers: [RealServer]
    public var localAddresses: [IPAddress]
    /// Client connections to the VIP seen anywhere.
    public var connections: Int
    /// MACs that carried the VIP (answered ARP/ND for it, or received client→VIP frames).
    public var vipMACs: [MACAddress]
    /// The director's MACs (client side first) when known.
    public var directorMACs: [MACAddress]

    public init(service: VirtualServiceID, mode: InferredMode, confidence: Double, evidence: [Evidence],
                realServers: [RealServer], localAddresses: [IPAddress], connections: Int,
                vipMACs: [MACAddress] = [], directorMACs: [MACAddress] = []) {
        self.service = service
        self.mode = mode
        self.confidence = confidence
        self.evidence = evidence
        self.realServers = realServers
        self.localAddresses = localAddresses
        self.connections = connections
        self.vipMACs = vipMACs
        self.directorMACs = directorMACs
    }
}
