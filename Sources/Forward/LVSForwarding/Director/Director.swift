import LVSConfig
import LVSWire

/// A model of one IPVS director: feed it the frames that reach its interfaces, in capture
/// order, and it emits what the kernel (or DPVS / Alibaba LVS, per `KernelProfile`) would
/// send out: rewritten frames, ICMP errors, or a drop with its reason.
///
/// It reproduces `ip_vs_in` / `ip_vs_out` (net/netfilter/ipvs/ip_vs_core.c): connection
/// lookup in both directions, scheduling and persistence, the TCP state tables, timeouts on
/// capture time, and the per-mode transmitters of ip_vs_xmit.c plus FULL-NAT. Time comes
/// only from the frames: every `process` call first fires the timers due by its time.
///
/// The per-packet path allocates nothing once its buffers are warm: output frames live in
/// the caller's reusable `Emissions`.
public struct Director: Sendable {
    public let deployment: Deployment
    public let profile: KernelProfile
    public let topology: DirectorTopology
    public let settings: DirectorSettings
    /// The profile's timeouts after the deployment's `ipvsadm --set`.
    public let timeouts: Timeouts
    var services: [ServiceState]
    private var serviceIndex: [ServiceKey: Int] = [:]
    /// The address services again, by `addressServiceKey`, for the lookup every new
    /// connection makes: a `ServiceKey` hashes its protocol's String raw value with a
    /// seeded `Hasher`.
    private var addressServices = FlowIndex()
    let virtualAddresses: AddressSet
    /// The VIPs, local (FULL-NAT) addresses and the director's own on both sides.
    let localAddresses: AddressSet
    let stateTable: TCPStateTable
    /// The route toward every destination, by service index then destination index.
    let routes: [[DestinationRoute]]
    /// IPv4 tunnel destinations and their encapsulation, for errors about tunnel packets.
    let tunnelDestinations: [IPAddress: TunnelOptions]
    public internal(set) var connections = ConnectionTable()
    var localPorts = LocalPortPools()
    /// The stand-in for `ip_select_ident` on packets the director builds without DF.
    var identification: UInt16 = 0

    public init(deployment: Deployment, profile: KernelProfile, topology: DirectorTopology,
                settings: DirectorSettings? = nil) {
        self.deployment = deployment
        self.profile = profile
        self.topology = topology
        let settings = settings ?? DirectorSettings(profile: profile)
        self.settings = settings
        timeouts = profile.timeouts.applying(deployment.timeoutOverrides)
        services = deployment.services.enumerated().map { index, service in
            ServiceState(service: service, profile: profile, settings: settings, index: index)
        }
        for (index, state) in services.enumerated() {
            serviceIndex[state.service.key] = index
            if case let .address(serviceProtocol, address, port) = state.service.key {
                addressServices.set(Self.addressServiceKey(serviceProtocol.ipProtocol, address, port), Int32(index))
            }
        }
        virtualAddresses = AddressSet(deployment.virtualAddresses)
        localAddresses = AddressSet(deployment.virtualAddresses + deployment.localAddresses
            + topology.clientSide.addresses + topology.realServerSide.addresses)
        stateTable = TCPStateTable(profile: profile, secureTCP: settings.secureTCP)
        routes = deployment.services.map { service in
            service.realServers.map { DestinationRoute(toward: $0.address, in: topology) }
        }
        var tunnels: [IPAddress: TunnelOptions] = [:]
        for server in deployment.services.flatMap(\.realServers) where server.mode == .tunnel && server.address.isIPv4 {
            tunnels[server.address] = server.tunnel ?? .ipip
        }
        tunnelDestinations = tunnels
    }

    /// Handles one frame that arrived on `side` at capture time `time`, appending what the
    /// director sends (or why it sends nothing) to `emissions`.
    public mutating func process(_ frame: UnsafeRawBufferPointer, from side: Side, at time: Timestamp,
                                 into emissions: inout Emissions) {
        advance(to: time, into: &emissions)
        let parsed: ParsedFrame
        switch ParsedFrame.parse(frame) {
        case let .parsed(value): parsed = value
        case let .dropped(reason): return emissions.drop(reason, at: time)
        }
        guard parsed.destinationMAC == topology.interface(side).mac else {
            return emissions.drop(.notForDirector, at: time)
        }
        guard !localAddresses.contains(parsed.source) else {
            return emissions.drop(.directReplyAtDirector, at: time)
        }
        let input = Input(frame: frame, parsed: parsed, side: side, time: time)
        if localAddresses.contains(parsed.destination) {
            handleLocal(input, into: &emissions)
        } else {
            handleForwarded(input, into: &emissions)
        }
    }

    /// Fires every timer due by `time` (entries expire, templates are released).
    public mutating func advance(to time: Timestamp, into emissions: inout Emissions) {
        while let (slot, firing) = connections.nextExpired(upTo: time) {
            expire(slot, at: firing, into: &emissions)
        }
    }

    /// The destinations of a service with their live counters (what `ipvsadm -Ln` shows).
    public func destinations(of key: ServiceKey) -> DestinationTable? {
        serviceIndex[key].map { services[$0].destinations }
    }

    /// `ip_vs_service_find` minus fwmarks: the exact service, else a persistent port-0 one.
    func serviceIndex(for proto: IPProtocol, address: IPAddress, port: UInt16) -> Int? {
        guard ServiceProtocol(proto) != nil else { return nil }
        if let exact = addressServices.find(Self.addressServiceKey(proto, address, port)) { return Int(exact) }
        guard let wildcard = addressServices.find(Self.addressServiceKey(proto, address, 0)).map(Int.init),
              services[wildcard].service.persistence != nil else { return nil }
        return wildcard
    }

    /// `<protocol, VIP, port>` as a `FlowKey` (the second endpoint repeats the VIP, port 0).
    static func addressServiceKey(_ proto: IPProtocol, _ address: IPAddress, _ port: UInt16) -> FlowKey {
        FlowKey(proto, address, port, address, 0)
    }

    func serviceIndex(of key: ServiceKey) -> Int? { serviceIndex[key] }

    /// The route toward an entry's real server (`real` is its destination's address).
    func route(of connection: Connection) -> DestinationRoute {
        routes[connection.service][connection.destination]
    }

    mutating func nextIdentification() -> UInt16 {
        identification &+= 1
        return identification
    }
}

/// One input frame with where and when it arrived.
struct Input {
    var frame: UnsafeRawBufferPointer
    var parsed: ParsedFrame
    var side: Side
    var time: Timestamp

    /// The IP packet (header to total length), without link padding.
    var packet: UnsafeRawBufferPointer { frame.slice(from: parsed.network, length: parsed.ipLength) }
}
