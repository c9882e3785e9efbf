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
}
