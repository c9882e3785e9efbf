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
public struct Correlator: Sendable {
    public let records: [FlowRecord]
    /// Capture point (input) names, by input index.
    public let points: [String]
    /// Weak matches must be this close in corrected time.
    public var windowNanoseconds: Int64 = 100_000_000
    /// From this many groups of records on, legs are stitched on two threads (below it a
    /// second thread costs more than it saves; tests lower it).
    var parallelGroups = 4096
    /// Groups stitched at a time by one of the two threads (a few dozen chunks on the
    /// benchmark: enough for both to finish together, few enough to join cheaply).
    var groupsPerChunk = 2048
    /// Per record, read on every step: input, 5-tuple, first-packet time (a column each,
    /// so the steps do not walk the large records).
    let inputs: [Int]
    let tuples: [TupleKey]
    let times: [Int64]
    /// Step 1's keys: a SYN's and a strong request's per record, the value being the
    /// record's index and the kind of content (its evidence bit).
    let strongKeys: [KeyedValue]
    /// Per record: its packets used two originator-direction links (`mayHoldLegs`).
    let twoLinks: [Bool]
    /// Per record: its uid (the result's membership by uid).
    let uids: [FlowUID]

    public init(records: [FlowRecord], points: [String]) {
        self.records = records
        self.points = points
        // One pass over the (440-byte) records for every column: each pass of its own
        // would fetch them from memory again.
        var inputs: [Int] = [], tuples: [TupleKey] = [], times: [Int64] = [], twoLinks: [Bool] = []
        var keyed: [KeyedValue] = [], uids: [FlowUID] = []
        inputs.reserveCapacity(records.count)
        uids.reserveCapacity(records.count)
        tuples.reserveCapacity(records.count)
        times.reserveCapacity(records.count)
        twoLinks.reserveCapacity(records.count)
        keyed.reserveCapacity(records.count * 2)
        for i in records.indices {
            inputs.append(records[i].input)
            uids.append(records[i].uid)
            tuples.append(TupleKey(records[i]))
            times.append((records[i].fingerprint.firstPacketTime ?? records[i].firstTime).rawValue)
            var links = 0
            for leg in records[i].linkLegs where leg.direction == .orig { links += 1 }
            twoLinks.append(links > 1)
            if let key = Self.synKey(records[i]) {
                keyed.append(KeyedValue(key: key, value: UInt64(i) << 8 | UInt64(MatchEvidence.syn.rawValue)))
            }
            if let key = Self.requestKey(records[i], strong: true) {
                keyed.append(KeyedValue(key: key, value: UInt64(i) << 8 | UInt64(MatchEvidence.request.rawValue)))
            }
        }
        self.inputs = inputs
        self.tuples = tuples
        self.times = times
        self.twoLinks = twoLinks
        self.uids = uids
        strongKeys = keyed
    }

    public func correlate() -> CorrelationResult {
        var sets = UnionFind(count: records.count)
        var evidence = [MatchEvidence](repeating: [], count: records.count)
        tieStrong(&sets, &evidence)
        var groups = RecordGroups(&sets, count: records.count)
        let reference = referenceInput(groups)
        let offsets = clockOffsets(groups, reference: reference)
        tieWeak(&sets, &evidence, offsets: offsets)
        groups = RecordGroups(&sets, count: records.count)
        var connections = stitch(groups, offsets: offsets, evidence: evidence)
        // Groups come in record order, which is nearly time order: when the connections
        // are in order already, they are not copied into a sorted list, and the ids are
        // compared only where two connections start at the same time.
        var inOrder = true
        connections.withUnsafeBufferPointer { c in
            var previous = Timestamp(rawValue: .min)
            for i in c.indices {
                let time = c[i].firstTime
                if time < previous || (i > 0 && time == previous && c[i].id < c[i - 1].id) {
                    inOrder = false
                    return
                }
                previous = time
            }
        }
        if !inOrder {
            let keys = connections.map { ($0.firstTime.rawValue, $0.id) }
            connections = connections.indices.sorted { keys[$0] < keys[$1] }.map { connections[$0] }
        }
        let members = membership(connections)
        let referencePoint = points.indices.contains(reference) ? points[reference] : ""
        return CorrelationResult(reference: reference, referencePoint: referencePoint,
                                 clockOffsets: offsets.report, connections: connections,
                                 members: members, memberUIDs: uids)
    }

    /// Step 4 for every group: each group's legs depend on its records alone, so with
    /// many groups they are stitched in chunks on two threads (`inParallelChunks`), and
    /// the chunks joined in group order.
    func stitch(_ groups: RecordGroups, offsets: OffsetEstimate, evidence: [MatchEvidence]) -> [ServiceConnection] {
        let count = groups.count
        guard count >= parallelGroups else { return stitch(groups, 0..<count, offsets, evidence) }
        return inParallelChunks(count: count, chunkSize: groupsPerChunk) { [self] range in
            stitch(groups, range, offsets, evidence)
        }
    }

    private func stitch(_ groups: RecordGroups, _ range: Range<Int>, _ offsets: OffsetEstimate,
                        _ evidence: [MatchEvidence]) -> [ServiceConnection] {
        var connections: [ServiceConnection] = []
        var scratch = LegScratch()
        for g in range where mayHoldLegs(groups[g]) {
            let legs = buildLegs(groups[g], offsets: offsets, scratch: &scratch)
            guard legs.count >= 2 else { continue }
            let merged = groups[g].reduce(into: MatchEvidence()) { $0.formUnion(evidence[$1]) }
            connections.append(ServiceConnection(id: connectionID(legs, &scratch.uids), legs: legs, evidence: merged))
        }
        return connections
    }

    /// A group can make two legs when it holds two 5-tuples, or a record whose packets
    /// used two originator-direction links (forwarded, or encapsulated).
    func mayHoldLegs(_ group: ArraySlice<Int>) -> Bool {
        guard let first = group.first else { return false }
        let tuple = tuples[first]
        for i in group where tuples[i] != tuple || twoLinks[i] { return true }
        return false
    }

    /// `S` + base32 of FNV-1a over the distinct uids of the legs' records, sorted
    /// (`uids` is scratch, reused across connections).
    private func connectionID(_ legs: [ConnectionLeg], _ uids: inout [FlowUID]) -> String {
        uids.removeAll(keepingCapacity: true)
        for l in legs.indices {
            for o in legs[l].observations.indices { uids.append(legs[l].observations[o].uid) }
        }
        uids.sort()
        var hash = FNV1a()
        for k in uids.indices where k == 0 || uids[k] != uids[k - 1] { hash.add(uids[k].rawValue) }
        return "S" + Base32.encode(hash.value)
    }

    /// Each stitched record's connection and rewrites, by record index.
    private func membership(_ connections: [ServiceConnection]) -> [CorrelationResult.Member?] {
        var byIndex = [CorrelationResult.Member?](repeating: nil, count: records.count)
        // By index: a `for leg in` would copy each leg (and observation) out of its array.
        for index in connections.indices {
            for l in connections[index].legs.indices {
                let rewrites = connections[index].legs[l].rewrites
                for o in connections[index].legs[l].observations.indices {
                    // A record seen on several legs joins their rewrites.
                    let record = connections[index].legs[l].observations[o].record
                    byIndex[record] = (index, (byIndex[record]?.rewrites ?? Rewrite()).union(rewrites))
                }
            }
        }
        return byIndex
    }

    /// A record's first-packet time (the fingerprinted packet's, else its first packet's).
    func time(_ index: Int) -> Int64 { times[index] }
}
