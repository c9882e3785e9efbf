import LVSWire

extension Correlator {
    /// Step 1: ties records that share a SYN or a request fingerprint that identifies one
    /// connection on its own.
    func tieStrong(_ sets: inout UnionFind, _ evidence: inout [MatchEvidence]) {
        var keyed = strongKeys
        RadixSort.sortByKey(&keyed)
        var start = 0
        while start < keyed.count {
            var end = start + 1
            while end < keyed.count, keyed[end].key == keyed[start].key { end += 1 }
            if end - start > 1 {
                tie(keyed[start..<end], .syn, &sets, &evidence)
                tie(keyed[start..<end], .request, &sets, &evidence)
            }
            start = end
        }
    }

    /// Ties the records of one run of equal keys that hold it as `kind` of content, when
    /// there are two or more of them. (Which record is tied to which does not matter: a
    /// set's root is its smallest index whatever the order of unions.)
    private func tie(_ run: ArraySlice<KeyedValue>, _ kind: MatchEvidence, _ sets: inout UnionFind,
                     _ evidence: inout [MatchEvidence]) {
        var first: Int?
        var count = 0
        for item in run where UInt8(truncatingIfNeeded: item.value) == kind.rawValue {
            count += 1
            if first == nil { first = Int(item.value >> 8) }
        }
        guard count > 1, let first else { return }
        for item in run where UInt8(truncatingIfNeeded: item.value) == kind.rawValue {
            let index = Int(item.value >> 8)
            sets.union(first, index)
            evidence[index].insert(kind)
        }
    }

    /// Step 3: ties records by weaker content (a SYN whose sequence number and timestamp
    /// were rewritten, a request with neither timestamp nor IP ID). Only groups that so
    /// far hold one 5-tuple take part; within a bucket of equal content, two groups are
    /// tied when their tuples can be two legs of one connection, they are within the
    /// window of corrected time, and each is the other's nearest such group.
    func tieWeak(_ sets: inout UnionFind, _ evidence: inout [MatchEvidence], offsets: OffsetEstimate) {
        let single = singleTupleSets(&sets)
        var bySYN: [UInt64: [Int]] = [:]
        var byRequest: [UInt64: [Int]] = [:]
        for i in records.indices where single[sets.find(i)] {
            if let key = Self.weakSYNKey(records[i]) { bySYN[key, default: []].append(i) }
            if Self.requestKey(records[i], strong: true) == nil, let key = Self.requestKey(records[i], strong: false) {
                byRequest[key, default: []].append(i)
            }
        }
        for (bucket, mark) in [(bySYN, MatchEvidence.synWithinWindow), (byRequest, .requestWithinWindow)] {
            for members in bucket.values.sorted(by: { $0[0] < $1[0] }) where members.count > 1 {
                for (a, b) in mutualNearest(members, &sets, offsets) {
                    sets.union(a, b)
                    for i in members where sets.find(i) == sets.find(a) { evidence[i].insert(mark) }
                }
            }
        }
    }

    /// For each root: whether its set holds a single 5-tuple.
    private func singleTupleSets(_ sets: inout UnionFind) -> [Bool] {
        var first = [TupleKey?](repeating: nil, count: records.count)
        var single = [Bool](repeating: true, count: records.count)
        for i in records.indices {
            let root = sets.find(i)
            let tuple = tuples[i]
            if let seen = first[root] {
                if seen != tuple { single[root] = false }
            } else {
                first[root] = tuple
            }
        }
        return single
    }

    private struct Candidate {
        var root: Int
        var time: Int64
        var tuple: TupleKey
    }

    /// Pairs of groups (by a member each) that are each other's nearest compatible group.
    private func mutualNearest(_ members: [Int], _ sets: inout UnionFind, _ offsets: OffsetEstimate) -> [(Int, Int)] {
        var byRoot: [Int: Candidate] = [:]
        for i in members {
            let root = sets.find(i)
            let t = offsets.corrected(time(i), input: inputs[i])
            if let existing = byRoot[root], existing.time <= t { continue }
            byRoot[root] = Candidate(root: root, time: t, tuple: tuples[i])
        }
        let candidates = byRoot.values.sorted { ($0.time, $0.root) < ($1.time, $1.root) }
        let nearest = candidates.indices.map { nearestCompatible($0, candidates) }
        var pairs: [(Int, Int)] = []
        for (i, j) in nearest.enumerated() {
            guard let j, i < j, nearest[j] == i else { continue }
            pairs.append((candidates[i].root, candidates[j].root))
        }
        return pairs
    }

    private func nearestCompatible(_ i: Int, _ candidates: [Candidate]) -> Int? {
        var best: (distance: Int64, index: Int)?
        for j in candidates.indices where j != i {
            let distance = abs(candidates[j].time - candidates[i].time)
            guard distance <= windowNanoseconds, TupleKey.canBeLegs(candidates[i].tuple, candidates[j].tuple) else { continue }
            if best == nil || distance < best?.distance ?? .max { best = (distance, j) }
        }
        return best?.index
    }

    static func synKey(_ r: FlowRecord) -> UInt64? {
        guard r.protocolNumber == .tcp, let sequence = r.fingerprint.synSequence else { return nil }
        let f = r.fingerprint
        return key(1, UInt64(sequence) | UInt64(f.synWindow) << 32 | UInt64(f.firstIPID) << 48, UInt64(f.synTimestamp))
    }

    /// The SYN's window and MSS, and its IP ID (IPv4): what FULL-NAT leaves of a SYN.
    private static func weakSYNKey(_ r: FlowRecord) -> UInt64? {
        let f = r.fingerprint
        guard r.protocolNumber == .tcp, f.synSequence != nil else { return nil }
        return key(2, UInt64(f.synWindow) | UInt64(f.firstIPID) << 16 | UInt64(r.orig.mss ?? 0) << 32, 0)
    }

    /// TCP: digest, length and timestamp (strong when the timestamp is there). UDP and
    /// ICMP echo: digest, length and IP ID (strong when the IP ID is not 0).
    static func requestKey(_ r: FlowRecord, strong: Bool) -> UInt64? {
        let f = r.fingerprint
        guard let digest = f.requestDigest else { return nil }
        let isTCP = r.protocolNumber == .tcp
        guard isTCP || r.protocolNumber == .udp || r.icmpIdentifier != nil else { return nil }
        let tag = isTCP ? UInt64(f.requestTimestamp) : UInt64(f.firstIPID)
        if strong, tag == 0 { return nil }
        return key(3 + UInt64(r.protocolNumber.rawValue) << 8, UInt64(digest) | UInt64(f.requestLength) << 32,
                   strong ? tag : 0)
    }

    /// One folded multiply (`FlowKey.fold`) of the fields, the kind spread over every bit of
    /// the first: keys are only compared and radix-sorted by their top bits.
    private static func key(_ kind: UInt64, _ a: UInt64, _ b: UInt64) -> UInt64 {
        FlowKey.fold(a ^ kind &* 0x9E37_79B9_7F4A_7C15 ^ 0x6A09_E667_F3BC_C908, b ^ 0xBB67_AE85_84CA_A73B)
    }
}
