import LVSWire

/// Working lists `Correlator.buildLegs` reuses from one group of records to the next
/// (emptied, capacity kept), so that a connection's legs cost no allocation beyond the
/// `ConnectionLeg` values themselves (STYLE.md §9).
struct LegScratch {
    /// The group's records ordered by 5-tuple (stably): each tuple's records form a run.
    var byTuple: [Int] = []
    /// The runs of `byTuple`, ordered client side first.
    var runs: [Range<Int>] = []
    /// The records of every draft, each draft's contiguous.
    var draftRecords: [Int] = []
    var drafts: [LegDraft] = []
    /// `forwardingHost`'s originator links, reply sources and candidate hosts of one run.
    var links: [LinkLeg] = []
    var replySources: [MACAddress] = []
    var candidates: [MACAddress] = []
    /// The uids of one connection's observations, for its id.
    var uids: [FlowUID] = []
    /// Link lists handed out lately, by a hash of their content (`sharedLinks`).
    private var recentLinks = [[LinkLeg]](repeating: [], count: 64)

    /// `links` as a list of its own, shared with an equal one handed out lately: the legs
    /// of one capture's connections mostly repeat a few MAC pairs, and a list of its own
    /// per observation was an allocation (and later a free) each.
    mutating func sharedLinks() -> [LinkLeg] {
        guard !links.isEmpty else { return [] }
        var hash = UInt64(links.count)
        for link in links {
            let macs = (link.source?.rawValue ?? 1 << 48) &* 0x9E37_79B9 ^ (link.destination?.rawValue ?? 1 << 49)
            let flags = UInt64(link.cookedPacketType ?? 0xFF) << 56 | (link.encapsulated ? 1 << 55 : 0)
            hash = FlowKey.mix(hash, macs ^ flags)
        }
        let slot = Int(truncatingIfNeeded: hash) & (recentLinks.count - 1)
        if recentLinks[slot] == links { return recentLinks[slot] }
        // A list of exactly these links (a copy of `links` would share its buffer until
        // the next group's first change).
        let made = [LinkLeg](unsafeUninitializedCapacity: links.count) { buffer, count in
            count = buffer.initialize(from: links).1
        }
        recentLinks[slot] = made
        return made
    }
}
