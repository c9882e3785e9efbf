import LVSWire

extension Correlator {
    /// Step 1: ties records that share a SYN or a request fingerprint that identifies one
    /// connection on its own.
    func tieStrong(_ sets: inout UnionFind, _ evidence: inout [MatchEvidence]) {
        var bySYN: [UInt64: [Int]] = [:]
        var byRequest: [UInt64: [Int]] = [:]
        for (i, record) in records.enumerated() {
            if let key = synKey(record) { bySYN[key, default: []].append(i) }
            if let key = requestKey(record, strong: true) { byRequest[key, default: []].append(i) }
        }
        for (bucket, mark) in [(bySYN, MatchEvidence.syn), (byRequest, .request)] {
            for members in bucket.values where members.count > 1 {
                for i in members {
                    sets.union(members[0], i)
                    evidence[i].insert(mark)
                }
            }
        }
    }

    /// Step 3: ties records by weaker content. Only groups that so far hold a single
    /// 5-tuple (one leg) take part, and a cluster of corrected time is accepted only when
    /// it joins two tuples with at most one record per point and tuple: a second
    /// connection with the same content would bring more.
    func tieWeak(_ sets: inout UnionFind, _ evidence: inout [MatchEvidence], offsets: OffsetEstimate) {
        var tuples: [Int: Set<TupleKey>] = [:]
        for i in records.indices { tuples[sets.find(i), default: []].insert(TupleKey(records[i])) }
        var bySYN: [UInt64: [Int]] = [:]
        var byRequest: [UInt64: [Int]] = [:]
        for (i, record) in records.enumerated() where tuples[sets.find(i)]?.count == 1 {
            if let key = weakSYNKey(record) { bySYN[key, default: []].append(i) }
            if requestKey(record, strong: true) == nil, let key = requestKey(record, strong: false) {
                byRequest[key, default: []].append(i)
            }
        }
        for (bucket, mark) in [(bySYN, MatchEvidence.synWithinWindow), (byRequest, .requestWithinWindow)] {
            for members in bucket.values.sorted(by: { $0[0] < $1[0] }) where members.count > 1 {
                for cluster in clusters(members, offsets: offsets) where isClean(cluster) {
                    for i in cluster {
                        sets.union(cluster[0], i)
                        evidence[i].insert(mark)
                    }
                }
            }
        }
    }

    private func clusters(_ members: [Int], offsets: OffsetEstimate) -> [[Int]] {
        let sorted = members.sorted { (offsets.corrected(time($0), input: records[$0].input), $0)
            < (offsets.corrected(time($1), input: records[$1].input), $1) }
        var result: [[Int]] = []
        var last = Int64.min
        for i in sorted {
            let t = offsets.corrected(time(i), input: records[i].input)
            if result.isEmpty || t - last > windowNanoseconds { result.append([i]) } else { result[result.count - 1].append(i) }
            last = t
        }
        return result.filter { $0.count > 1 }
    }

    /// Exactly two 5-tuples, and no point with two records of one tuple.
    private func isClean(_ cluster: [Int]) -> Bool {
        var seen = Set<String>()
        var tuples = Set<TupleKey>()
        for i in cluster {
            let r = records[i]
            tuples.insert(TupleKey(r))
            guard seen.insert("\(r.input) \(r.point) \(TupleKey(r))").inserted else { return false }
        }
        return tuples.count == 2
    }

    func synKey(_ r: FlowRecord) -> UInt64? {
        guard r.protocolNumber == .tcp, let sequence = r.fingerprint.synSequence else { return nil }
        let f = r.fingerprint
        return key(1, UInt64(sequence) | UInt64(f.synWindow) << 32 | UInt64(f.firstIPID) << 48, UInt64(f.synTimestamp))
    }

    private func weakSYNKey(_ r: FlowRecord) -> UInt64? {
        let f = r.fingerprint
        guard r.protocolNumber == .tcp, f.synSequence != nil, f.firstIPID != 0 else { return nil }
        return key(2, UInt64(f.synWindow) | UInt64(f.firstIPID) << 16, 0)
    }

    /// TCP: digest, length and timestamp (strong when the timestamp is there). UDP and
    /// ICMP echo: digest, length and IP ID (strong when the IP ID is not 0).
    func requestKey(_ r: FlowRecord, strong: Bool) -> UInt64? {
        let f = r.fingerprint
        guard let digest = f.requestDigest else { return nil }
        let isTCP = r.protocolNumber == .tcp
        guard isTCP || r.protocolNumber == .udp || r.icmpIdentifier != nil else { return nil }
        let tag = isTCP ? UInt64(f.requestTimestamp) : UInt64(f.firstIPID)
        if strong, tag == 0 { return nil }
        return key(3 + UInt64(r.protocolNumber.rawValue) << 8, UInt64(digest) | UInt64(f.requestLength) << 32,
                   strong ? tag : 0)
    }

    private func key(_ kind: UInt64, _ a: UInt64, _ b: UInt64) -> UInt64 {
        FlowKey.mix(FlowKey.mix(FlowKey.mix(0x6A09_E667_F3BC_C908, kind), a), b)
    }
}
