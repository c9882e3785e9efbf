import LVSWire

/// Where the director sits: its interfaces on the client side and on the real-server
/// side, who its neighbours are, and where the routes go. The kernel learns these from
/// its interfaces, its routing table and its ARP/ND cache; a replay states them.
public struct DirectorTopology: Sendable {
    /// One side's interface.
    public struct Interface: Sendable {
        public var mac: MACAddress
        /// The director's own addresses on this side (DIP on the real-server side); VIPs
        /// and FULL-NAT local addresses come from the deployment.
        public var addresses: [IPAddress]
        /// The interface MTU (route MTU toward that side).
        public var mtu: Int

        public init(mac: MACAddress, addresses: [IPAddress], mtu: Int = 1500) {
            self.mac = mac
            self.addresses = addresses
            self.mtu = mtu
        }
    }

    public var clientSide: Interface
    public var realServerSide: Interface
    /// The next hop toward clients (the upstream router's MAC).
    public var clientRouter: MACAddress
    /// On-link hosts of the real-server side: RIP → MAC (the ARP/ND cache).
    public var neighbours: [IPAddress: MACAddress]
    /// The next hop for real servers that are not on link (routed TUN/FULL-NAT
    /// destinations, or the "DR real server behind a router" misconfiguration); nil when
    /// every real server must be a neighbour.
    public var realServerGateway: MACAddress?
    /// Explicit outer source addresses for tunnels; by default the first real-server-side
    /// address of the family (the route's preferred source toward the RIP).
    public var tunnelSourceIPv4: IPv4Address?
    public var tunnelSourceIPv6: IPv6Address?
    /// Real servers reached through the client-side interface: a director whose DR real
    /// servers share the segment it receives client traffic on, while other services' real
    /// servers sit behind its second NIC. Frames toward them leave by `.client`.
    public var clientSideRealServers: Set<IPAddress>

    public init(clientSide: Interface, realServerSide: Interface, clientRouter: MACAddress,
                neighbours: [IPAddress: MACAddress], realServerGateway: MACAddress? = nil,
                tunnelSourceIPv4: IPv4Address? = nil, tunnelSourceIPv6: IPv6Address? = nil,
                clientSideRealServers: Set<IPAddress> = []) {
        self.clientSide = clientSide
        self.realServerSide = realServerSide
        self.clientRouter = clientRouter
        self.neighbours = neighbours
        self.realServerGateway = realServerGateway
        self.tunnelSourceIPv4 = tunnelSourceIPv4
        self.tunnelSourceIPv6 = tunnelSourceIPv6
        self.clientSideRealServers = clientSideRealServers
    }

    public func interface(_ side: Side) -> Interface {
        side == .client ? clientSide : realServerSide
    }

    /// The side a frame toward real server `address` leaves by.
    public func side(toward address: IPAddress) -> Side {
        clientSideRealServers.contains(address) ? .client : .realServer
    }

    /// The MAC to send to for `address` on the real-server side: the neighbour entry, else
    /// the gateway.
    public func nextHop(toward address: IPAddress) -> MACAddress? {
        neighbours[address] ?? realServerGateway
    }

    /// The tunnel's outer source toward a real server of the IPv4 family.
    public var ipv4TunnelSource: IPv4Address? {
        tunnelSourceIPv4 ?? realServerSide.addresses.lazy.compactMap { address -> IPv4Address? in
            if case let .v4(a) = address { return a }
            return nil
        }.first
    }

    public var ipv6TunnelSource: IPv6Address? {
        tunnelSourceIPv6 ?? realServerSide.addresses.lazy.compactMap { address -> IPv6Address? in
            if case let .v6(a) = address { return a }
            return nil
        }.first
    }

    /// The director's address of `family` on `side`, used as the source of ICMP errors
    /// about forwarded (not locally addressed) packets.
    public func address(on side: Side, ipv4: Bool) -> IPAddress? {
        interface(side).addresses.first { $0.isIPv4 == ipv4 }
    }
}
