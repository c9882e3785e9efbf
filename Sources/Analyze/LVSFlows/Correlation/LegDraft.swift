/// A connection leg while `Correlator` builds it: a 5-tuple, the side of a forwarding
/// host it lies on (`hop` 0 before, 1 after), its originator-direction link legs, and
/// the records (with their links on this leg) that saw it.
struct LegDraft {
    var tuple: TupleKey
    var hop: Int
    var links: Set<LinkLeg>
    var members: [(record: Int, links: [LinkLeg])]
}
