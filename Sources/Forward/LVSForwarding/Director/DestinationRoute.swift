import LVSWire

/// Where frames toward one real server go: the side they leave by and the next hop's MAC
/// (`DirectorTopology.side(toward:)` and `nextHop(toward:)`, the `__ip_vs_get_out_rt`
/// route lookup). A director resolves it once per destination, since a real server's
/// address is fixed for the life of its service, instead of hashing the address twice
/// per forwarded request.
struct DestinationRoute: Sendable {
    var side: Side
    /// nil when the real server is neither a neighbour nor behind a gateway.
    var nextHop: MACAddress?

    init(toward address: IPAddress, in topology: DirectorTopology) {
        side = topology.side(toward: address)
        nextHop = topology.nextHop(toward: address)
    }
}
