import LVSWire

/// One connection through the load balancer, stitched from its legs as seen at every
/// capture point (DESIGN.md §3; Zeek's `tunnel_parents` extended to NAT legs).
public struct ServiceConnection: Hashable, Sendable {
    /// `S` + base32 of FNV-1a 64 over the uids of its flow records, sorted.
    public var id: String
    /// Client side first, in forwarding order.
    public var legs: [ConnectionLeg]
    /// The content that matched the legs.
    public var evidence: MatchEvidence

    public init(id: String, legs: [ConnectionLeg], evidence: MatchEvidence) {
        self.id = id
        self.legs = legs
        self.evidence = evidence
    }

    /// Every field rewritten on any hop.
    public var rewrites: Rewrite { legs.reduce(into: Rewrite()) { $0.formUnion($1.rewrites) } }

    /// The first packet of any leg, on the reference clock.
    public var firstTime: Timestamp {
        var first = legs.isEmpty ? Timestamp(rawValue: 0) : legs[0].firstTime
        // By index: a `for leg in` copies each leg (and retains its lists).
        for l in legs.indices where legs[l].firstTime < first { first = legs[l].firstTime }
        return first
    }
}
