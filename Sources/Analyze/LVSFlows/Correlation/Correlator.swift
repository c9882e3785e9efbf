import LVSWire

/// Recognises the same connection in the flow records of several capture points and on
/// its several legs, although the director rewrote addresses, ports, sequence numbers or
/// MACs, or encapsulated it (DESIGN.md §3).
///
/// 1. Records are tied by content LVS never rewrites (`FlowFingerprint`): the SYN (IP ID,
///    sequence number, window, timestamp) and the first request (payload digest, length,
///    timestamp or IP ID). Time plays no part in this step.
/// 2. Each point's clock offset to the reference point is the median difference of the
///    first-packet times of the records so tied (chained through other points if needed).
/// 3. Weaker content (a SYN whose sequence number FULL-NAT rewrote and whose timestamp it
///    removed; a request without timestamp or IP ID) ties records only within a short
///    window of offset-corrected time, and only when no point holds two candidates.
/// 4. Within each group, records split into legs by 5-tuple, and a tuple seen both
///    before and after a forwarding host (DR's director, or the tunnel) splits again at
///    that host. Legs are ordered client side first; consecutive legs give the rewrites.
public struct Correlator {
    public let records: [FlowRecord]
    /// Capture point (input) names, by input index.
    public let points: [String]
    /// Weak matches must be this close in corrected time.
    public var windowNanoseconds: Int64 = 100_000_000

    public init(records: [FlowRecord], points: [String]) {
        self.records = records
        self.points = points
    }

    public func correlate() -> CorrelationResult {
        var sets = UnionFind(count: records.count)
        var evidence = [MatchEvidence](repeating: [], count: records.count)
        tieStrong(&sets, &evidence)
        let reference = referenceInput(groups(&sets))
        let offsets = clockOffsets(groups(&sets), reference: reference)
        tieWeak(&sets, &evidence, offsets: offsets)
        var connections: [ServiceConnection] = []
        for group in groups(&sets) {
            let legs = buildLegs(group, offsets: offsets)
            guard legs.count >= 2 else { continue }
            let uids = legs.flatMap { $0.observations.map(\.uid.description) }.sorted()
            var hash = FNV1a()
            for uid in Set(uids).sorted() { hash.add(uid) }
            connections.append(ServiceConnection(id: "S" + Base32.encode(hash.value), legs: legs,
                                                 evidence: group.reduce(into: MatchEvidence()) { $0.formUnion(evidence[$1]) }))
        }
        connections.sort { ($0.firstTime, $0.id) < ($1.firstTime, $1.id) }
        return CorrelationResult(reference: reference, referencePoint: points.indices.contains(reference) ? points[reference] : "",
                                 clockOffsets: offsets.report, connections: connections,
                                 membership: membership(connections))
    }

    /// Record indices per set, each sorted, sets ordered by their smallest member.
    func groups(_ sets: inout UnionFind) -> [[Int]] {
        var byRoot: [Int: [Int]] = [:]
        for i in records.indices { byRoot[sets.find(i), default: []].append(i) }
        return byRoot.values.sorted { $0[0] < $1[0] }
    }

    private func membership(_ connections: [ServiceConnection]) -> [FlowUID: (connection: Int, rewrites: Rewrite)] {
        var result: [FlowUID: (connection: Int, rewrites: Rewrite)] = [:]
        for (index, connection) in connections.enumerated() {
            for leg in connection.legs {
                for observation in leg.observations {
                    let previous = result[observation.uid]?.rewrites ?? []
                    result[observation.uid] = (index, previous.union(leg.rewrites))
                }
            }
        }
        return result
    }

    /// A record's first-packet time (the fingerprinted packet's, else its first packet's).
    func time(_ index: Int) -> Int64 {
        (records[index].fingerprint.firstPacketTime ?? records[index].firstTime).rawValue
    }
}
