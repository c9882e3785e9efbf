import LVSWire

/// A connection leg while `Correlator` builds it: a 5-tuple, the side of a forwarding
/// host it lies on, and the records that saw it. Its records are a range of the
/// correlator's scratch list (`LegScratch.draftRecords`), and its links are those of its
/// records' originator-direction link legs that lie on its side: nothing is copied.
struct LegDraft {
    /// A record holding the leg's 5-tuple (an index into `Correlator.tuples`).
    var tupleRecord: Int
    /// The leg's records: positions in `LegScratch.draftRecords`.
    var members: Range<Int>
    /// The leg lies after the forwarding host (hop 1), else before it (hop 0).
    var after: Bool
    /// The host the tuple was seen on both sides of, if any.
    var forwarder: MACAddress?

    /// Whether `link` belongs to this leg (rather than to the other side of the host).
    func holds(_ link: LinkLeg) -> Bool { Self.isAfter(link, forwarder: forwarder) == after }

    /// Encapsulated links always lie after the host; otherwise those the host sent (to a
    /// next hop, or outgoing in its own cooked capture).
    static func isAfter(_ link: LinkLeg, forwarder: MACAddress?) -> Bool {
        link.encapsulated || (forwarder != nil && link.source == forwarder
            && (link.destination != nil || link.isOutgoing))
    }
}
