import LVSWire

/// What a `lvs_method` statement says: a forwarding mode and, for TUN, the tunnel.
struct ForwardingSpec: Hashable, Sendable {
    var mode: ForwardingMode
    var tunnel: TunnelOptions?
}

/// A real_server (or sorry_server) statement before the virtual server's defaults apply.
struct RealServerDraft: Sendable {
    var address: IPAddress
    var port: UInt16?
    var location: ConfigLocation
    var weight = 1
    var forwarding: ForwardingSpec?
    var upperThreshold = 0
    var lowerThreshold = 0
    var inhibitOnFailure: Bool?
}

/// The settings of one virtual_server block, collected statement by statement; turned
/// into services (one per key) once the block is complete, because keepalived applies
/// defaults and cross-checks at the end of the block.
struct VirtualServerDraft: Sendable {
    var scheduler: SchedulerKind = .default
    var forwarding: ForwardingSpec?
    var serviceProtocol: ServiceProtocol = .tcp
    /// nil: not set; 0: `persistence_timeout 0`, i.e. not persistent.
    var persistenceTimeout: Int?
    var granularity: KeepalivedToken?
    var persistenceEngine: String?
    var ops: KeepalivedToken?
    var flags: [KeepalivedToken] = []
    var family: AddressFamily?
    var synproxy = false
    var localAddressGroup: KeepalivedToken?
    var inhibitOnFailure = false
    var realServers: [RealServerDraft] = []
    var sorryServer: RealServerDraft?
}
