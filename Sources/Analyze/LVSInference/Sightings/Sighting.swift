import LVSCapture
import LVSWire

/// One client connection as the captures show it (each sighting is a different
/// connection), and what it says about the forwarding
/// mode: stitched across its legs when correlation tied them, else one 5-tuple seen at one
/// or more capture points. Verdicts count and weigh these.
struct Sighting {
    /// A real server as this connection shows it; the address is unknown when only its MAC
    /// was seen (a DR real server that never spoke ARP in the captures).
    struct Server: Hashable {
        var address: IPAddress?
        var port: UInt16
        var mac: MACAddress?
    }

    var protocolNumber: IPProtocol
    /// The VIP side, when visible (it is not at a NAT or FULL-NAT real server).
    var service: VirtualServiceID?
    /// The real server's address and port as requests reach it (NAT, FULL-NAT): what a
    /// configuration lists, used to find the service when the VIP is not visible.
    var serverSide: (address: IPAddress, port: UInt16)?
    /// The originator of the leg that identifies the connection: the client on the VIP
    /// leg, else whoever the real server saw (a client, or a FULL-NAT local address).
    var origin: (address: IPAddress, port: UInt16)
    var mode: InferredMode?
    var basis: ModeBasis?
    var server: Server?
    var localAddress: IPAddress?
    /// The MAC client→VIP frames were addressed to on their way into the director.
    var vipMAC: MACAddress?
    /// The director's MACs: where requests came in, then where they left.
    var directorMACs: [MACAddress] = []
    /// A request that no director forwarded went straight to this MAC.
    var directTo: MACAddress?
    /// The records whose first packets are its evidence (at most two): indexes into
    /// `InferenceContext.records`, made into references only for the few sightings that
    /// evidence cites.
    var packetRecords: (first: Int?, second: Int?) = (nil, nil)
    /// Capture inputs and sub-points that saw it, sorted.
    var inputs: [Int] = []
    var subPoints: [CapturePointName] = []
    /// Extra words for the evidence (MSS, TTL, TOA).
    var detail: String?
    /// What an undecided connection still shows (replies forwarded by the director, but
    /// nothing to tell NAT from FULL-NAT).
    var hint: String?

    init(protocolNumber: IPProtocol, origin: (address: IPAddress, port: UInt16)) {
        self.protocolNumber = protocolNumber
        self.origin = origin
    }

    var isDecided: Bool { mode != nil }

    /// The evidence packets, in the order they were recorded.
    func packets(_ context: InferenceContext) -> [PacketReference] {
        [packetRecords.first, packetRecords.second].compactMap { $0.map { context.reference(context.records[$0]) } }
    }
}
