import LVSFlows
import LVSWire

/// What the frames of one capture input say about where it was taken: which MACs belong
/// to the capturing host, and whether it saw frames between other hosts (a switch port or
/// bridge, DR's shared segment).
///
/// On a non-promiscuous capture every unicast frame has the host's MAC at one end, so the
/// host is the MAC common to all service frames: one MAC when it talked to several
/// neighbours, two when the capture holds one link only (its end cannot be told from the
/// frames), none when the capture saw several hosts' frames. A Linux cooked capture says
/// instead which frames the host sent (`PACKET_OUTGOING`).
struct PointProfile {
    enum Link: Equatable {
        /// The host's MAC is known.
        case host
        /// Every frame is between the same two MACs.
        case singleLink
        /// No MAC common to every frame: frames between several hosts.
        case promiscuous
        /// No link-layer addresses (raw IP), or no TCP/UDP frames.
        case unknown
    }

    var name: String
    var input: Int
    /// Indexes into the records of the analysis, this input's TCP and UDP flows.
    var records: [Int]
    var link: Link
    /// The host's MAC(s), or both ends of the single link.
    var hostMACs: Set<MACAddress>
    /// Distinct unicast MACs in the service frames.
    var macCount: Int
    var cooked: Bool
    /// The distinct unicast MAC pairs of the service frames (Ethernet only).
    var macPairs: Set<Set<MACAddress>> = []

    var hasHostMAC: Bool { link == .host }

    /// Every frame has one of `macs` at one end: the capture is of those hosts' links
    /// (two interfaces of one director merged into one file, for instance).
    func everyFrameInvolves(_ macs: Set<MACAddress>) -> Bool {
        !macPairs.isEmpty && macPairs.allSatisfy { !$0.isDisjoint(with: macs) }
    }
}
