/// A connection leg while `Correlator` builds it: a 5-tuple, the side of a forwarding
/// host it lies on (`hop` 0 before, 1 after), its originator-direction link legs
/// (distinct; a group holds a handful), and the records (with their links on this leg)
/// that saw it.
struct LegDraft {
    var tuple: TupleKey
    var hop: Int
    var links: [LinkLeg] = []
    var members: [(record: Int, links: [LinkLeg])] = []

    init(tuple: TupleKey, hop: Int) {
        self.tuple = tuple
        self.hop = hop
    }

    mutating func add(_ record: Int, _ recordLinks: [LinkLeg]) {
        members.append((record, recordLinks))
        for link in recordLinks where !links.contains(link) { links.append(link) }
    }
}
