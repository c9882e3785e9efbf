import LVSConfig
import LVSForwarding
import LVSWire

/// What `lvscope replay --live` forwards between.
public struct LiveOptions: Sendable {
    /// The interface facing the clients (holds the VIP's traffic).
    public var clientInterface: String
    /// The interface facing the real servers; the same name for a director on one segment.
    public var realServerInterface: String
    /// MACs default to the interfaces' own; the router is learned from the first client
    /// frame; real servers' MACs are asked by ARP at start.
    public var overrides: TopologyOverrides
    public var settings: DirectorSettings?
    /// Stop after this many seconds (wall clock); nil runs until told to stop.
    public var duration: Double?
    /// Also write every frame the director sends to this pcap.
    public var outputPath: String?
    /// How long to wait for the real servers' ARP replies at start.
    public var resolveSeconds: Double

    public init(clientInterface: String, realServerInterface: String,
                overrides: TopologyOverrides = TopologyOverrides(),
                settings: DirectorSettings? = nil, duration: Double? = nil, outputPath: String? = nil,
                resolveSeconds: Double = 2) {
        self.clientInterface = clientInterface
        self.realServerInterface = realServerInterface
        self.overrides = overrides
        self.settings = settings
        self.duration = duration
        self.outputPath = outputPath
        self.resolveSeconds = resolveSeconds
    }
}

/// What a live run did.
public struct LiveResult: Sendable {
    public var profile: KernelProfile
    /// The topology the director ran with (nil when no client frame ever arrived, so the
    /// router was never learned and the director never started).
    public var topology: DirectorTopology?
    public var counts = ReplayCounts()
    /// Frames sent out of each side.
    public var sentToClients = 0
    public var sentToRealServers = 0
    /// ARP requests answered for the director's own addresses.
    public var arpAnswered = 0
}
