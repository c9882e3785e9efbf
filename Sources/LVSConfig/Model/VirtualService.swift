import LVSWire

/// One IPVS virtual service (`struct ip_vs_service`) with its destinations: an ipvsadm
/// `-A` line and its `-a` lines, or a keepalived `virtual_server` block (a
/// `virtual_server group` block gives one service per group entry).
public struct VirtualService: Hashable, Sendable, Codable {
    public var key: ServiceKey
    public var scheduler: SchedulerKind
    public var schedulerFlags: SchedulerFlags
    /// nil when the service is not persistent.
    public var persistence: Persistence?
    /// Persistence engine (`--pe sip`, keepalived `persistence_engine`).
    public var persistenceEngine: String?
    /// One-packet scheduling (`-o|--ops`, keepalived `ops`, `IP_VS_SVC_F_ONEPACKET`).
    public var onePacket: Bool
    /// DPVS SYN proxy (`-j enable`, keepalived `syn_proxy`).
    public var synproxy: Bool
    /// In configuration order, which is the kernel's destination list order when the
    /// configuration is applied, and the order schedulers walk.
    public var realServers: [RealServer]
    /// FULL-NAT local addresses, in configuration order.
    public var localAddresses: [LocalAddress]
    /// keepalived `sorry_server`: added only while every real server is down.
    public var sorryServer: RealServer?

    public init(
        key: ServiceKey, scheduler: SchedulerKind = .default, schedulerFlags: SchedulerFlags = [],
        persistence: Persistence? = nil, persistenceEngine: String? = nil, onePacket: Bool = false,
        synproxy: Bool = false, realServers: [RealServer] = [], localAddresses: [LocalAddress] = [],
        sorryServer: RealServer? = nil
    ) {
        self.key = key
        self.scheduler = scheduler
        self.schedulerFlags = schedulerFlags
        self.persistence = persistence
        self.persistenceEngine = persistenceEngine
        self.onePacket = onePacket
        self.synproxy = synproxy
        self.realServers = realServers
        self.localAddresses = localAddresses
        self.sorryServer = sorryServer
    }

    public var family: AddressFamily { key.family }

    /// `sh-fallback` / `mh-fallback`: the hashing schedulers look for another server
    /// when the chosen one is unavailable.
    public var hashFallback: Bool { scheduler.readsSchedulerFlags && schedulerFlags.contains(.flag1) }

    /// `sh-port` / `mh-port`: the hashing schedulers include the client port.
    public var hashesClientPort: Bool { scheduler.readsSchedulerFlags && schedulerFlags.contains(.flag2) }

    /// The forwarding modes used by the real servers, in first-use order.
    public var modes: [ForwardingMode] {
        var seen: [ForwardingMode] = []
        for server in realServers where !seen.contains(server.mode) { seen.append(server.mode) }
        return seen
    }

    /// The real server with this address (and port, when given).
    public func realServer(_ address: IPAddress, port: UInt16? = nil) -> RealServer? {
        realServers.first { $0.address == address && (port == nil || $0.port == port) }
    }
}
