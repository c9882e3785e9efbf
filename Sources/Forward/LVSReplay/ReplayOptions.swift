import LVSCapture
import LVSForwarding
import LVSWire

/// What to replay and what to compare it with.
public struct ReplayOptions: Sendable {
    /// The captures whose frames are fed to the director (`NAME=PATH` or `PATH`).
    public var inputs: [CaptureInput]
    /// The captures holding what the real director emitted (`--against`).
    public var against: [CaptureInput]
    /// Where the emitted frames are written (pcap, Ethernet, nanosecond timestamps).
    public var outputPath: String?
    public var overrides: TopologyOverrides
    /// When the real director sent a connection to another configured real server than the
    /// model's scheduler chose, compare the rest of each packet as if the model had chosen
    /// that server too, and report the disagreement apart (not as a difference).
    public var schedulerAgnostic: Bool
    /// The director's tunables; nil takes the kernel profile's defaults.
    public var settings: DirectorSettings?
    /// How far apart in time an expected emission and its observed copy may be.
    public var alignmentWindow: Int64
    /// Hears how far reading the inputs has got on long runs.
    public var progress: ReadProgressHandler?

    public init(inputs: [CaptureInput], against: [CaptureInput] = [], outputPath: String? = nil,
                overrides: TopologyOverrides = TopologyOverrides(), schedulerAgnostic: Bool = true,
                settings: DirectorSettings? = nil, alignmentWindow: Int64 = 1_000_000_000,
                progress: ReadProgressHandler? = nil) {
        self.inputs = inputs
        self.against = against
        self.outputPath = outputPath
        self.overrides = overrides
        self.schedulerAgnostic = schedulerAgnostic
        self.settings = settings
        self.alignmentWindow = alignmentWindow
        self.progress = progress
    }
}

/// Topology facts given by the operator; each one wins over what the captures suggest.
public struct TopologyOverrides: Sendable {
    /// The director's client-side MAC (`--director-mac`).
    public var directorMAC: MACAddress?
    /// The director's real-server-side MAC (`--director-rs-mac`).
    public var realServerSideMAC: MACAddress?
    /// The next hop toward clients (`--router-mac`).
    public var routerMAC: MACAddress?
    /// Real-server MACs (`--real-server RIP=MAC`).
    public var realServers: [IPAddress: MACAddress]
    /// The director's own addresses on the real-server side (DIP, `--dip`).
    public var realServerSideAddresses: [IPAddress]
    /// Both sides' MTU (`--mtu`).
    public var mtu: Int?

    public init(directorMAC: MACAddress? = nil, realServerSideMAC: MACAddress? = nil, routerMAC: MACAddress? = nil,
                realServers: [IPAddress: MACAddress] = [:], realServerSideAddresses: [IPAddress] = [],
                mtu: Int? = nil) {
        self.directorMAC = directorMAC
        self.realServerSideMAC = realServerSideMAC
        self.routerMAC = routerMAC
        self.realServers = realServers
        self.realServerSideAddresses = realServerSideAddresses
        self.mtu = mtu
    }
}
